// Exposed vs held-out comparisons of a flow report (METRICS.md "Flows"): goal conversion,
// activation and time-to-value, each with a 95% interval, a verdict and a plain sentence.
import type { Settings } from '../contracts/settings';
import { DAY_MS, HOUR_MS } from '../time';
import { boundedResamples, kmMedianDifferenceInterval } from '../stats/bootstrap';
import { kaplanMeierMedian, type Observation } from '../stats/kaplan-meier';
import { rate, waldDifference, type Interval } from '../stats/proportions';
import type { Member } from './report-store';

export type Verdict = 'not_enough_users' | 'no_detectable_effect' | 'likely_real';

/** Below these, per group, an interval is too rough to judge by (np ≥ 5 and n(1 − p) ≥ 5 for Wald). */
export const MIN_USERS = 30;
export const MIN_OUTCOMES = 5;
/** Fixed, so the same data always gives the same bootstrap interval. */
export const BOOTSTRAP_SEED = 0x5eed;

type Arms<T> = { exposed: T; holdout: T };

const split = (members: readonly Member[]): Arms<Member[]> => ({
  exposed: members.filter((m) => !m.holdout),
  holdout: members.filter((m) => m.holdout),
});

const judge = (enough: boolean, ci: Interval | null): Verdict =>
  !enough || ci === null ? 'not_enough_users' : ci[0] <= 0 && 0 <= ci[1] ? 'no_detectable_effect' : 'likely_real';

const PHRASE: Record<Verdict, string> = {
  likely_real: 'likely real',
  no_detectable_effect: 'no detectable effect',
  not_enough_users: 'not enough users yet',
};

/** 0.083 → "+8.3 points"; 0.08 → "+8 points". */
export function points(difference: number): string {
  const value = Math.round(Math.abs(difference) * 1000) / 10;
  return `${value === 0 ? '' : difference > 0 ? '+' : '-'}${value} points`;
}

/** 18_000_000 → "5 h"; 216_000_000 → "2.5 d". */
export function duration(ms: number): string {
  const units: [number, string][] = [[DAY_MS, 'd'], [HOUR_MS, 'h'], [60_000, 'min'], [1000, 's']];
  const [size, unit] = units.find(([u]) => Math.abs(ms) >= u) ?? [1, 'ms'];
  return `${Math.round((Math.abs(ms) / size) * 10) / 10} ${unit}`;
}

const sentence = (verdict: Verdict, what: string | null) => (what === null ? PHRASE[verdict] : `${what}, ${PHRASE[verdict]}`);

/** Two proportions: Wald difference, verdict (enough = every group has ≥ 30 users, ≥ 5 successes and ≥ 5 failures). */
function compareProportions(x: Arms<{ users: number; successes: number }>) {
  const wald = waldDifference(x.exposed.successes, x.exposed.users, x.holdout.successes, x.holdout.users);
  const enough = [x.exposed, x.holdout].every((g) => g.users >= MIN_USERS && g.successes >= MIN_OUTCOMES && g.users - g.successes >= MIN_OUTCOMES);
  const verdict = judge(enough, wald?.ci95 ?? null);
  return { difference: wald?.difference ?? null, ci95: wald?.ci95 ?? null, verdict, summary: sentence(verdict, wald === null ? null : points(wald.difference)) };
}

/** Goal conversion: a goal event within withinDays of the first start or hold-out. */
export function compareGoal(members: readonly Member[], goal: { event: string; withinDays: number }, asOf: number) {
  const withinMs = Math.round(goal.withinDays * DAY_MS);
  const arm = (group: Member[]) => {
    const converted = group.filter((m) => m.converted).length;
    // Still inside their window at asOf: they may convert later.
    return { users: group.length, converted, rate: rate(converted, group.length), pending: group.filter((m) => m.at + withinMs > asOf).length };
  };
  const { exposed, holdout } = split(members);
  const arms = { exposed: arm(exposed), holdout: arm(holdout) };
  const { difference, ...rest } = compareProportions({
    exposed: { users: arms.exposed.users, successes: arms.exposed.converted },
    holdout: { users: arms.holdout.users, successes: arms.holdout.converted },
  });
  return { event: goal.event, withinDays: goal.withinDays, ...arms, lift: difference, ...rest };
}

/** Activation (METRICS.md activation) of the users whose activation window has ended by asOf. */
export function compareActivation(members: readonly Member[], activation: Settings['activation'], asOf: number) {
  const windowMs = activation.windowDays * DAY_MS;
  const arm = (group: Member[]) => {
    const mature = group.filter((m) => m.start !== null && m.start + windowMs <= asOf);
    const activated = mature.filter((m) => m.activated).length;
    return { users: mature.length, activated, rate: rate(activated, mature.length) };
  };
  const { exposed, holdout } = split(members);
  const arms = { exposed: arm(exposed), holdout: arm(holdout) };
  const compared = compareProportions({
    exposed: { users: arms.exposed.users, successes: arms.exposed.activated },
    holdout: { users: arms.holdout.users, successes: arms.holdout.activated },
  });
  return { events: activation.events, windowDays: activation.windowDays, ...arms, ...compared };
}

/** TTV observations as METRICS.md ttv: reached by asOf, else censored at max(0, asOf − start). */
const observations = (group: readonly Member[], asOf: number): Observation[] =>
  group.flatMap((m): Observation[] => {
    if (m.start === null) return [];
    return m.valueAt !== null && m.valueAt <= asOf
      ? [{ time: Math.max(0, m.valueAt - m.start), reached: true }]
      : [{ time: Math.max(0, asOf - m.start), reached: false }];
  });

/** Kaplan–Meier median time-to-value, with a percentile bootstrap interval of the difference. */
export function compareTimeToValue(members: readonly Member[], valueEvent: string, asOf: number) {
  const { exposed, holdout } = split(members);
  const obs = { exposed: observations(exposed, asOf), holdout: observations(holdout, asOf) };
  const arm = (o: Observation[]) => ({ users: o.length, reached: o.filter((x) => x.reached).length, kmMedianMs: kaplanMeierMedian(o) });
  const arms = { exposed: arm(obs.exposed), holdout: arm(obs.holdout) };
  const { exposed: e, holdout: h } = arms;
  const differenceMs = e.kmMedianMs === null || h.kmMedianMs === null ? null : e.kmMedianMs - h.kmMedianMs;
  const resamples = boundedResamples(e.users + h.users);
  const boot = differenceMs === null ? null : kmMedianDifferenceInterval(obs.exposed, obs.holdout, { resamples, seed: BOOTSTRAP_SEED });
  const ci95 = boot?.interval ?? null;
  const enough = [e, h].every((g) => g.users >= MIN_USERS && g.reached >= MIN_OUTCOMES);
  const verdict = judge(enough, ci95);
  const what =
    differenceMs === null ? null : differenceMs === 0 ? 'same median time-to-value' : `median time-to-value ${duration(differenceMs)} ${differenceMs < 0 ? 'shorter' : 'longer'}`;
  return {
    valueEvent,
    ...arms,
    differenceMs,
    ci95,
    bootstrap: { resamples, seed: BOOTSTRAP_SEED, undefinedResamples: boot?.undefinedResamples ?? null },
    verdict,
    summary: sentence(verdict, what),
  };
}
