// Flow drafts and their immutable published versions.
import type { Row } from '@libsql/client';
import type { Flow, FlowDefinition } from '../contracts/flows';
import type { Database } from '../db';

export type FlowVersion = { flowId: string; version: number; definition: FlowDefinition; publishedAt: number };

function toFlow(row: Row): Flow {
  const definition = JSON.parse(String(row.definition)) as FlowDefinition;
  const published = row.published_version === null ? null : Number(row.published_version);
  return {
    ...definition,
    id: String(row.id),
    status: published === null ? 'draft' : 'published',
    publishedVersion: published,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

const toVersion = (row: Row): FlowVersion => ({
  flowId: String(row.flow_id),
  version: Number(row.version),
  definition: JSON.parse(String(row.definition)) as FlowDefinition,
  publishedAt: Number(row.published_at),
});

export function createFlowStore(db: Database, now: () => number = Date.now) {
  const one = async (workspaceId: number, id: string) => {
    const r = await db.execute({
      sql: 'SELECT * FROM flows WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL',
      args: [workspaceId, id],
    });
    return r.rows[0] === undefined ? null : toFlow(r.rows[0]);
  };

  return {
    get: one,

    /** True until the workspace has had any flow, deleted ones included. */
    async isEmpty(workspaceId: number): Promise<boolean> {
      const r = await db.execute({ sql: 'SELECT 1 FROM flows WHERE workspace_id = ? LIMIT 1', args: [workspaceId] });
      return r.rows.length === 0;
    },

    async list(workspaceId: number): Promise<Flow[]> {
      const r = await db.execute({
        sql: 'SELECT * FROM flows WHERE workspace_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
        args: [workspaceId],
      });
      return r.rows.map(toFlow);
    },

    /** Creates the flow; a deleted flow of the same id comes back with its version history. Null if it exists. */
    async create(workspaceId: number, flow: FlowDefinition): Promise<Flow | null> {
      const t = now();
      const r = await db.execute({
        sql: `INSERT INTO flows (workspace_id, id, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (workspace_id, id) DO UPDATE SET definition = excluded.definition,
                deleted_at = NULL, published_version = NULL, updated_at = excluded.updated_at
              WHERE deleted_at IS NOT NULL`,
        args: [workspaceId, flow.id, JSON.stringify(flow), t, t],
      });
      return r.rowsAffected === 0 ? null : one(workspaceId, flow.id);
    },

    async update(workspaceId: number, flow: FlowDefinition): Promise<Flow | null> {
      const r = await db.execute({
        sql: 'UPDATE flows SET definition = ?, updated_at = ? WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL',
        args: [JSON.stringify(flow), now(), workspaceId, flow.id],
      });
      return r.rowsAffected === 0 ? null : one(workspaceId, flow.id);
    },

    /** Hides the flow and stops delivering it; versions and progress stay for reports. */
    async remove(workspaceId: number, id: string): Promise<boolean> {
      const r = await db.execute({
        sql: `UPDATE flows SET deleted_at = ?, published_version = NULL
              WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL`,
        args: [now(), workspaceId, id],
      });
      return r.rowsAffected > 0;
    },

    /** Freezes the current draft as the next version and delivers it from now on. */
    async publish(workspaceId: number, id: string): Promise<Flow | null> {
      const next = `coalesce((SELECT max(version) FROM flow_versions WHERE workspace_id = ?1 AND flow_id = ?2), 0) + 1`;
      const [inserted] = await db.batch(
        [
          {
            sql: `INSERT INTO flow_versions (workspace_id, flow_id, version, definition, published_at)
                  SELECT workspace_id, id, ${next}, definition, ?3 FROM flows
                  WHERE workspace_id = ?1 AND id = ?2 AND deleted_at IS NULL`,
            args: [workspaceId, id, now()],
          },
          {
            sql: `UPDATE flows SET published_version = (SELECT max(version) FROM flow_versions
                    WHERE workspace_id = ?1 AND flow_id = ?2)
                  WHERE workspace_id = ?1 AND id = ?2 AND deleted_at IS NULL`,
            args: [workspaceId, id],
          },
        ],
        'write',
      );
      return inserted?.rowsAffected === 0 ? null : one(workspaceId, id);
    },

    async unpublish(workspaceId: number, id: string): Promise<Flow | null> {
      await db.execute({
        sql: 'UPDATE flows SET published_version = NULL WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL',
        args: [workspaceId, id],
      });
      return one(workspaceId, id);
    },

    async versions(workspaceId: number, id: string): Promise<FlowVersion[]> {
      const r = await db.execute({
        sql: 'SELECT * FROM flow_versions WHERE workspace_id = ? AND flow_id = ? ORDER BY version DESC',
        args: [workspaceId, id],
      });
      return r.rows.map(toVersion);
    },

    /** Users per version: the version of the flow each user last saw a step of. */
    async usersByVersion(workspaceId: number, id: string): Promise<Map<number, number>> {
      const r = await db.execute({
        sql: 'SELECT version, count(*) AS users FROM flow_progress WHERE workspace_id = ? AND flow_id = ? GROUP BY version',
        args: [workspaceId, id],
      });
      return new Map(r.rows.map((row) => [Number(row.version), Number(row.users)]));
    },

    /** The version every published flow delivers now. */
    async published(workspaceId: number): Promise<FlowVersion[]> {
      const r = await db.execute({
        sql: `SELECT v.* FROM flows f JOIN flow_versions v
                ON v.workspace_id = f.workspace_id AND v.flow_id = f.id AND v.version = f.published_version
              WHERE f.workspace_id = ? AND f.deleted_at IS NULL ORDER BY f.id`,
        args: [workspaceId],
      });
      return r.rows.map(toVersion);
    },

    /** Specific versions, for users who are part-way through an older one. */
    async someVersions(workspaceId: number, wanted: { flowId: string; version: number }[]): Promise<FlowVersion[]> {
      if (wanted.length === 0) return [];
      const r = await db.execute({
        sql: `SELECT * FROM flow_versions WHERE workspace_id = ? AND (flow_id, version) IN (${wanted.map(() => '(?, ?)').join(', ')})`,
        args: [workspaceId, ...wanted.flatMap((w) => [w.flowId, w.version])],
      });
      return r.rows.map(toVersion);
    },
  };
}

export type FlowStore = ReturnType<typeof createFlowStore>;
