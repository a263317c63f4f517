import { getWindow } from '../shared/env';
import type { Store } from '../shared/storage';

/** Storage key that keeps debug mode on across reloads. */
export const DEBUG_KEY = 'onward:debug';

/**
 * Whether debug logging starts on: the option, `?onward_debug=1` in the URL, or storage.
 *
 * @example
 * createLogger(isDebugRequested(options.debug, store));
 */
export function isDebugRequested(option: boolean | undefined, store: Store): boolean {
  if (option) return true;
  const search = getWindow()?.location.search ?? '';
  if (/[?&]onward_debug=(1|true)(&|$)/.test(search)) return true;
  return store.get(DEBUG_KEY) === '1';
}
