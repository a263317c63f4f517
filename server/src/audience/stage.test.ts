// Stage boundaries (METRICS.md "Accounts"): onboarding 0–30 days, stabilizing 31–90, renewal wins.
import { describe, expect, it } from 'vitest';
import { accountStage } from './stage';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');

describe('accountStage', () => {
  it.each([
    ['on contractStart', 0, 'onboarding'],
    ['day 30', 30 * DAY, 'onboarding'],
    ['the last ms of day 30', 31 * DAY - 1, 'onboarding'],
    ['day 31', 31 * DAY, 'stabilizing'],
    ['day 90', 90 * DAY, 'stabilizing'],
    ['day 91', 91 * DAY, 'steady'],
  ] as const)('%s → %s', (_label, offset, stage) => {
    expect(accountStage({ contractStart: '2026-01-01' }, START + offset)).toBe(stage);
  });

  it('before contractStart or without dates there is no stage', () => {
    expect(accountStage({ contractStart: '2026-01-01' }, START - 1)).toBeNull();
    expect(accountStage({}, START)).toBeNull();
    expect(accountStage(null, START)).toBeNull();
  });

  it('renewal (within 90 days before renewalDate) takes precedence', () => {
    const renewal = START + 100 * DAY;
    const traits = { contractStart: START, renewalDate: new Date(renewal).toISOString() };
    expect(accountStage(traits, renewal - 91 * DAY)).toBe('onboarding');
    expect(accountStage(traits, renewal - 90 * DAY)).toBe('renewal');
    expect(accountStage(traits, renewal)).toBe('renewal');
    expect(accountStage(traits, renewal + 1)).toBe('steady');
    // Renewal wins over onboarding too.
    expect(accountStage({ contractStart: START, renewalDate: START + 60 * DAY }, START + 10 * DAY)).toBe('renewal');
  });
});
