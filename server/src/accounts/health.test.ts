// Health components from an account's figures, and the property the score promises: raising one
// component while the others stay never lowers it.
import { describe, expect, it } from 'vitest';
import { HEALTH_COMPONENTS } from '../contracts/responses';
import { componentsOf, healthOf, HEALTH_WEIGHTS, type AccountFacts, type Components } from './health';
import { riskFlags } from './risk';

const DAY = 86_400_000;
const AS_OF = Date.parse('2026-03-01T00:00:00Z');
const FACTS: AccountFacts = {
  asOf: AS_OF, lastSeen: AS_OF - 3 * DAY, activeUsers: 6, seats: 10, mature: 4, activated: 3,
  keyEventsUsed: 2, keyEventsTotal: 3, respondents: 4, promoters: 2, detractors: 1,
};

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

describe('health components', () => {
  it.each([
    ['recentActivity', FACTS, 0.9],
    ['recentActivity', { ...FACTS, lastSeen: null }, 0],
    ['recentActivity', { ...FACTS, lastSeen: AS_OF - 45 * DAY }, 0],
    ['seatsActive', FACTS, 0.6],
    ['seatsActive', { ...FACTS, activeUsers: 14 }, 1],
    ['seatsActive', { ...FACTS, seats: null }, null],
    ['activation', FACTS, 0.75],
    ['activation', { ...FACTS, mature: 0, activated: 0 }, null],
    ['keyEvents', FACTS, 2 / 3],
    ['keyEvents', { ...FACTS, keyEventsTotal: 0, keyEventsUsed: 0 }, null],
    ['nps', FACTS, 0.625], // NPS 25 → (0.25 + 1) / 2
    ['nps', { ...FACTS, respondents: 0, promoters: 0, detractors: 0 }, null],
  ] as const)('%s of %o is %s', (name, facts, expected) => {
    const value = componentsOf(facts)[name];
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 10);
  });

  it('is the weighted mean of the components present, renormalised', () => {
    const c: Components = { recentActivity: 1, seatsActive: 0.5, activation: null, keyEvents: 0, nps: null };
    const w = HEALTH_WEIGHTS;
    const expected = (100 * (w.recentActivity + 0.5 * w.seatsActive)) / (w.recentActivity + w.seatsActive + w.keyEvents);
    expect(healthOf(c)).toBe(Math.round(expected));
    expect(healthOf({ recentActivity: 1, seatsActive: 1, activation: 1, keyEvents: 1, nps: 1 })).toBe(100);
    expect(healthOf({ recentActivity: 0, seatsActive: null, activation: null, keyEvents: null, nps: null })).toBe(0);
  });

  it('never goes down when one component improves and the others stay (random property)', () => {
    const rand = prng(7);
    for (let run = 0; run < 5000; run++) {
      const c = Object.fromEntries(HEALTH_COMPONENTS.map((n) => [n, n !== 'recentActivity' && rand() < 0.25 ? null : rand()])) as Components;
      const name = HEALTH_COMPONENTS[Math.floor(rand() * HEALTH_COMPONENTS.length)]!;
      const before = c[name];
      if (before === null) continue;
      const better = { ...c, [name]: before + (1 - before) * rand() };
      const score = healthOf(c);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
      expect(healthOf(better)).toBeGreaterThanOrEqual(score);
    }
  });

  it('the figures move the components the right way: more active users, activations or promoters never lower health', () => {
    const base = healthOf(componentsOf(FACTS));
    for (const more of [{ activeUsers: 9 }, { activated: 4 }, { promoters: 3, detractors: 0 }, { keyEventsUsed: 3 }, { lastSeen: AS_OF }]) {
      expect(healthOf(componentsOf({ ...FACTS, ...more }))).toBeGreaterThanOrEqual(base);
    }
  });
});

describe('risk flags', () => {
  const flags = (over: Partial<Parameters<typeof riskFlags>[0]>) => riskFlags({ ...FACTS, users: 8, stage: 'steady', health: 70, ...over });
  it.each([
    [{}, []],
    [{ activeUsers: 2 }, ['low_activity']],
    [{ seats: null, users: 8, activeUsers: 2 }, []],
    [{ seats: null, users: 9, activeUsers: 2 }, ['low_activity']],
    [{ activated: 1 }, ['low_activation']],
    [{ promoters: 0, detractors: 2 }, ['detractors']],
    [{ stage: 'renewal', health: 49 }, ['renewal_soon_low_health']],
    [{ stage: 'renewal', health: 50 }, []],
    [{ stage: 'onboarding', health: 10 }, []],
  ] as const)('%o → %o', (over, expected) => {
    expect(flags(over)).toEqual(expected);
  });
});
