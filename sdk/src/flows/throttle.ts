// The workspace throttle: at most one unsolicited flow start (by a trigger, not Onward.show or a
// deep link) per `throttleHours`, across tabs and reloads.
import type { Clock } from '../shared/clock';
import type { Store } from '../shared/storage';

export const THROTTLE_KEY = 'onward:lastUnsolicitedAt';

export type Throttle = {
  /** When the next unsolicited start is allowed, or 0 when it is allowed now. */
  until(hours: number): number;
  /** Records an unsolicited start now. */
  mark(): void;
};

/**
 * @example
 * const throttle = createThrottle(store, clock);
 * if (!throttle.until(settings.throttleHours)) { throttle.mark(); start(); }
 */
export function createThrottle(store: Store, clock: Clock): Throttle {
  return {
    until(hours) {
      const end = (Number(store.get(THROTTLE_KEY)) || 0) + hours * 36e5;
      return hours > 0 && end > clock.now() ? end : 0;
    },
    mark: () => store.set(THROTTLE_KEY, String(clock.now())),
  };
}
