import { describe, expect, it } from 'vitest';
import { audienceSchema, type Audience } from '../contracts/audience';
import { compare } from './compare';
import { evaluate, referencedEvents, type UserFacts } from './evaluate';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const DAY = 86_400_000;

const user: UserFacts = {
  now: NOW,
  traits: { plan: 'pro', role: 'admin', seats: 12, tags: ['beta', 'eu'], email: 'Ada@Example.com', signup: '2026-06-01' },
  account: { tier: 'KA', mrr: 900 },
  segment: 'Key accounts',
  stage: 'onboarding',
  startAt: NOW - 10 * DAY,
  lastSeenAt: NOW - 3 * DAY,
  eventCount: (event, withinDays) =>
    event === 'Report Created' ? (withinDays === undefined ? 5 : withinDays >= 7 ? 2 : 0) : 0,
  flow: (id) =>
    id === 'welcome' ? { seenAt: NOW - DAY, completedAt: NOW - DAY, dismissedAt: null } : undefined,
};

const rule = (r: unknown) => audienceSchema.parse(r);

describe('compare', () => {
  it.each([
    ['pro', 'eq', 'pro', true],
    ['pro', 'eq', 'Pro', false],
    [undefined, 'neq', 'pro', true],
    ['pro', 'in', ['free', 'pro'], true],
    ['pro', 'nin', ['free', 'pro'], false],
    [undefined, 'nin', ['free'], true],
    [12, 'gt', 10, true],
    ['12', 'gte', 12, true],
    ['2026-06-01', 'lt', '2026-06-02', true],
    ['abc', 'gt', 1, false],
    ['12', 'eq', 12, true],
    ['12', 'in', [10, 12], true],
    [12, 'eq', '12', false],
    ['2026-06-01T10:00:00Z', 'gt', '2026-06-01', true],
    ['June 1', 'gt', 0, false],
    ['Ada@Example.com', 'contains', 'example', true],
    [['beta', 'eu'], 'contains', 'eu', true],
    [null, 'exists', true, false],
    [null, 'exists', false, true],
    [0, 'exists', undefined, true],
  ] as const)('%j %s %j → %s', (actual, op, expected, result) => {
    expect(compare(actual, op, expected)).toBe(result);
  });
});

describe('evaluate', () => {
  it.each<[string, unknown, boolean]>([
    ['no audience', undefined, true],
    ['trait eq', { trait: 'plan', op: 'eq', value: 'pro' }, true],
    ['account in', { account: 'tier', op: 'in', value: ['KA', 'SMB'] }, true],
    ['segment by name', { segment: 'Key accounts' }, true],
    ['segment in list, negated', { segment: ['SMB', 'Long tail'], op: 'nin' }, true],
    ['stage', { stage: 'renewal' }, false],
    ['days since start ≥ 7', { daysSinceStart: 7 }, true],
    ['days since start < 7', { daysSinceStart: 7, op: 'lt' }, false],
    ['inactive ≥ 14 days', { daysInactive: 14 }, false],
    ['did an event', { event: 'Report Created' }, true],
    ['did not do an event', { event: 'Teammate Invited', done: false }, true],
    ['count in a window', { event: 'Report Created', count: 2, withinDays: 7 }, true],
    ['count too high in a window', { event: 'Report Created', count: 3, withinDays: 7 }, false],
    ['completed a flow', { flow: 'welcome', status: 'completed' }, true],
    ['not dismissed a flow', { flow: 'welcome', status: 'dismissed', done: false }, true],
    ['all', { all: [{ trait: 'plan', op: 'eq', value: 'pro' }, { account: 'mrr', op: 'gte', value: 500 }] }, true],
    ['any', { any: [{ trait: 'plan', op: 'eq', value: 'free' }, { stage: 'onboarding' }] }, true],
    ['not', { not: { trait: 'role', op: 'eq', value: 'admin' } }, false],
    ['empty any', { any: [] }, true],
  ])('%s', (_name, audience, expected) => {
    expect(evaluate(audience === undefined ? undefined : rule(audience), user).ok).toBe(expected);
  });

  it('names the condition that kept a user out', () => {
    const verdict = evaluate(
      rule({ all: [{ trait: 'plan', op: 'eq', value: 'pro' }, { any: [{ stage: 'renewal' }, { daysInactive: 30 }] }] }),
      user,
    );
    expect(verdict).toMatchObject({ ok: false, path: 'all.1.any' });
  });

  it('lists the events a rule tests', () => {
    const audience: Audience = rule({ any: [{ event: 'A' }, { not: { event: 'B', done: false } }, { trait: 'x', op: 'exists' }] });
    expect([...referencedEvents(audience)]).toEqual(['A', 'B']);
  });

  it('rejects unknown operators and subjects, naming the field', () => {
    const bad = audienceSchema.safeParse({ all: [{ trait: 'plan', op: 'like', value: 'p' }] });
    expect(bad.success).toBe(false);
    expect(audienceSchema.safeParse({ all: [{ colour: 'red' }] }).success).toBe(false);
  });
});
