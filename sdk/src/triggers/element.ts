import type { Trigger } from '@onward/server/contracts';
import type { Fire, TriggerContext } from './context';

/**
 * Fires once, when an element matching the selector first appears (or is already there).
 * The selector may use the `>>>` and `|>` syntax of flows/query.ts.
 *
 * @example
 * const stop = watchElement({ type: 'element', selector: '#billing-alert' }, ctx, start);
 */
export function watchElement(
  trigger: Extract<Trigger, { type: 'element' }>,
  ctx: TriggerContext,
  fire: Fire,
): () => void {
  return ctx.onElement(trigger.selector, () => fire(true));
}
