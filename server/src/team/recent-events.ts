// GET /v1/events/recent (admin): the workspace's latest stored messages, newest first, for the
// dashboard's "events received" install check. Walks the events table by its integer key from the
// end, so it reads about `limit` rows (with one workspace per server, as today; several would want an
// index on (workspace_id, id)); `after` (the `latest` of the previous answer) polls for new ones.
// No total: count(*) over events is a full scan, and this endpoint must stay cheap enough to poll.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db';
import type { AdminEnv } from './admin-auth';
import { parseOr400 } from '../http/validate';

export const recentEventsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  after: z.coerce.number().int().min(0).optional(),
});

const iso = (ms: unknown) => new Date(Number(ms)).toISOString();
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function recentEventsRoutes(db: Database) {
  const app = new Hono<AdminEnv>();
  app.get('/recent', async (c) => {
    const { limit, after } = parseOr400(recentEventsQuerySchema, c.req.query(), 'query');
    // `+workspace_id` keeps SQLite off the (workspace_id, message_id) index, which would read every
    // event of the workspace and sort them: the walk down the integer key stops after `limit` rows.
    const result = await db.execute({
      sql: `SELECT id, type, event, user_id, anonymous_id, timestamp, received_at FROM events
            WHERE id > ? AND +workspace_id = ? ORDER BY id DESC LIMIT ?`,
      args: [after ?? 0, c.var.workspace.id, limit],
    });
    const events = result.rows.map((r) => ({
      id: Number(r.id),
      type: String(r.type),
      event: text(r.event),
      userId: text(r.user_id),
      anonymousId: text(r.anonymous_id),
      timestamp: iso(r.timestamp),
      receivedAt: iso(r.received_at),
    }));
    // `latest` is what to send as `after` next time: unchanged when nothing new arrived.
    return c.json({ events, latest: events[0]?.id ?? after ?? null });
  });
  return app;
}
