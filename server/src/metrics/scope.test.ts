import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../contracts/settings';
import { METRIC_SETTINGS } from '../testing/messages';
import { createTestApp } from '../testing/test-app';
import type { ReadAheadStatement } from '../db/read-ahead';
import { cohortSql, readAheadCohort, scopeArgs, type CohortColumn, type Scope } from './scope';

describe('cohortSql', () => {
  // A cohort holds hundreds of thousands of users: read from an index alone, and from the narrowest
  // one that has the column, as a cold first call pays for every page it reads from disk.
  it('reads the cohort from the narrowest covering index of users by start', async () => {
    const t = await createTestApp();
    const query = { from: 0, to: 1, asOf: 1, segment: null, weeks: 8 };
    const scope: Scope = { db: t.db, workspaceId: 1, query, settings: settingsSchema.parse(METRIC_SETTINGS), accounts: null };
    const expected: Record<CohortColumn, string> = { value_at: 'users_ttv', activated: 'users_start', retained_weeks: 'users_start' };
    for (const [column, index] of Object.entries(expected) as [CohortColumn, string][]) {
      const plan = await t.db.execute({ sql: `EXPLAIN QUERY PLAN ${cohortSql(scope, column)}`, args: scopeArgs(scope) });
      const details = plan.rows.map((r) => String(r.detail));
      expect(details, column).toContainEqual(expect.stringMatching(new RegExp(`^SEARCH u USING COVERING INDEX ${index} \\(workspace_id=\\? AND start_at>\\? AND start_at<\\?\\)`)));
    }
  });
});

describe('readAheadCohort', () => {
  const query = { from: 1_000, to: 2_000, asOf: 2_000, segment: null, weeks: 8 };

  it('has each thread read one later span of the cohort, from the index the query reads', async () => {
    const t = await createTestApp();
    const asked: ReadAheadStatement[] = [];
    const scope: Scope = {
      db: t.db, workspaceId: 1, query, settings: settingsSchema.parse(METRIC_SETTINGS), accounts: null,
      readAhead: { threads: 3, run: (statements) => asked.push(...statements) },
    };
    readAheadCohort(scope, 'value_at');
    // [1000, 1250) is the query's own; the threads take the rest, up to `to` exactly.
    expect(asked.map((s) => s.args)).toEqual([[1, 1_250, 1_500], [1, 1_500, 1_750], [1, 1_750, 2_000]]);
    const plan = await t.db.execute({ sql: `EXPLAIN QUERY PLAN ${asked[0]!.sql}`, args: asked[0]!.args });
    expect(plan.rows.map((r) => String(r.detail))).toContainEqual(
      expect.stringMatching(/^SEARCH users USING COVERING INDEX users_ttv \(workspace_id=\? AND start_at>\? AND start_at<\?\)/),
    );
  });

  it("has the threads read a segment's later accounts, in the order the query reads them", async () => {
    const t = await createTestApp();
    const asked: ReadAheadStatement[] = [];
    const scope: Scope = {
      db: t.db, workspaceId: 1, query, settings: settingsSchema.parse(METRIC_SETTINGS), accounts: ['e', 'a', 'd', 'b', 'c'],
      readAhead: { threads: 2, run: (statements) => asked.push(...statements) },
    };
    readAheadCohort(scope, 'value_at');
    // Three parts of two accounts: the query reads a and b itself.
    expect(asked.map((s) => s.args)).toEqual([[1, '["c","d"]', 1_000, 2_000], [1, '["e"]', 1_000, 2_000]]);
    const plan = await t.db.execute({ sql: `EXPLAIN QUERY PLAN ${asked[0]!.sql}`, args: asked[0]!.args });
    expect(plan.rows.map((r) => String(r.detail))).toContainEqual(
      expect.stringMatching(/^SEARCH users USING COVERING INDEX users_account_start \(workspace_id=\? AND account_id=\? AND start_at>\? AND start_at<\?\)/),
    );
  });

  it('reads nothing ahead without threads', async () => {
    const t = await createTestApp();
    const asked: ReadAheadStatement[] = [];
    const base = { db: t.db, workspaceId: 1, query, settings: settingsSchema.parse(METRIC_SETTINGS), accounts: null };
    readAheadCohort({ ...base, readAhead: { threads: 0, run: (statements) => void asked.push(...statements) } }, 'activated');
    readAheadCohort(base, 'activated');
    expect(asked).toEqual([]);
  });
});
