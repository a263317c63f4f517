// Flow triggers (sdk/triggers): page URL, tracked event, element appearing, return after
// dormancy; `manual` flows start only through Onward.show or a deep link. Each returns stop().
import type { Trigger } from '@onward/server/contracts';
import type { Fire, TriggerContext } from './context';
import { watchElement } from './element';
import { watchEvent } from './event';
import { watchPage } from './page';
import { watchReturn } from './return';

export type { Fire, TriggerContext, Where } from './context';

type Watcher = (trigger: Trigger, ctx: TriggerContext, fire: Fire) => () => void;
/** `manual` has none: those flows start through Onward.show or a deep link only. */
const WATCHERS: Partial<Record<Trigger['type'], unknown>> = {
  page: watchPage,
  event: watchEvent,
  element: watchElement,
  return: watchReturn,
};
export { matchUrl } from './url-match';

/**
 * Watches one flow's trigger; `fire(true)` when it holds, `fire(false)` when a page trigger
 * stops holding.
 *
 * @example
 * const stop = watchTrigger(flow.trigger, ctx, (active) => (entry.active = active));
 */
export function watchTrigger(trigger: Trigger, ctx: TriggerContext, fire: Fire): () => void {
  const watch = WATCHERS[trigger.type] as Watcher | undefined;
  return watch ? watch(trigger, ctx, fire) : () => {};
}

/**
 * The trigger in words, for debug mode.
 *
 * @example
 * describeTrigger({ type: 'event', event: 'Report Created' }); // 'event "Report Created"'
 */
export function describeTrigger(trigger: Trigger): string {
  switch (trigger.type) {
    case 'page':
      return `page ${trigger.url} (${trigger.match})`;
    case 'event':
      return `event "${trigger.event}"`;
    case 'element':
      return `element ${trigger.selector}`;
    case 'return':
      return `return after ${trigger.afterDays ?? 'dormantAfterDays'} days inactive`;
    default:
      return 'manual (Onward.show or ?onward_flow=)';
  }
}
