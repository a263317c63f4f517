// At most 10 failed sign-ins per email and client address in 15 minutes; the 11th try answers 429.
// Counted in the database so every server behind a load balancer sees the same failures.
import type { Database } from '../db';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;

export function createSignInLimit(db: Database, now: () => number = Date.now) {
  return {
    /** Seconds until the next try is allowed, or null when it is allowed now. */
    async retryAfter(key: string): Promise<number | null> {
      const result = await db.execute({
        sql: 'SELECT count(*) AS n, min(at) AS first FROM (SELECT at FROM sign_in_failures WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?)',
        args: [key, now() - WINDOW_MS, MAX_FAILURES],
      });
      const row = result.rows[0];
      if (row === undefined || Number(row.n) < MAX_FAILURES) return null;
      // The oldest of the last ten failures leaves the window first.
      return Math.max(1, Math.ceil((Number(row.first) + WINDOW_MS - now()) / 1000));
    },

    async fail(key: string): Promise<void> {
      await db.execute({ sql: 'DELETE FROM sign_in_failures WHERE at <= ?', args: [now() - WINDOW_MS] });
      await db.execute({ sql: 'INSERT INTO sign_in_failures (key, at) VALUES (?, ?)', args: [key, now()] });
    },

    async clear(key: string): Promise<void> {
      await db.execute({ sql: 'DELETE FROM sign_in_failures WHERE key = ?', args: [key] });
    },
  };
}

export type SignInLimit = ReturnType<typeof createSignInLimit>;
