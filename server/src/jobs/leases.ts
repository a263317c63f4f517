// Job leases in the database: a job runs where its unexpired lease is held, so on one server at a time.
import type { Database } from '../db';

export function createJobLeases(db: Database) {
  return {
    /**
     * Takes the lease of `name` until `until` if nobody holds it at `at`. One upsert: of two
     * servers trying at once, exactly one gets a row back.
     */
    async acquire(name: string, owner: string, at: number, until: number): Promise<boolean> {
      const r = await db.execute({
        sql: `INSERT INTO job_leases (name, owner, expires_at) VALUES (?, ?, ?)
              ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
              WHERE job_leases.expires_at <= ?
              RETURNING owner`,
        args: [name, owner, until, at],
      });
      return r.rows.length === 1;
    },

    /** Moves the end of a lease this owner still holds (after a run: to when the next run is due). */
    async holdUntil(name: string, owner: string, until: number): Promise<void> {
      await db.execute({ sql: 'UPDATE job_leases SET expires_at = ? WHERE name = ? AND owner = ?', args: [until, name, owner] });
    },
  };
}

export type JobLeases = ReturnType<typeof createJobLeases>;
