// GET /v1/events/names: every track event the workspace has sent, most frequent first, for the
// dashboard's pickers (value event, activation events, goals). Reads the event_names rollup.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db';
import type { AdminEnv } from '../team/admin-auth';
import { parseOr400 } from '../http/validate';

const querySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function catalogRoutes(db: Database) {
  const app = new Hono<AdminEnv>();
  app.get('/names', async (c) => {
    const { q, limit } = parseOr400(querySchema, c.req.query(), 'query');
    const result = await db.execute({
      sql: `SELECT event, count, first_at, last_at FROM event_names
            WHERE workspace_id = ? AND (? IS NULL OR instr(lower(event), lower(?)) > 0)
            ORDER BY count DESC, event LIMIT ?`,
      args: [c.var.workspace.id, q ?? null, q ?? null, limit],
    });
    return c.json({
      events: result.rows.map((r) => ({
        event: String(r.event),
        count: Number(r.count),
        firstAt: new Date(Number(r.first_at)).toISOString(),
        lastAt: new Date(Number(r.last_at)).toISOString(),
      })),
    });
  });
  return app;
}
