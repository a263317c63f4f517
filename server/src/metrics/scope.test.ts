import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../contracts/settings';
import { METRIC_SETTINGS } from '../testing/messages';
import { createTestApp } from '../testing/test-app';
import { cohortSql, scopeArgs, type CohortColumn, type Scope } from './scope';

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

  // At a past asOf, most users whose createdAt came later joined later: a row read for each of them
  // (300k thirty days back at a million users) cost ~350 ms a cohort, where their index entries cost ~20.
  it('tells who started elsewhere at asOf from the created-at index alone, reading only their rows', async () => {
    const t = await createTestApp();
    const query = { from: 0, to: 1, asOf: 1, segment: null, weeks: 8 };
    const scope: Scope = { db: t.db, workspaceId: 1, query, settings: settingsSchema.parse(METRIC_SETTINGS), accounts: null };
    const plan = await t.db.execute({ sql: `EXPLAIN QUERY PLAN ${cohortSql(scope, 'value_at')}`, args: scopeArgs(scope) });
    const details = plan.rows.map((r) => String(r.detail));
    expect(details).toContainEqual('SEARCH k USING COVERING INDEX users_created_set (workspace_id=? AND created_set_at>?)');
    expect(details).toContainEqual('SEARCH u USING PRIMARY KEY (workspace_id=? AND id=?)');
  });
});
