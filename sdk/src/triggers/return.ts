import type { Trigger } from '@onward/server/contracts';
import type { Fire, TriggerContext } from './context';

/**
 * Fires at load for a user back after dormancy: inactive for `afterDays`, by default the
 * workspace's `dormantAfterDays`. New users (no activity yet) are not returning.
 *
 * @example
 * const stop = watchReturn({ type: 'return', afterDays: 30 }, ctx, start);
 */
export function watchReturn(
  trigger: Extract<Trigger, { type: 'return' }>,
  ctx: TriggerContext,
  fire: Fire,
): () => void {
  const days = ctx.daysInactive();
  if (days !== null && days >= (trigger.afterDays ?? ctx.dormantAfterDays())) fire(true);
  return () => {};
}
