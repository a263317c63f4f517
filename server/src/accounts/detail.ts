// One account for its page (METRICS.md "Accounts"): scores, each health component with its weight
// and a one-line reason, its users, and the results so far a CSM can show at renewal.
import { HEALTH_COMPONENTS, type AccountDetail, type AccountItem, type AccountResults } from '../contracts/responses';
import type { Settings } from '../contracts/settings';
import type { Database } from '../db';
import { iso } from '../http/iso';
import { DAY_MS } from '../time';
import { nearestRank } from '../stats/percentile';
import { explain, HEALTH_WEIGHTS, npsOf } from './health';
import { atOf, scoreAccounts, type ScoredAccount } from './score';
import { readMembers, type MemberRow } from './store';

/** The account page lists at most this many users, most recently seen first. */
export const MAX_LISTED_USERS = 1000;

/** The list item's fields, as GET /v1/accounts and the CSV give them. */
export const accountItem = (a: AccountItem): AccountItem => ({
  id: a.id,
  name: a.name,
  segment: a.segment,
  health: a.health,
  stage: a.stage,
  activeUsers: a.activeUsers,
  users: a.users,
  seats: a.seats,
  expansion: a.expansion,
  mrr: a.mrr,
  risk: a.risk,
});

/**
 * usersOnboarded: users who reached value by asOf. activationRate: activated / users past the
 * activation window. medianTtvMs: nearest-rank median TTV of those who reached value.
 */
export function resultsOf(a: ScoredAccount, members: readonly MemberRow[], asOf: number): AccountResults {
  const ttvs = members
    .filter((m) => m.valueAt !== null && m.valueAt <= asOf && m.start !== null)
    .map((m) => Math.max(0, (m.valueAt ?? 0) - (m.start ?? 0)))
    .sort((x, y) => x - y);
  const f = a.facts;
  return {
    users: a.users,
    usersOnboarded: ttvs.length,
    activated: f.activated,
    mature: f.mature,
    activationRate: f.mature === 0 ? null : f.activated / f.mature,
    medianTtvMs: nearestRank(ttvs, 0.5),
    nps: npsOf(f),
    respondents: f.respondents,
  };
}

/** The account at asOf, or null when it is unknown then. `moved`: also find users who left it since. */
export async function accountDetail(db: Database, workspaceId: number, settings: Settings, id: string, asOf: number, moved: boolean): Promise<AccountDetail | null> {
  const only = { id, moved };
  const [scored, members] = await Promise.all([
    scoreAccounts(db, workspaceId, settings, asOf, only),
    readMembers(db, workspaceId, atOf(settings, asOf), only),
  ]);
  const a = scored[0];
  if (a === undefined) return null;
  const dormantBefore = asOf - settings.dormantAfterDays * DAY_MS;
  const present = HEALTH_COMPONENTS.filter((n) => a.components[n] !== null);
  const weightSum = present.reduce((s, n) => s + HEALTH_WEIGHTS[n], 0);
  return {
    asOf: iso(asOf),
    ...accountItem(a),
    traits: a.traits,
    components: HEALTH_COMPONENTS.map((name) => {
      const value = a.components[name];
      return {
        name,
        value,
        weight: HEALTH_WEIGHTS[name],
        // The share of the score it carries once missing components are left out.
        effectiveWeight: value === null || weightSum === 0 ? 0 : HEALTH_WEIGHTS[name] / weightSum,
        explanation: explain(name, a.facts),
      };
    }),
    results: resultsOf(a, members, asOf),
    users: members.slice(0, MAX_LISTED_USERS).map((m) => ({
      id: m.id,
      lastSeen: iso(m.lastSeen),
      activated: m.activated,
      dormant: m.lastSeen !== null && m.lastSeen <= dormantBefore,
    })),
    usersTruncated: members.length > MAX_LISTED_USERS,
  };
}
