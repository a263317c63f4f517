// The shape of the bench:metrics dataset: accounts with tiers, mrr changes and members, and per user
// a signup, active windows (dormancy, returns), a share of the event budget and the special events.
// Plans are pure functions of (seed, index), so the stream can recompute them instead of storing them.
import { apportion, createRandom, hash32 } from './metrics-random';

export const DAY = 86_400_000;
const ACCOUNT_SHARE = 0.05;
const SOLO_SHARE = 0.02;
const TIERS = { KA: 8, SMB: 2, LT: 0.6 } as const;
export type Tier = keyof typeof TIERS;

export type DatasetOptions = { users: number; events: number; days: number; seed: number; end: number };

export type AccountPlan = {
  tier: Tier;
  name: string;
  createdAt: number;
  contractStart: string;
  renewalDate: string;
  mrr: number;
  seats: number;
  /** mrr (and seats) changes, in time order, sent as group calls by the account's first user. */
  changes: { at: number; mrr: number; seats: number }[];
};

export type UserPlan = {
  createdAt: number | null;
  /** Active windows [start, end) × 2; the second is empty for users who never return. */
  windows: readonly [number, number, number, number];
  weight: number;
  /** Each special happens in session floor(f · sessions) for its fraction f, or never (-1). */
  value: number;
  project: number;
  invite: number;
  identify2: number;
  tip: number;
  survey: number;
  survey2: number;
  /** Onboarding tour: -1 not shown, 0 held out, 1–4 steps viewed. */
  tour: number;
  tourCompleted: boolean;
  tipCompleted: boolean;
  /** NPS answers (0–10), -1 = dismissed. */
  score: number;
  score2: number;
  /** Messages besides the generic activity: identify, group, specials and flow events. */
  overhead: number;
};

const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Soylent', 'Cyberdyne', 'Aperture'];

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function npsScore(r: ReturnType<typeof createRandom>): number {
  const x = r.next();
  return x < 0.45 ? r.int(9, 10) : x < 0.75 ? r.int(7, 8) : r.int(0, 6);
}

/** An account's tier, dates and mrr history; seats follow the member count. */
export function planAccount(o: DatasetOptions, a: number, members: number): AccountPlan {
  const r = createRandom(hash32(o.seed, a, 1));
  const t0 = o.end - o.days * DAY;
  const last = o.end - 2 * 3_600_000;
  const x = r.next();
  const tier: Tier = x < 0.05 ? 'KA' : x < 0.4 ? 'SMB' : 'LT';
  const createdAt = Math.floor(t0 + (last - t0) * Math.pow(r.next(), 1.2));
  // A third are customers from before the window: their contract began up to two years earlier.
  const contract = r.chance(0.35) ? createdAt - r.next() * 730 * DAY : createdAt - r.next() * 3 * DAY;
  let renewal = contract + 365 * DAY;
  while (renewal <= createdAt) renewal += 365 * DAY;
  let mrr = tier === 'KA' ? r.int(50, 400) * 100 : tier === 'SMB' ? r.int(50, 499) * 10 : r.chance(0.2) ? 0 : r.int(29, 499);
  let seats = Math.max(1, Math.round(members * (0.4 + 0.9 * r.next())));
  const plan: AccountPlan = {
    tier,
    name: `${WORDS[a % WORDS.length]} ${a}`,
    createdAt,
    contractStart: isoDay(contract),
    renewalDate: isoDay(renewal),
    mrr,
    seats,
    changes: [],
  };
  const count = r.chance(0.26) ? (r.chance(0.15) ? 2 : 1) : 0;
  const times = Array.from({ length: count }, () => Math.floor(createdAt + (last - createdAt) * (0.1 + 0.9 * r.next()))).sort((p, q) => p - q);
  for (const at of times) {
    const y = r.next();
    if (y < 0.45) {
      mrr = mrr === 0 ? 99 : Math.round(mrr * (1.2 + 0.8 * r.next()));
      seats = Math.ceil(seats * 1.2);
    } else if (y < 0.75) mrr = Math.round(mrr * (0.5 + 0.4 * r.next()));
    else mrr = 0;
    plan.changes.push({ at, mrr, seats });
  }
  return plan;
}

