import type { Trigger } from '@onward/server/contracts';
import { matchUrl } from './url-match';
import type { Fire, TriggerContext } from './context';

type PageTrigger = Extract<Trigger, { type: 'page' }>;

/**
 * Holds while the URL matches: checked at once and after every SPA navigation.
 *
 * @example
 * const stop = watchPage({ type: 'page', url: '/demo/*', match: 'glob' }, ctx, (on) => …);
 */
export function watchPage(trigger: PageTrigger, ctx: TriggerContext, fire: Fire): () => void {
  const check = (): void => fire(matchUrl(trigger.url, trigger.match ?? 'glob', ctx.where()));
  check();
  return ctx.onUrl(check);
}
