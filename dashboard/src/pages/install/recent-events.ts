// The live panel's list: newest first, each message once, however the polls overlap.
import type { RecentEvent } from '../../api/types';

export const MAX_SHOWN = 25;

export function mergeEvents(current: readonly RecentEvent[], incoming: readonly RecentEvent[], max = MAX_SHOWN): RecentEvent[] {
  const byId = new Map<number, RecentEvent>();
  for (const e of [...current, ...incoming]) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, max);
}

/** The `after` cursor for the next poll: the highest id seen. */
export const cursorOf = (events: readonly RecentEvent[], previous: number | undefined) =>
  events.reduce<number | undefined>((max, e) => (max === undefined || e.id > max ? e.id : max), previous);

/** What a row calls the message: the event or page name, else its type's subject. */
export function labelOf(e: RecentEvent): string {
  if (e.event !== null && e.event !== '') return e.event;
  if (e.type === 'group' && e.groupId) return e.groupId;
  return e.userId ?? e.anonymousId ?? e.type;
}
