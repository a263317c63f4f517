// Risk flags of an account (METRICS.md "Accounts"): reasons a CSM should look at it now.
import type { Stage } from '../contracts/audience';
import type { RiskFlag } from '../contracts/responses';
import type { AccountFacts } from './health';
import { npsOf } from './health';


/** Below this health an account in its renewal period is flagged. */
export const RENEWAL_HEALTH_FLOOR = 50;

/**
 * low_activity: fewer than a quarter of its seats (of its users, without a seats trait) active in
 * the last 30 days. low_activation: under half of its mature users activated. detractors: NPS < 0.
 * renewal_soon_low_health: in its renewal period with health under 50.
 */
export function riskFlags(f: AccountFacts & { users: number; stage: Stage | null; health: number }): RiskFlag[] {
  const flags: RiskFlag[] = [];
  const base = f.seats !== null && f.seats > 0 ? f.seats : f.users;
  if (base > 0 && f.activeUsers < 0.25 * base) flags.push('low_activity');
  if (f.mature > 0 && f.activated < 0.5 * f.mature) flags.push('low_activation');
  const nps = npsOf(f);
  if (nps !== null && nps < 0) flags.push('detractors');
  if (f.stage === 'renewal' && f.health < RENEWAL_HEALTH_FLOOR) flags.push('renewal_soon_low_health');
  return flags;
}
