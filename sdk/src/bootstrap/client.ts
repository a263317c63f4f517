// GET /v1/sdk/bootstrap: the flows this user may see now, with progress and settings.
// A plain GET with the write key in the query: no CORS preflight. Never throws.
import type { Ids } from '../identity/identity';
import type { Clock } from '../shared/clock';
import type { FetchLike } from '../shared/env';
import type { Bootstrap } from './types';

export type BootstrapClientDeps = {
  apiHost: string;
  writeKey: string;
  fetch: FetchLike | undefined;
  clock: Clock;
  /** @default 10000 */
  timeoutMs?: number;
};

/**
 * Asks the server for this user's flows; `debug` adds why the others are excluded. Expected
 * failures (offline, timeout, a refused key) come back as a string saying what went wrong.
 *
 * @example
 * const answer = await fetchBootstrap(deps, identity.get(), false);
 * if (typeof answer !== 'string') engine.update(answer);
 */
export async function fetchBootstrap(
  deps: BootstrapClientDeps,
  ids: Ids,
  debug: boolean,
): Promise<Bootstrap | string> {
  const query = new URLSearchParams({ writeKey: deps.writeKey });
  for (const [key, value] of Object.entries(ids)) if (value) query.set(key, value);
  if (debug) query.set('debug', '1');
  let timer: unknown;
  try {
    return await new Promise<Bootstrap>((resolve, reject) => {
      timer = deps.clock.setTimeout(() => reject('timeout'), deps.timeoutMs ?? 1e4);
      (deps.fetch as FetchLike)(`${deps.apiHost}/v1/sdk/bootstrap?${query}`, {})
        .then(async (response) => {
          if (response.status !== 200) throw `HTTP ${response.status}`;
          const answer = JSON.parse(await response.text()) as Bootstrap;
          if (!answer.flows) throw 'no flows';
          resolve(answer);
        })
        .catch(reject);
    });
  } catch (error) {
    return String(error);
  } finally {
    deps.clock.clearTimeout(timer);
  }
}
