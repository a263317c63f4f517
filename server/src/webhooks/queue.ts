// The delivery queue in the database: enqueue once per (webhook, event), claim under a lease,
// record each attempt. Every write is one statement or one batch, so it is atomic across servers.
import type { InStatement, Row } from '@libsql/client';
import type { DeliveryStatus, WebhookDelivery, WebhookEvent, WebhookEventType } from '../contracts/webhooks';
import type { Database } from '../db';

/** One delivery to enqueue: the event's body for one endpoint. */
export type DeliveryRow = {
  workspaceId: number;
  webhookId: string;
  eventKey: string;
  messageId: string;
  type: WebhookEventType;
  payload: string;
};

/** A delivery claimed by this process until `leaseUntil`. */
export type Claimed = {
  id: number;
  url: string;
  secret: string;
  messageId: string;
  payload: string;
  /** Counting this one. */
  attempts: number;
};

export type AttemptResult = { statusCode: number | null; error: string | null };

const isoOrNull = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

function toDelivery(row: Row): WebhookDelivery {
  return {
    id: Number(row.id),
    type: String(row.type) as WebhookEventType,
    idempotencyKey: String(row.message_id),
    eventKey: String(row.event_key),
    status: String(row.status) as DeliveryStatus,
    attempts: Number(row.attempts),
    lastStatusCode: row.last_status === null ? null : Number(row.last_status),
    lastError: row.last_error === null ? null : String(row.last_error),
    nextAttemptAt: row.status === 'pending' ? isoOrNull(row.next_attempt_at) : null,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    deliveredAt: isoOrNull(row.delivered_at),
    event: JSON.parse(String(row.payload)) as WebhookEvent,
  };
}

export function createDeliveryQueue(db: Database, now: () => number = Date.now) {
  /** Ends a claimed attempt; a no-op when another process has claimed the row since. */
  const finish = (id: number, owner: string, set: string, args: (string | number | null)[]) =>
    db.execute({
      sql: `UPDATE webhook_deliveries SET ${set}, lease_owner = NULL, lease_until = NULL
            WHERE id = ? AND lease_owner = ? AND status = 'pending'`,
      args: [...args, id, owner],
    });

  return {
    /**
     * Inserts the deliveries not already queued, in one transaction with `also` (the cursor that
     * produced them), so a crash never advances a cursor past events it did not enqueue.
     */
    async enqueue(rows: DeliveryRow[], also: InStatement[] = []): Promise<number> {
      const t = now();
      const inserts = rows.map((r) => ({
        sql: `INSERT INTO webhook_deliveries (workspace_id, webhook_id, event_key, message_id, type, payload, next_attempt_at, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (webhook_id, event_key) DO NOTHING`,
        args: [r.workspaceId, r.webhookId, r.eventKey, r.messageId, r.type, r.payload, t, t],
      }));
      if (inserts.length + also.length === 0) return 0;
      const results = await db.batch([...inserts, ...also], 'write');
      return results.slice(0, inserts.length).reduce((n, r) => n + r.rowsAffected, 0);
    },

    /**
     * Leases up to `limit` due deliveries to `owner`. One UPDATE … RETURNING: two servers claiming
     * at once never get the same row. Counts the attempt now, so a crash mid-request still counts.
     */
    async claim(owner: string, options: { limit: number; leaseMs: number; maxAttempts: number }): Promise<Claimed[]> {
      const t = now();
      const claimed = await db.execute({
        sql: `UPDATE webhook_deliveries SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
              WHERE id IN (
                SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id AND w.active = 1
                WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND d.attempts < ?
                  AND (d.lease_until IS NULL OR d.lease_until <= ?)
                ORDER BY d.next_attempt_at, d.id LIMIT ?)
              RETURNING id, webhook_id, message_id, payload, attempts`,
        args: [owner, t + options.leaseMs, t, options.maxAttempts, t, options.limit],
      });
      if (claimed.rows.length === 0) return [];
      const ids = [...new Set(claimed.rows.map((r) => String(r.webhook_id)))];
      const hooks = await db.execute({
        sql: `SELECT id, url, secret FROM webhooks WHERE id IN (${ids.map(() => '?').join(', ')})`,
        args: ids,
      });
      const byId = new Map(hooks.rows.map((h) => [String(h.id), h]));
      // A webhook deleted between the two statements took its deliveries with it.
      return claimed.rows.flatMap((r) => {
        const hook = byId.get(String(r.webhook_id));
        if (hook === undefined) return [];
        return [{ id: Number(r.id), url: String(hook.url), secret: String(hook.secret), messageId: String(r.message_id), payload: String(r.payload), attempts: Number(r.attempts) }];
      });
    },

    delivered: (id: number, owner: string, result: AttemptResult) =>
      finish(id, owner, `status = 'delivered', delivered_at = ?, next_attempt_at = NULL, last_status = ?, last_error = NULL`, [now(), result.statusCode]),

    retryAt: (id: number, owner: string, result: AttemptResult, at: number) =>
      finish(id, owner, 'next_attempt_at = ?, last_status = ?, last_error = ?', [at, result.statusCode, result.error]),

    failed: (id: number, owner: string, result: AttemptResult) =>
      finish(id, owner, `status = 'failed', next_attempt_at = NULL, last_status = ?, last_error = ?`, [result.statusCode, result.error]),

    /** Gives a claim back without counting it (shutdown), so another server retries it at once. */
    release: (id: number, owner: string) => finish(id, owner, 'attempts = attempts - 1', []),

    /** Deliveries whose last allowed attempt was claimed by a process that died: failed, not stuck. */
    async failAbandoned(maxAttempts: number): Promise<number> {
      const r = await db.execute({
        sql: `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL,
                last_error = coalesce(last_error, 'no answer recorded: the sending process stopped')
              WHERE status = 'pending' AND attempts >= ? AND lease_until <= ?`,
        args: [maxAttempts, now()],
      });
      return r.rowsAffected;
    },

    /** Forgets finished deliveries created before `before`, a chunk at a time; returns how many. */
    async prune(before: number, limit = 1000): Promise<number> {
      const r = await db.execute({
        sql: `DELETE FROM webhook_deliveries WHERE id IN (
                SELECT id FROM webhook_deliveries WHERE created_at < ? AND status <> 'pending' ORDER BY id LIMIT ?)`,
        args: [before, limit],
      });
      return r.rowsAffected;
    },

    /** The delivery log of one endpoint, newest first. */
    async list(workspaceId: number, webhookId: string, limit: number): Promise<WebhookDelivery[]> {
      const r = await db.execute({
        sql: 'SELECT * FROM webhook_deliveries WHERE workspace_id = ? AND webhook_id = ? ORDER BY id DESC LIMIT ?',
        args: [workspaceId, webhookId, limit],
      });
      return r.rows.map(toDelivery);
    },
  };
}

export type DeliveryQueue = ReturnType<typeof createDeliveryQueue>;
