// /v1/webhooks (admin API): endpoints per workspace and their delivery log.
// Stage: configuration here; the jobs produce events and the delivery worker sends them.
import { Hono } from 'hono';
import type { WorkspaceStore } from '../auth/workspaces';
import { deliveryQuerySchema, webhookInputSchema, type Webhook } from '../contracts/webhooks';
import type { Database } from '../db';
import { adminAuth, type AdminEnv } from '../team/admin-auth';
import { badRequest, notFound } from '../http/api-error';
import { readJson } from '../http/body';
import { parseOr400 } from '../http/validate';
import { createDeliveryQueue } from './queue';
import { createWebhookStore } from './store';

// Sent back by clients that PUT what they got; the server owns them.
const READ_ONLY = ['secret', 'createdAt', 'updatedAt'];

function settingsFrom(value: unknown, urlId?: string) {
  const body = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  const { id, ...rest } = body;
  if (id !== undefined && id !== urlId) {
    throw badRequest(`The body's id (${String(id)}) is not this webhook's`, [{ path: 'id', message: urlId === undefined ? 'is generated; leave it out' : `must be ${urlId}` }]);
  }
  for (const key of READ_ONLY) delete rest[key];
  return parseOr400(webhookInputSchema, Array.isArray(value) ? value : rest, 'webhook');
}

export function webhookRoutes(deps: { db: Database; workspaces: WorkspaceStore; now?: () => number }) {
  const store = createWebhookStore(deps.db, deps.now);
  const queue = createDeliveryQueue(deps.db, deps.now);
  const app = new Hono<AdminEnv>();
  app.use('*', adminAuth(deps.workspaces));
  const found = (webhook: Webhook | null, id: string): Webhook => {
    if (webhook === null) throw notFound(`No webhook with id ${id}`);
    return webhook;
  };

  app.get('/', async (c) => c.json({ webhooks: await store.list(c.var.workspace.id) }));

  app.post('/', async (c) => {
    const settings = settingsFrom((await readJson(c)).value);
    return c.json(await store.create(c.var.workspace.id, settings), 201);
  });

  app.get('/:id', async (c) => c.json(found(await store.get(c.var.workspace.id, c.req.param('id')), c.req.param('id'))));

  // PUT replaces the settings; fields left out take their defaults. The secret never changes.
  app.put('/:id', async (c) => {
    const id = c.req.param('id');
    const settings = settingsFrom((await readJson(c)).value, id);
    return c.json(found(await store.update(c.var.workspace.id, id, settings), id));
  });

  app.delete('/:id', async (c) => {
    const id = c.req.param('id');
    if (!(await store.remove(c.var.workspace.id, id))) throw notFound(`No webhook with id ${id}`);
    return c.body(null, 204);
  });

  app.get('/:id/deliveries', async (c) => {
    const id = c.req.param('id');
    const { limit } = parseOr400(deliveryQuerySchema, c.req.query(), 'query');
    found(await store.get(c.var.workspace.id, id), id);
    return c.json({ deliveries: await queue.list(c.var.workspace.id, id, limit) });
  });

  return app;
}
