// GET/PUT /v1/settings: value event, activation, dormancy, segments, identity verification, throttle, theme.
import { Hono } from 'hono';
import { settingsSchema, type Settings } from '../contracts/settings';
import type { AdminEnv } from '../http/admin-auth';
import { readJson } from '../http/body';
import { parseOr400 } from '../http/validate';
import type { SettingsStore } from './store';

export function settingsRoutes(store: SettingsStore) {
  const app = new Hono<AdminEnv>();

  // identitySecret is read-only: the vendor's backend signs userIds with it (identity verification).
  const withSecret = (settings: Settings, secret: string) => ({ ...settings, identitySecret: secret });

  app.get('/', async (c) => c.json(withSecret(await store.get(c.var.workspace.id), c.var.workspace.identitySecret)));

  // PUT replaces the document; fields left out take their defaults.
  app.put('/', async (c) => {
    const { value } = await readJson(c);
    const { identitySecret: _readOnly, ...rest } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const settings = parseOr400(settingsSchema, rest, 'settings');
    return c.json(withSecret(await store.put(c.var.workspace.id, settings), c.var.workspace.identitySecret));
  });

  return app;
}
