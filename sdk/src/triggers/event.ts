import type { Trigger } from '@onward/server/contracts';
import type { Fire, TriggerContext } from './context';

/**
 * Fires when the host app tracks the event (`Onward.track('Report Created')`).
 *
 * @example
 * const stop = watchEvent({ type: 'event', event: 'Report Created' }, ctx, start);
 */
export function watchEvent(
  trigger: Extract<Trigger, { type: 'event' }>,
  ctx: TriggerContext,
  fire: Fire,
): () => void {
  return ctx.onTrack((event) => {
    if (event === trigger.event) fire(true);
  });
}