/** User u's windows and specials; `signup` comes from the account layout. */
export function planUser(o: DatasetOptions, u: number, signup: number): UserPlan {
  const r = createRandom(hash32(o.seed, u, 2));
  const last = o.end - 2 * 3_600_000;
  const createdAt = r.chance(0.92) ? Math.floor((signup - r.next() * 600_000) / 1000) * 1000 : null;
  const kind = r.next();
  let w1 = last;
  let w2s = last;
  let w2e = last;
  if (kind < 0.35) w1 = Math.min(last, signup + DAY * (0.5 + 44 * Math.pow(r.next(), 1.5)));
  else if (kind < 0.6) {
    w1 = Math.min(last, signup + DAY * (1 + 29 * r.next()));
    w2s = Math.min(last, w1 + DAY * (15 + 45 * r.next()));
    w2e = Math.min(last, w2s + DAY * (5 + 90 * r.next()));
  }
  const length = w1 - signup + (w2e - w2s);
  const weight = Math.exp(0.8 * r.gauss()) * Math.pow(1 + length / DAY, 0.8);
  const frac = (p: number, f: () => number) => (r.chance(p) ? f() : -1);
  const value = frac(0.6, () => (r.chance(0.2) ? 0 : Math.pow(r.next(), 1.3)));
  const project = frac(0.75, () => (r.chance(0.6) ? 0 : Math.pow(r.next(), 2) * 0.5));
  const invite = frac(0.45, () => Math.pow(r.next(), 2) * 0.6);
  const identify2 = frac(0.15, () => r.next());
  const tip = frac(0.3, () => r.next());
  const survey = frac(0.25, () => 0.3 + 0.7 * r.next());
  const tourShown = r.chance(0.8);
  // Holdout is a pure function of (user, flow), as the SDK's is.
  const heldOut = hash32(o.seed, u, 77) % 10 === 0;
  const tour = !tourShown ? -1 : heldOut ? 0 : r.chance(0.55) ? 4 : r.int(1, 3);
  const tourCompleted = tour === 4 && r.chance(0.85);
  const tipCompleted = r.chance(0.4);
  const score = survey >= 0 && r.chance(0.75) ? npsScore(r) : -1;
  const survey2 = score >= 0 && r.chance(0.2) ? survey + (1 - survey) * r.next() : -1;
  const score2 = survey2 >= 0 ? npsScore(r) : -1;
  const overhead =
    1 +
    (identify2 >= 0 ? 1 : 0) +
    (value >= 0 ? 1 : 0) +
    (project >= 0 ? 1 : 0) +
    (invite >= 0 ? 1 : 0) +
    (tour < 0 ? 0 : tour === 0 ? 1 : tour + 2) +
    (tip >= 0 ? 3 : 0) +
    (survey < 0 ? 0 : score >= 0 ? 4 : 3) +
    (survey2 >= 0 ? 4 : 0);
  return { createdAt, windows: [signup, w1, w2s, w2e], weight, value, project, invite, identify2, tip, survey, survey2, tour, tourCompleted, tipCompleted, score, score2, overhead };
}

export type Layout = {
  accounts: number;
  /** Account of each user, -1 for users without one; the first user of each account is its owner. */
  accountOf: Int32Array;
  firstUser: Int32Array;
  members: Int32Array;
  signup: Float64Array;
  /** Generic activity events (page and track) of each user; with the overheads they sum to `events`. */
  generic: Int32Array;
};

/** Accounts, signups and each user's share of the events, so the total is exactly `o.events`. */
export function planLayout(o: DatasetOptions): Layout {
  const accounts = Math.max(1, Math.round(o.users * ACCOUNT_SHARE));
  const solo = Math.min(o.users - accounts, Math.round(o.users * SOLO_SHARE));
  if (solo < 0) throw new Error('need at least one user per account');
  const tierWeights = new Float64Array(accounts);
  for (let a = 0; a < accounts; a++) {
    const r = createRandom(hash32(o.seed, a, 1));
    const x = r.next();
    tierWeights[a] = (x < 0.05 ? TIERS.KA : x < 0.4 ? TIERS.SMB : TIERS.LT) * Math.exp(0.5 * createRandom(hash32(o.seed, a, 3)).gauss());
  }
  const extra = apportion(tierWeights, o.users - solo - accounts);
  const members = extra.map((n) => n + 1);
  const firstUser = new Int32Array(accounts);
  const accountOf = new Int32Array(o.users).fill(-1);
  const signup = new Float64Array(o.users);
  const t0 = o.end - o.days * DAY;
  const last = o.end - 2 * 3_600_000;
  let u = 0;
  let accountChanges = 0;
  for (let a = 0; a < accounts; a++) {
    const plan = planAccount(o, a, members[a]!);
    accountChanges += plan.changes.length;
    firstUser[a] = u;
    const r = createRandom(hash32(o.seed, a, 4));
    for (let m = 0; m < members[a]!; m++, u++) {
      accountOf[u] = a;
      signup[u] = m === 0 ? plan.createdAt : Math.floor(plan.createdAt + (last - plan.createdAt) * Math.pow(r.next(), 1.6));
    }
  }
  for (; u < o.users; u++) signup[u] = Math.floor(t0 + (last - t0) * createRandom(hash32(o.seed, u, 5)).next());
  const weights = new Float64Array(o.users);
  let overhead = accountChanges;
  for (let i = 0; i < o.users; i++) {
    const plan = planUser(o, i, signup[i]!);
    weights[i] = plan.weight;
    overhead += plan.overhead + (accountOf[i]! >= 0 ? 1 : 0);
  }
  const spare = o.events - overhead - o.users;
  if (spare < 0) throw new Error(`${o.users} users need at least ${overhead + o.users} events`);
  const generic = apportion(weights, spare).map((n) => n + 1);
  return { accounts, accountOf, firstUser, members, signup, generic };
}
