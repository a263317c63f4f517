// Webhook endpoints of each workspace: parameterized SQL over the `webhooks` table.
import { randomBytes } from 'node:crypto';
import type { Row } from '@libsql/client';
import type { Webhook, WebhookEventType, WebhookSettings } from '../contracts/webhooks';
import type { Database } from '../db';
import { generateSecret } from './sign';

/** What the delivery side needs of an endpoint. */
export type ActiveWebhook = {
  id: string;
  events: WebhookEventType[];
  deepLink: WebhookSettings['deepLink'];
};

const iso = (ms: unknown) => new Date(Number(ms)).toISOString();

const deepLinkOf = (row: Row): WebhookSettings['deepLink'] =>
  row.deep_link_url === null ? null : { url: String(row.deep_link_url), flowId: String(row.deep_link_flow_id) };

function toWebhook(row: Row): Webhook {
  return {
    id: String(row.id),
    url: String(row.url),
    events: JSON.parse(String(row.events)) as WebhookEventType[],
    active: Number(row.active) === 1,
    description: String(row.description),
    deepLink: deepLinkOf(row),
    secret: String(row.secret),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const settingsArgs = (s: WebhookSettings) => [
  s.url,
  JSON.stringify(s.events),
  s.active ? 1 : 0,
  s.description,
  s.deepLink?.url ?? null,
  s.deepLink?.flowId ?? null,
];

export function createWebhookStore(db: Database, now: () => number = Date.now) {
  const get = async (workspaceId: number, id: string): Promise<Webhook | null> => {
    const r = await db.execute({ sql: 'SELECT * FROM webhooks WHERE workspace_id = ? AND id = ?', args: [workspaceId, id] });
    return r.rows[0] === undefined ? null : toWebhook(r.rows[0]);
  };

  return {
    get,

    async list(workspaceId: number): Promise<Webhook[]> {
      const r = await db.execute({ sql: 'SELECT * FROM webhooks WHERE workspace_id = ? ORDER BY created_at, id', args: [workspaceId] });
      return r.rows.map(toWebhook);
    },

    async create(workspaceId: number, settings: WebhookSettings): Promise<Webhook> {
      const id = `wh_${randomBytes(8).toString('hex')}`;
      const t = now();
      await db.execute({
        sql: `INSERT INTO webhooks (id, workspace_id, url, events, active, description, deep_link_url, deep_link_flow_id, secret, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [id, workspaceId, ...settingsArgs(settings), generateSecret(), t, t],
      });
      return (await get(workspaceId, id))!;
    },

    async update(workspaceId: number, id: string, settings: WebhookSettings): Promise<Webhook | null> {
      const r = await db.execute({
        sql: `UPDATE webhooks SET url = ?, events = ?, active = ?, description = ?, deep_link_url = ?, deep_link_flow_id = ?, updated_at = ?
              WHERE workspace_id = ? AND id = ?`,
        args: [...settingsArgs(settings), now(), workspaceId, id],
      });
      return r.rowsAffected === 0 ? null : get(workspaceId, id);
    },

    /** Removes the endpoint and its delivery log; a delivery in flight elsewhere finds nothing to update. */
    async remove(workspaceId: number, id: string): Promise<boolean> {
      const [removed] = await db.batch(
        [
          { sql: 'DELETE FROM webhooks WHERE workspace_id = ? AND id = ?', args: [workspaceId, id] },
          { sql: 'DELETE FROM webhook_deliveries WHERE workspace_id = ? AND webhook_id = ?', args: [workspaceId, id] },
        ],
        'write',
      );
      return (removed?.rowsAffected ?? 0) > 0;
    },

    /** The active endpoints of a workspace, for producing events. */
    async active(workspaceId: number): Promise<ActiveWebhook[]> {
      const r = await db.execute({
        sql: 'SELECT id, events, deep_link_url, deep_link_flow_id FROM webhooks WHERE workspace_id = ? AND active = 1 ORDER BY id',
        args: [workspaceId],
      });
      return r.rows.map((row) => ({
        id: String(row.id),
        events: JSON.parse(String(row.events)) as WebhookEventType[],
        deepLink: deepLinkOf(row),
      }));
    },

    /** Workspaces with at least one active endpoint: the only ones worth sweeping. */
    async workspacesWithActive(): Promise<number[]> {
      const r = await db.execute('SELECT DISTINCT workspace_id FROM webhooks WHERE active = 1 ORDER BY workspace_id');
      return r.rows.map((row) => Number(row.workspace_id));
    },
  };
}

export type WebhookStore = ReturnType<typeof createWebhookStore>;
