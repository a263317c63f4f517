// An Onward instance wired to fakes (fetch, console, storage) for the API tests.
import type { MessageInput } from '@onward/server/contracts';
import { createOnward } from '../api/create-onward';
import type { OnwardApi } from '../api/types';
import { createStore } from '../shared/storage';
import { createFakeFetch, createMapStorage, createSpyConsole } from './fakes';

const instances: OnwardApi[] = [];

/** Disposes every instance made by {@link setupOnward}; call in afterEach. */
export function disposeInstances(): void {
  instances.splice(0).forEach((onward) => onward.dispose());
}

/** Registers an instance made elsewhere for {@link disposeInstances}. */
export function trackInstance(onward: OnwardApi): void {
  instances.push(onward);
}

/**
 * An instance on `storage` (a fresh map by default); `sent()` flushes and returns what the
 * fake server received.
 *
 * @example
 * const { onward, sent } = setupOnward();
 * onward.track('A');
 * expect(await sent()).toHaveLength(1);
 */
export function setupOnward(
  options: { autoPage?: boolean; debug?: boolean; storage?: Storage } = {},
) {
  const server = createFakeFetch();
  const sink = createSpyConsole();
  const storage = options.storage ?? createMapStorage();
  const onward = createOnward(
    {
      writeKey: 'pk_test',
      apiHost: 'https://api.test',
      autoPage: options.autoPage ?? false,
      debug: options.debug ?? false,
    },
    {
      store: createStore(() => storage),
      fetch: server.fetch,
      sendBeacon: undefined,
      console: sink.console,
    },
  );
  instances.push(onward);
  const sent = async (): Promise<MessageInput[]> => {
    await onward.flush();
    return server.messages();
  };
  return { onward, server, sink, storage, sent };
}
