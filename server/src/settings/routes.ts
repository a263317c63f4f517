// GET/PUT /v1/settings: value event, activation, dormancy, segments, identity verification, throttle, theme.
import { Hono } from 'hono';
import { settingsSchema } from '../contracts/settings';
import type { AdminEnv } from '../http/admin-auth';
import { readJson } from '../http/body';
import { parseOr400 } from '../http/validate';
import type { SettingsStore } from './store';

export function settingsRoutes(store: SettingsStore) {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => c.json(await store.get(c.var.workspace.id)));

  // PUT replaces the document; fields left out take their defaults.
  app.put('/', async (c) => {
    const { value } = await readJson(c);
    const settings = parseOr400(settingsSchema, value, 'settings');
    return c.json(await store.put(c.var.workspace.id, settings));
  });

  return app;
}
