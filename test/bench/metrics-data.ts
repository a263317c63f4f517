// The bench:metrics event stream: a heap of users (next session) and accounts (next mrr change),
// popped in time order and rendered into Segment messages, so 20M events never sit in memory.
// Deterministic: the same options give the same messages, ids included.
import { DAY, planAccount, planLayout, planUser, type DatasetOptions, type UserPlan } from './metrics-plan';
import { createRandom, hash32 } from './metrics-random';

export type Message = {
  type: 'identify' | 'group' | 'track' | 'page';
  messageId: string;
  timestamp: string;
  userId: string;
  anonymousId?: string;
  event?: string;
  name?: string;
  groupId?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context?: Record<string, unknown>;
};
type Draft = Omit<Message, 'messageId' | 'timestamp' | 'userId' | 'anonymousId'>;

const PAGES = [['/dashboard', 'Dashboard'], ['/projects', 'Projects'], ['/reports', 'Reports'], ['/settings', 'Settings'], ['/team', 'Team']] as const;
const TRACKS = ['Dashboard Viewed', 'Report Viewed', 'Project Opened', 'Filter Applied', 'Export Downloaded', 'Comment Added'] as const;
const TOUR_STEPS = ['welcome', 'new-project', 'invite', 'reports'] as const;
const LIBRARY = { name: '@onward/sdk', version: '0.1.0' };
/** Sessions are front-loaded: positions u^γ of the active time put more sessions early on. */
const FRONT_LOAD = 1.6;

