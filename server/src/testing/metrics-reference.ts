// METRICS.md transcribed literally over raw Segment messages: the oracle the rollup-based
// endpoints are checked against. Slow on purpose (no rollups, no cleverness).
import { compare } from '../audience/compare';
import type { Settings } from '../contracts/settings';
import { kaplanMeierMedian } from '../stats/kaplan-meier';
import { nearestRank } from '../stats/percentile';

export type RawMessage = {
  type: string;
  userId?: string;
  anonymousId?: string;
  groupId?: string;
  event?: string;
  timestamp: string;
  traits?: Record<string, unknown>;
  properties?: Record<string, unknown>;
};
export type RefQuery = { from: number; to: number; asOf: number; segment: string | null; weeks: number };

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const time = (m: RawMessage) => Date.parse(m.timestamp);
const isActivity = (m: RawMessage) => m.type === 'track' || m.type === 'page';

function createdAtMs(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

/** The latest of `messages` (by timestamp; ties: greater value) that yields a value. */
function latest<T>(messages: readonly RawMessage[], pick: (m: RawMessage) => T | undefined, key: (v: T) => string | number): T | undefined {
  let best: { at: number; value: T } | undefined;
  for (const m of messages) {
    const value = pick(m);
    if (value === undefined) continue;
    const at = time(m);
    if (best === undefined || at > best.at || (at === best.at && key(value) > key(best.value))) best = { at, value };
  }
  return best?.value;
}

export function referenceMetrics(all: readonly RawMessage[], settings: Settings, q: RefQuery) {
  const messages = all.filter((m) => time(m) <= q.asOf);
  const byUser = new Map<string, RawMessage[]>();
  for (const m of messages) if (m.userId !== undefined) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  const groups = messages.filter((m) => m.type === 'group' && m.groupId !== undefined);

  const accountTraitsAt = (accountId: string, at: number) => {
    const traits: Record<string, unknown> = {};
    const mine = groups.filter((g) => g.groupId === accountId && time(g) <= at);
    const keys = new Set(mine.flatMap((g) => Object.keys(g.traits ?? {})));
    for (const key of keys) traits[key] = latest(mine, (g) => g.traits?.[key], (v) => JSON.stringify(v));
    return traits;
  };
  const accountExisted = (accountId: string, at: number) => groups.some((g) => g.groupId === accountId && time(g) <= at);
  const segmentOf = (accountId: string, at: number) => {
    if (!accountExisted(accountId, at)) return null;
    const traits = accountTraitsAt(accountId, at);
    return settings.segments.find((r) => r.when === undefined || compare(traits[r.when.account], r.when.op, r.when.value))?.name ?? null;
  };
  const accountOf = (ms: readonly RawMessage[]) => latest(ms.filter((m) => m.type === 'group'), (m) => m.groupId, (v) => v);
  const inSegment = (ms: readonly RawMessage[]) => {
    if (q.segment === null) return true;
    const account = accountOf(ms);
    return account !== undefined && segmentOf(account, q.asOf) === q.segment;
  };

  const users = [...byUser].map(([id, ms]) => {
    const activity = ms.filter(isActivity).map(time).sort((a, b) => a - b);
    const created = latest(ms.filter((m) => m.type === 'identify'), (m) => createdAtMs(m.traits?.createdAt) ?? undefined, (v) => v);
    const start = created ?? activity[0] ?? null;
    const valueTimes = ms.filter((m) => m.type === 'track' && m.event === settings.valueEvent).map(time);
    const valueAt = valueTimes.length === 0 ? null : Math.min(...valueTimes);
    const did = (event: string, a: number, b: number) => ms.some((m) => m.type === 'track' && m.event === event && time(m) >= a && time(m) <= b);
    const windowEnd = start === null ? 0 : start + settings.activation.windowDays * DAY;
    const activated = start !== null && settings.activation.events.length > 0 && settings.activation.events.every((e) => did(e, start, windowEnd));
    const returns = activity.filter((t, i) => i > 0 && activity[i - 1]! <= t - settings.dormantAfterDays * DAY);
    return { id, ms, activity, start, valueAt, activated, returns, inSegment: inSegment(ms) };
  });
  const cohort = users.filter((u) => u.inSegment && u.start !== null && u.start >= q.from && u.start < q.to);

  const observations = cohort.map((u) =>
    u.valueAt !== null ? { time: Math.max(0, u.valueAt - u.start!), reached: true } : { time: Math.max(0, q.asOf - u.start!), reached: false },
  );
  const reached = observations.filter((o) => o.reached).map((o) => o.time).sort((a, b) => a - b);
  const ttv = {
    users: cohort.length,
    reached: reached.length,
    medianMs: nearestRank(reached, 0.5),
    p90Ms: nearestRank(reached, 0.9),
    kmMedianMs: kaplanMeierMedian(observations),
  };

  const mature = cohort.filter((u) => u.start! + settings.activation.windowDays * DAY <= q.asOf);
  const activation = { users: cohort.length, mature: mature.length, activated: mature.filter((u) => u.activated).length };

  const cohortsByWeek = new Map<string, typeof cohort>();
  for (const u of cohort) {
    const day = Math.floor(u.start! / DAY);
    const monday = new Date((day - ((day + 3) % 7)) * DAY).toISOString().slice(0, 10);
    cohortsByWeek.set(monday, [...(cohortsByWeek.get(monday) ?? []), u]);
  }
  const retention = [...cohortsByWeek].sort(([a], [b]) => a.localeCompare(b)).map(([week, members]) => ({
    week,
    size: members.length,
    retained: Array.from({ length: q.weeks }, (_, k) =>
      members.every((u) => u.start! + (k + 1) * WEEK <= q.asOf)
        ? members.filter((u) => u.activity.some((t) => t >= u.start! + k * WEEK && t < u.start! + (k + 1) * WEEK)).length
        : null,
    ),
  }));

  const seen = users.filter((u) => u.inSegment && u.activity.length > 0);
  const dormantBefore = q.asOf - settings.dormantAfterDays * DAY;
  const dormancy = {
    active: seen.filter((u) => u.activity.at(-1)! > dormantBefore).length,
    dormant: seen.filter((u) => u.activity.at(-1)! <= dormantBefore).length,
    reactivated: seen.filter((u) => u.returns.some((t) => t >= q.from && t < q.to)).length,
  };

  const scores = users
    .filter((u) => u.inSegment)
    .flatMap((u) => {
      const answers = u.ms.filter((m) => m.type === 'track' && m.event === 'Onward Survey Responded' && Number.isInteger(m.properties?.score)
        && (m.properties!.score as number) >= 0 && (m.properties!.score as number) <= 10 && time(m) >= q.from && time(m) < q.to);
      const last = latest(answers, (m) => m.properties!.score as number, (v) => v);
      return last === undefined ? [] : [last];
    });
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const nps = { respondents: scores.length, promoters, detractors, nps: scores.length === 0 ? null : Math.round((100 * (promoters - detractors)) / scores.length) };

  const mrr = (accountId: string, at: number) => {
    const v = latest(groups.filter((g) => g.groupId === accountId && time(g) <= at), (g) => g.traits?.mrr, (x) => JSON.stringify(x));
    return typeof v === 'number' ? v : 0;
  };
  const accountIds = [...new Set(groups.map((g) => g.groupId!))].filter((a) => q.segment === null || segmentOf(a, q.from) === q.segment);
  const paying = accountIds.filter((a) => mrr(a, q.from) > 0);
  const end = Math.min(q.to, q.asOf);
  const ndr = {
    beginMrr: paying.reduce((s, a) => s + mrr(a, q.from), 0),
    endMrr: paying.reduce((s, a) => s + Math.max(0, mrr(a, end)), 0),
    churn: paying.filter((a) => mrr(a, end) <= 0).reduce((s, a) => s + mrr(a, q.from), 0),
  };

  return { ttv, activation, retention, dormancy, nps, ndr };
}
