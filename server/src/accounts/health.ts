// Account health (METRICS.md "Accounts"): a weighted mean of components in [0, 1], scaled to 0–100.
// A component without data is left out and the other weights renormalised, so raising any one
// component while the others stay never lowers the score.
import { HEALTH_COMPONENTS, type HealthComponentName } from '../contracts/responses';
import { DAY_MS } from '../time';

/** The window of "recent": active users, key events used, recent-activity decay. */
export const RECENT_DAYS = 30;
/** Survey answers older than this no longer speak for the account. */
export const NPS_DAYS = 180;

export const HEALTH_WEIGHTS = {
  recentActivity: 0.25,
  seatsActive: 0.25,
  activation: 0.2,
  keyEvents: 0.15,
  nps: 0.15,
} as const satisfies Record<HealthComponentName, number>;

/** A component's value in [0, 1], or null when there is nothing to judge it by. */
export type Components = Record<HealthComponentName, number | null>;

/** What the components are computed from: one account's figures at asOf. */
export type AccountFacts = {
  asOf: number;
  /** Last activity of any of its users at or before asOf. */
  lastSeen: number | null;
  activeUsers: number;
  seats: number | null;
  /** Users whose activation window has ended by asOf, and how many of them activated. */
  mature: number;
  activated: number;
  keyEventsUsed: number;
  keyEventsTotal: number;
  /** Latest answer per user in the last NPS_DAYS. */
  respondents: number;
  promoters: number;
  detractors: number;
};

const clamp01 = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x);

/** NPS −100…100, or null without respondents. */
export const npsOf = (f: Pick<AccountFacts, 'respondents' | 'promoters' | 'detractors'>) =>
  f.respondents === 0 ? null : Math.round((100 * (f.promoters - f.detractors)) / f.respondents);

export function componentsOf(f: AccountFacts): Components {
  const nps = f.respondents === 0 ? null : (f.promoters - f.detractors) / f.respondents;
  return {
    recentActivity: f.lastSeen === null ? 0 : clamp01(1 - (f.asOf - f.lastSeen) / (RECENT_DAYS * DAY_MS)),
    seatsActive: f.seats === null || f.seats <= 0 ? null : clamp01(f.activeUsers / f.seats),
    activation: f.mature === 0 ? null : clamp01(f.activated / f.mature),
    keyEvents: f.keyEventsTotal === 0 ? null : clamp01(f.keyEventsUsed / f.keyEventsTotal),
    nps: nps === null ? null : clamp01((nps + 1) / 2),
  };
}

/** round(100 · Σ wᵢcᵢ / Σ wᵢ) over the components present; 0 when none is. */
export function healthOf(c: Components): number {
  let sum = 0;
  let weights = 0;
  for (const name of HEALTH_COMPONENTS) {
    const value = c[name];
    if (value === null) continue;
    sum += HEALTH_WEIGHTS[name] * clamp01(value);
    weights += HEALTH_WEIGHTS[name];
  }
  return weights === 0 ? 0 : Math.round((100 * sum) / weights);
}

const pct = (x: number) => `${Math.round(100 * x)}%`;
const days = (ms: number) => Math.floor(ms / DAY_MS);

/** One line per component for the account page: what the value says, in the CSM's words. */
export function explain(name: HealthComponentName, f: AccountFacts): string {
  switch (name) {
    case 'recentActivity':
      return f.lastSeen === null
        ? 'No user of this account has been active yet.'
        : `Last activity ${days(f.asOf - f.lastSeen)} day(s) ago; falls to 0 after ${RECENT_DAYS} days without any.`;
    case 'seatsActive':
      return f.seats === null || f.seats <= 0
        ? 'No seats trait on the account: left out.'
        : `${f.activeUsers} of ${f.seats} seats active in the last ${RECENT_DAYS} days.`;
    case 'activation':
      return f.mature === 0
        ? 'No user has finished the activation window yet: left out.'
        : `${f.activated} of ${f.mature} users past the activation window activated (${pct(f.activated / f.mature)}).`;
    case 'keyEvents':
      return f.keyEventsTotal === 0
        ? 'No activation or value events in settings: left out.'
        : `${f.keyEventsUsed} of ${f.keyEventsTotal} key events used in the last ${RECENT_DAYS} days.`;
    case 'nps':
      return f.respondents === 0
        ? `No survey answers in the last ${NPS_DAYS} days: left out.`
        : `NPS ${npsOf(f)} from ${f.respondents} respondent(s) in the last ${NPS_DAYS} days.`;
  }
}