/** UUIDv7-like: 48 bits of ms, then a sequence, so ids grow with emission and append to the index. */
export function uuid7(ms: number, seq: number): string {
  const t = Math.floor(ms).toString(16).padStart(12, '0');
  const s = seq.toString(16).padStart(18, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${s.slice(0, 3)}-8${s.slice(3, 6)}-${s.slice(6, 18)}`;
}

function createHeap(keys: Float64Array, capacity: number) {
  const items = new Int32Array(capacity);
  let size = 0;
  const less = (i: number, j: number) => keys[items[i]!]! < keys[items[j]!]! || (keys[items[i]!] === keys[items[j]!] && items[i]! < items[j]!);
  const swap = (i: number, j: number) => {
    const x = items[i]!;
    items[i] = items[j]!;
    items[j] = x;
  };
  const down = (start: number) => {
    for (let i = start; ; ) {
      const l = 2 * i + 1;
      const m = l + 1 < size && less(l + 1, l) ? l + 1 : l;
      if (l >= size || !less(m, i)) return;
      swap(i, m);
      i = m;
    }
  };
  return {
    size: () => size,
    push(item: number) {
      items[size] = item;
      for (let i = size++; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    },
    pop(): number {
      const top = items[0]!;
      items[0] = items[--size]!;
      down(0);
      return top;
    },
  };
}

function flowEvents(flowId: string, version: number, steps: readonly string[], viewed: number, end: 'Completed' | 'Dismissed' | null, extra?: Draft): Draft[] {
  const props = (i: number) => ({ flowId, flowVersion: version, stepId: steps[i], stepIndex: i });
  const out: Draft[] = [{ type: 'track', event: 'Onward Flow Started', properties: props(0) }];
  for (let i = 0; i < viewed; i++) out.push({ type: 'track', event: 'Onward Step Viewed', properties: props(i) });
  if (extra) out.push(extra);
  if (end) out.push({ type: 'track', event: `Onward Flow ${end}`, properties: props(viewed - 1) });
  return out;
}

function survey(version: number, score: number): Draft[] {
  const responded: Draft = { type: 'track', event: 'Onward Survey Responded', properties: { flowId: 'nps-survey', flowVersion: version, stepId: 'nps', stepIndex: 0, score } };
  return score >= 0 ? flowEvents('nps-survey', version, ['nps'], 1, 'Completed', responded) : flowEvents('nps-survey', version, ['nps'], 1, 'Dismissed');
}

export function createDataset(o: DatasetOptions) {
  const layout = planLayout(o);
  const users = o.users;
  const sessions = layout.generic.map((g) => Math.max(1, Math.min(g, Math.round(g / 2))));
  const remaining = Int32Array.from(layout.generic);
  const nextAt = new Float64Array(users + layout.accounts);
  const sessionIndex = new Int32Array(users);
  const position = new Float64Array(users);
  const rng = new Uint32Array(users);
  const nextChange = new Uint8Array(layout.accounts);
  const heap = createHeap(nextAt, users + layout.accounts);
  const halfway = o.end - (o.days / 2) * DAY;
  for (let u = 0; u < users; u++) {
    nextAt[u] = layout.signup[u]!;
    rng[u] = hash32(o.seed, u, 6);
    heap.push(u);
  }
  for (let a = 0; a < layout.accounts; a++) {
    const first = planAccount(o, a, layout.members[a]!).changes[0];
    if (first) {
      nextAt[users + a] = first.at;
      heap.push(users + a);
    }
  }
  let seq = 0;
  let clock = o.end - o.days * DAY;
  const buffer: Message[] = [];

  function emit(userId: string, anonymousId: string | undefined, at: number, draft: Draft) {
    const timestamp = new Date(Math.min(at, o.end - 1)).toISOString();
    buffer.push({ ...draft, messageId: uuid7(clock, seq++), timestamp, userId, ...(anonymousId ? { anonymousId } : {}) });
  }

  function specials(plan: UserPlan, i: number, count: number, version: number): Draft[] {
    const at = (f: number) => f >= 0 && Math.floor(f * count) === i;
    const out: Draft[] = [];
    if (at(plan.identify2)) out.push({ type: 'identify', traits: { plan: 'pro' } });
    if (i === 0 && plan.tour === 0) out.push({ type: 'track', event: 'Onward Flow Held Out', properties: { flowId: 'onboarding-tour', flowVersion: version } });
    if (i === 0 && plan.tour > 0) out.push(...flowEvents('onboarding-tour', version, TOUR_STEPS, plan.tour, plan.tourCompleted ? 'Completed' : 'Dismissed'));
    if (at(plan.project)) out.push({ type: 'track', event: 'Project Created', properties: { template: 'blank' } });
    if (at(plan.invite)) out.push({ type: 'track', event: 'Teammate Invited', properties: { role: 'editor' } });
    if (at(plan.value)) out.push({ type: 'track', event: 'Report Created', properties: { chartType: 'line' } });
    if (at(plan.tip)) out.push(...flowEvents('reports-tip', version, ['tip'], 1, plan.tipCompleted ? 'Completed' : 'Dismissed'));
    if (at(plan.survey)) out.push(...survey(version, plan.score));
    if (at(plan.survey2)) out.push(...survey(version, plan.score2));
    return out;
  }

  function renderSession(u: number) {
    const plan = planUser(o, u, layout.signup[u]!);
    const r = createRandom(rng[u]!);
    const i = sessionIndex[u]!;
    const count = sessions[u]!;
    const userId = `user-${u}`;
    const anonymousId = `anon-${hash32(o.seed, u, 8).toString(36)}`;
    let t = nextAt[u]!;
    const version = t < halfway ? 1 : 2;
    const a = layout.accountOf[u]!;
    if (i === 0) {
      const traits: Record<string, unknown> = { email: `${userId}@example.com`, name: `User ${u}` };
      if (plan.createdAt !== null) traits.createdAt = new Date(plan.createdAt).toISOString();
      emit(userId, anonymousId, t, { type: 'identify', traits });
      if (a >= 0) {
        const owner = layout.firstUser[a] === u;
        const account = planAccount(o, a, layout.members[a]!);
        const full = { name: account.name, tier: account.tier, mrr: account.mrr, seats: account.seats, contractStart: account.contractStart, renewalDate: account.renewalDate };
        emit(userId, anonymousId, t + 200, { type: 'group', groupId: `acct-${a}`, traits: owner ? full : { name: account.name } });
      }
    }
    const left = remaining[u]!;
    const generic = i === count - 1 ? left : Math.max(1, Math.min(left - (count - i - 1), Math.round((left / (count - i)) * (0.3 + 1.4 * r.next()))));
    remaining[u] = left - generic;
    const drafts = specials(plan, i, count, version);
    for (let k = 0; k < generic; k++) {
      if (r.chance(0.55)) {
        const [path, title] = PAGES[r.int(0, PAGES.length - 1)]!;
        drafts.push({ type: 'page', name: title, properties: { path, title }, context: { library: LIBRARY, page: { path } } });
      } else drafts.push({ type: 'track', event: TRACKS[r.int(0, TRACKS.length - 1)]!, properties: { source: 'app' }, context: { library: LIBRARY } });
    }
    for (const draft of drafts) {
      t += 1000 * (2 + 40 * r.next());
      emit(userId, anonymousId, t, draft);
    }
    sessionIndex[u] = i + 1;
    if (i + 1 < count) {
      // The next of the (count - i - 1) sorted uniform positions left, then mapped onto the active windows.
      const v = position[u]!;
      const next = v + (1 - v) * (1 - Math.pow(r.next(), 1 / (count - i - 1)));
      position[u] = next;
      const [start, w1, w2s, w2e] = plan.windows;
      const x = Math.pow(next, FRONT_LOAD) * (w1 - start + (w2e - w2s));
      const at = x < w1 - start ? start + x : w2s + (x - (w1 - start));
      nextAt[u] = Math.floor(Math.min(o.end - 3_600_000, Math.max(at, t + 60_000)));
      heap.push(u);
    }
    rng[u] = r.state();
  }

  function renderChange(a: number) {
    const account = planAccount(o, a, layout.members[a]!);
    const change = account.changes[nextChange[a]!]!;
    emit(`user-${layout.firstUser[a]}`, undefined, change.at, { type: 'group', groupId: `acct-${a}`, traits: { mrr: change.mrr, seats: change.seats } });
    nextChange[a] = nextChange[a]! + 1;
    const following = account.changes[nextChange[a]!];
    if (following) {
      nextAt[users + a] = following.at;
      heap.push(users + a);
    }
  }

  return {
    accounts: layout.accounts,
    /** The timestamp the stream has reached. */
    clock: () => clock,
    emitted: () => seq,
    /** The next `size` messages in time order (sessions may overlap by minutes), or null at the end. */
    nextBatch(size: number): Message[] | null {
      while (buffer.length < size && heap.size() > 0) {
        const item = heap.pop();
        clock = Math.max(clock, nextAt[item]!);
        if (item < users) renderSession(item);
        else renderChange(item - users);
      }
      return buffer.length === 0 ? null : buffer.splice(0, size);
    },
  };
}
