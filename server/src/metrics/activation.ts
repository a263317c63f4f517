// Activation rate over the cohort's mature users (METRICS.md activation).
import { DAY_MS } from '../time';
import { cohortSql, scopeArgs, type Scope } from './scope';

export async function activation(scope: Scope) {
  const { events, windowDays } = scope.settings.activation;
  const result = await scope.db.execute({
    sql: `SELECT count(*) AS users, coalesce(sum(start + :window <= :asOf), 0) AS mature,
            coalesce(sum(start + :window <= :asOf AND activated = 1), 0) AS activated
          FROM (${cohortSql(scope, 'activated')})`,
    args: scopeArgs(scope, { window: windowDays * DAY_MS }),
  });
  const row = result.rows[0]!;
  const mature = Number(row.mature);
  if (events.length === 0) {
    return { users: Number(row.users), mature, activated: null, rate: null, note: 'No activation events are set in /v1/settings (activation.events).' };
  }
  const activated = Number(row.activated);
  return { users: Number(row.users), mature, activated, rate: mature === 0 ? null : activated / mature };
}
