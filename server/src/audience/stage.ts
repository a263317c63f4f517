// The three key periods of an account (METRICS.md "Accounts"): rollout, stabilisation, renewal.
// Flows target accounts by it (eligibility.ts) and the accounts list shows it (accounts/score.ts).
import type { Stage } from '../contracts/audience';
import { DAY_MS } from '../time';

function time(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

/** onboarding: 0–30 days after contractStart; stabilizing: 31–90; renewal (wins): within 90 days before renewalDate. */
export function accountStage(traits: Record<string, unknown> | null, now: number): Stage | null {
  if (traits === null) return null;
  const renewal = time(traits.renewalDate);
  if (renewal !== null && now <= renewal && renewal - now <= 90 * DAY_MS) return 'renewal';
  const start = time(traits.contractStart);
  if (start === null || now < start) return renewal === null ? null : 'steady';
  const days = Math.floor((now - start) / DAY_MS);
  if (days <= 30) return 'onboarding';
  if (days <= 90) return 'stabilizing';
  return 'steady';
}
