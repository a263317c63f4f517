// Pure evaluation of an audience rule against what the server knows of one user at one moment.
import type { Audience, Condition, Operator, Stage } from '../contracts/audience';
import { compare } from './compare';
import { DAY_MS } from '../time';

export type FlowFacts = { seenAt: number | null; completedAt: number | null; dismissedAt: number | null };

export type UserFacts = {
  now: number;
  traits: Record<string, unknown>;
  account: Record<string, unknown> | null;
  segment: string | null;
  stage: Stage | null;
  startAt: number | null;
  lastSeenAt: number | null;
  /** How many times the user tracked `event` (in the last `withinDays` UTC days, today included). */
  eventCount: (event: string, withinDays?: number) => number;
  flow: (flowId: string) => FlowFacts | undefined;
};

/** A failed condition and where it sits in the rule, e.g. `all.1` (for debug mode). */
export type Verdict = { ok: true } | { ok: false; path: string; condition: Audience };

const days = (from: number, to: number) => (to - from) / DAY_MS;
const listOp = (operand: unknown, op: Operator | undefined): Operator => op ?? (Array.isArray(operand) ? 'in' : 'eq');

function test(c: Condition, u: UserFacts): boolean {
  if ('trait' in c) return compare(u.traits[c.trait], c.op, c.value);
  if ('account' in c) return compare(u.account?.[c.account], c.op, c.value);
  if ('segment' in c) return compare(u.segment, listOp(c.segment, c.op), c.segment);
  if ('stage' in c) return compare(u.stage, listOp(c.stage, c.op), c.stage);
  if ('daysSinceStart' in c) return u.startAt !== null && compare(days(u.startAt, u.now), c.op, c.daysSinceStart);
  if ('daysInactive' in c) return u.lastSeenAt !== null && compare(days(u.lastSeenAt, u.now), c.op, c.daysInactive);
  if ('event' in c) {
    const count = u.eventCount(c.event, c.withinDays);
    const matches = c.count === undefined ? count > 0 : compare(count, c.op ?? 'gte', c.count);
    return matches === c.done;
  }
  const flow = u.flow(c.flow);
  const at = c.status === 'seen' ? flow?.seenAt : c.status === 'completed' ? flow?.completedAt : flow?.dismissedAt;
  return (at !== undefined && at !== null) === c.done;
}

/** Whether the user is in the audience; when not, the first condition that kept them out. */
export function evaluate(rule: Audience | undefined, u: UserFacts, path = ''): Verdict {
  if (rule === undefined) return { ok: true };
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  if ('all' in rule) {
    for (const [i, r] of rule.all.entries()) {
      const v = evaluate(r, u, at(`all.${i}`));
      if (!v.ok) return v;
    }
    return { ok: true };
  }
  if ('any' in rule) {
    if (rule.any.length === 0) return { ok: true };
    const first = rule.any.map((r, i) => evaluate(r, u, at(`any.${i}`))).find((v) => v.ok);
    return first ?? { ok: false, path: at('any'), condition: rule };
  }
  if ('not' in rule) {
    return evaluate(rule.not, u, at('not')).ok ? { ok: false, path: at('not'), condition: rule } : { ok: true };
  }
  return test(rule, u) ? { ok: true } : { ok: false, path: path || 'audience', condition: rule };
}

/** Every event name a rule tests, so facts can load just those. */
export function referencedEvents(rule: Audience | undefined, into = new Set<string>()): Set<string> {
  if (rule === undefined) return into;
  if ('all' in rule) rule.all.forEach((r) => referencedEvents(r, into));
  else if ('any' in rule) rule.any.forEach((r) => referencedEvents(r, into));
  else if ('not' in rule) referencedEvents(rule.not, into);
  else if ('event' in rule) into.add(rule.event);
  return into;
}
