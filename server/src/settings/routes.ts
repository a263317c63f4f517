// GET/PUT /v1/settings: value event, activation, dormancy, segments, identity verification, throttle, theme.
import { Hono } from 'hono';
import { settingsSchema, type Settings } from '../contracts/settings';
import type { AdminEnv } from '../team/admin-auth';
import { readJson } from '../http/body';
import { parseOr400 } from '../http/validate';
import type { RebuildStore } from '../rollups/rebuild';
import type { SettingsStore } from './store';

/** What the derived user columns depend on; a change rebuilds them in the background. */
const derivedFrom = (s: Settings) => JSON.stringify([s.valueEvent, s.activation, s.dormantAfterDays]);

export function settingsRoutes(store: SettingsStore, rebuilds: RebuildStore, onRebuild: () => void) {
  const app = new Hono<AdminEnv>();

  // identitySecret is read-only: the vendor's backend signs userIds with it (identity verification).
  const withSecret = (settings: Settings, secret: string) => ({ ...settings, identitySecret: secret });

  app.get('/', async (c) => {
    const workspaceId = c.var.workspace.id;
    return c.json({ ...withSecret(await store.get(workspaceId), c.var.workspace.identitySecret), rebuild: await rebuilds.status(workspaceId) });
  });

  // PUT replaces the document; fields left out take their defaults.
  app.put('/', async (c) => {
    const { value } = await readJson(c);
    const { identitySecret: _readOnly, rebuild: _status, ...rest } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const settings = parseOr400(settingsSchema, rest, 'settings');
    const workspaceId = c.var.workspace.id;
    const before = await store.get(workspaceId);
    const rebuild = derivedFrom(before) === derivedFrom(settings) ? [] : [rebuilds.requestStatement(workspaceId, 'settings changed: value event, activation or dormancy threshold')];
    const saved = await store.put(workspaceId, settings, rebuild);
    if (rebuild.length > 0) onRebuild();
    return c.json({ ...withSecret(saved, c.var.workspace.identitySecret), rebuild: await rebuilds.status(workspaceId) });
  });

  return app;
}
