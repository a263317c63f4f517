// Every account's scores at asOf (METRICS.md "Accounts"): segment, stage, active users, expansion,
// health and risk flags, from one aggregate query and one traits query, joined here by account id.
import type { Settings } from '../contracts/settings';
import type { Database } from '../db';
import { segmentOf } from '../audience/segment';
import { createSettingsStore } from '../settings/store';
import { componentsOf, healthOf, type AccountFacts, type Components } from './health';
import type { AccountItem } from '../contracts/responses';
import { riskFlags } from './risk';
import { accountStage } from '../audience/stage';
import { readAccountIds, readAggregates, readTraitsAt, type AccountAggregate, type At, type Only } from './store';

/** The list item's fields, and what they were computed from. */
export type ScoredAccount = AccountItem & {
  facts: AccountFacts;
  components: Components;
  traits: Record<string, unknown>;
};

/** Traits the list needs; the detail reads them all. */
const LIST_TRAITS = ['name', 'seats', 'mrr', 'contractStart', 'renewalDate'];
/** expansion: active users reach this share of the seats bought. */
export const EXPANSION_SHARE = 0.9;

const EMPTY: AccountAggregate = { users: 0, activeUsers: 0, lastSeen: null, mature: 0, activated: 0, keyEventsUsed: 0, respondents: 0, promoters: 0, detractors: 0 };

function numberTrait(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

/** The activation events and the value event, once each. */
export const keyEventsOf = (s: Settings) => [...new Set([...s.activation.events, ...(s.valueEvent === null ? [] : [s.valueEvent])])];

export const atOf = (s: Settings, asOf: number): At => ({ asOf, windowDays: s.activation.windowDays, keyEvents: keyEventsOf(s) });

export function scoreOne(id: string, traits: Record<string, unknown>, agg: AccountAggregate, settings: Settings, asOf: number): ScoredAccount {
  const seats = numberTrait(traits.seats);
  const facts: AccountFacts = { asOf, ...agg, seats, keyEventsTotal: keyEventsOf(settings).length };
  const components = componentsOf(facts);
  const health = healthOf(components);
  const stage = accountStage(traits, asOf);
  return {
    id,
    name: typeof traits.name === 'string' ? traits.name : null,
    segment: segmentOf(traits, settings.segments),
    health,
    stage,
    activeUsers: agg.activeUsers,
    users: agg.users,
    seats,
    expansion: seats !== null && seats > 0 && agg.activeUsers >= EXPANSION_SHARE * seats,
    mrr: numberTrait(traits.mrr),
    risk: riskFlags({ ...facts, users: agg.users, stage, health }),
    facts,
    components,
    traits,
  };
}

/** Scores every account known by asOf, or only `only.id` (with all of its traits). */
export async function scoreAccounts(db: Database, workspaceId: number, settings: Settings, asOf: number, only: Only = null): Promise<ScoredAccount[]> {
  const keys = only === null ? [...new Set([...LIST_TRAITS, ...settings.segments.flatMap((r) => (r.when === undefined ? [] : [r.when.account]))])] : null;
  const [ids, aggregates, traits] = await Promise.all([
    readAccountIds(db, workspaceId, asOf, only?.id ?? null),
    readAggregates(db, workspaceId, atOf(settings, asOf), only),
    readTraitsAt(db, workspaceId, asOf, keys, only?.id ?? null),
  ]);
  return ids.map((id) => scoreOne(id, traits.get(id) ?? {}, aggregates.get(id) ?? EMPTY, settings, asOf));
}

/**
 * What a listing, its CSV and the jobs read of a scored account: not the facts and traits behind
 * it, which would double what the scoring thread sends the HTTP thread (~180 ms at 50k accounts).
 */
export type ListedAccount = AccountItem & { components: Components };

export function listedOf(a: ScoredAccount): ListedAccount {
  const { facts: _facts, traits: _traits, ...listed } = a;
  return listed;
}

/** Scores every account of a workspace at asOf: in-process (scoreAllIn) or on a worker thread (worker-scorer.ts). */
export type ScoreAll = (workspaceId: number, settings: Settings, asOf: number) => Promise<ListedAccount[]>;

export const scoreAllIn = (db: Database): ScoreAll => async (workspaceId, settings, asOf) => (await scoreAccounts(db, workspaceId, settings, asOf)).map(listedOf);

/**
 * Health and expansion of every account at asOf, for jobs that compare them over time.
 * @example const scores = await listAccountScores(db, workspace.id, Date.now());
 */
export async function listAccountScores(db: Database, workspaceId: number, asOf: number): Promise<{ id: string; health: number; expansion: boolean }[]> {
  const settings = await createSettingsStore(db).get(workspaceId);
  const scored = await scoreAccounts(db, workspaceId, settings, asOf);
  return scored.map((a) => ({ id: a.id, health: a.health, expansion: a.expansion }));
}
