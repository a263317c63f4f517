// The Onward object: checks each call, stamps identity and context, and hands the message to
// the transport. Every method is guarded: nothing it does can throw into the host page.
import { createIdentity } from '../identity/identity';
import { createClock } from '../shared/clock';
import type { Clock } from '../shared/clock';
import { createEmitter } from '../shared/emitter';
import { getFetch, getLocalStorage, getSendBeacon, getWindow } from '../shared/env';
import type { BeaconLike, FetchLike } from '../shared/env';
import { guard } from '../shared/guard';
import { createLogger } from '../shared/logger';
import { createStore } from '../shared/storage';
import type { Store } from '../shared/storage';
import { getRandomBytes, uuidv7 } from '../shared/uuid';
import type { RandomBytes } from '../shared/uuid';
import { VERSION } from '../shared/version';
import { createTransport } from '../transport';
import type { BatcherOptions } from '../transport';
import { watchNavigation } from '../triggers/navigation';
import { buildMessage } from './build-message';
import type { MessageFields } from './build-message';
import { isPlainObject, toEventName, toId, toListener, toOptionalString, toRecord } from './checks';
import { readContext } from './context';
import { DEBUG_KEY, isDebugRequested } from './debug';
import { createGuidesHost } from './guides';
import type { OnwardApi, OnwardEvent, OnwardEventName, OnwardOptions } from './types';
import type { Importer } from './guides-contract';

/** Replaceable parts, for tests and non-browser hosts. */
export type OnwardDeps = {
  store: Store;
  clock: Clock;
  random: () => number;
  randomBytes: RandomBytes;
  fetch: FetchLike | undefined;
  sendBeacon: BeaconLike | undefined;
  console: Console;
  /** Brings in the guides chunk; without it the instance only sends messages (no bootstrap). */
  loadGuides: Importer;
  /** Brings in the builder chunk (element picker, preview) when the dashboard opened the page. */
  loadBuilder: Importer;
} & BatcherOptions;

type Methods = Omit<OnwardApi, 'version'>;

/**
 * Creates an Onward instance. Nothing global is created here: the script-tag entry assigns
 * the result to `window.Onward`, and tests can run two instances side by side.
 *
 * @example
 * const onward = createOnward({ writeKey: 'pk_live_1', apiHost: 'https://onward.example.com' });
 * onward.identify('u_42', { email: 'ada@example.com' });
 */
export function createOnward(input: OnwardOptions, deps: Partial<OnwardDeps> = {}): OnwardApi {
  // Plain-JavaScript callers may pass nothing at all.
  const options: Partial<OnwardOptions> = input ?? {};
  const clock = deps.clock ?? createClock();
  const store = deps.store ?? createStore(getLocalStorage);
  const logger = createLogger(isDebugRequested(options.debug, store), deps.console);
  const newId = (): string => uuidv7(clock.now(), deps.randomBytes ?? getRandomBytes);
  const identity = createIdentity({ store, newId });
  const events = createEmitter<Record<OnwardEventName, OnwardEvent>>((error) =>
    logger.warn('event handler', error),
  );
  const base = {
    fetch: getFetch(),
    ...deps,
    apiHost: options.apiHost || (getWindow()?.location.origin ?? ''),
    writeKey: options.writeKey ?? '',
    store,
    clock,
    logger,
  };
  const transport = createTransport({
    random: Math.random,
    sendBeacon: getSendBeacon(),
    ...base,
    tabId: newId(),
  });
  const guides =
    deps.loadGuides &&
    createGuidesHost({
      ...base,
      ids: identity.get,
      importer: deps.loadGuides,
      builder: deps.loadBuilder,
      flush: () => transport.flush(),
      inherited: transport.inherited,
      engine: {
        options,
        store,
        clock,
        logger,
        track: (event, properties) => api.track(event, properties),
        emit: events.emit,
        watchUrl: (onChange) => watchNavigation({ clock, onChange, onError }),
      },
    });
  if (!options.writeKey) logger.warn('writeKey is missing');
  const send = (fields: MessageFields): void => {
    transport.enqueue(
      buildMessage(fields, {
        ids: identity.get(),
        now: clock.now(),
        messageId: newId(),
        context: readContext(),
      }),
    );
    logger.debug(`queued ${fields.type}`, fields);
    guides?.saw(fields);
  };
  let stopNavigation = (): void => {};
  let disposed = false;
  const onError = (error: unknown): void => logger.warn('start', error);

  const methods: Methods = {
    identify(userId: unknown, traits?: unknown, opts?: unknown) {
      // Segment's identify(traits) and identify(null, traits): traits of the current user.
      const traitsOnly = isPlainObject(userId) || (userId == null && traits != null);
      const record = toRecord(isPlainObject(userId) ? userId : traits, 'traits');
      if (!traitsOnly) {
        const userHash = toOptionalString(toRecord(opts, 'options').userHash, 'userHash');
        identity.setUser(toId(userId, 'userId'), userHash);
      }
      send({ type: 'identify', traits: record });
    },
    group(accountId: unknown, traits?: unknown) {
      const groupId = toId(accountId, 'accountId');
      const record = toRecord(traits, 'traits');
      identity.setGroup(groupId);
      send({ type: 'group', groupId, traits: record });
    },
    track(event: unknown, properties?: unknown) {
      send({
        type: 'track',
        event: toEventName(event),
        properties: toRecord(properties, 'properties'),
      });
    },
    page(name?: unknown, properties?: unknown) {
      // page(properties) is Segment's short form.
      if (isPlainObject(name)) [name, properties] = [undefined, name];
      send({
        type: 'page',
        name: toOptionalString(name, 'name'),
        properties: toRecord(properties, 'properties'),
      });
    },
    show: (flowId: unknown) => guides?.show(toId(flowId, 'flowId')),
    dismiss: () => guides?.dismiss(),
    reset() {
      identity.reset();
      guides?.saw({ type: 'reset' });
    },
    on: (name: unknown, handler: unknown) => events.on(...toListener(name, handler)),
    off: (name: unknown, handler: unknown) => events.off(...toListener(name, handler)),
    debug(on: unknown = true) {
      logger.setEnabled(!!on);
      if (on) store.set(DEBUG_KEY, '1');
      else store.remove(DEBUG_KEY);
      // On: ask again with debug=1, so the log says why excluded flows are out.
      if (on) guides?.refresh();
    },
    flush: () => transport.flush(),
    dispose() {
      disposed = true;
      stopNavigation();
      guides?.stop();
      transport.dispose();
    },
  };
  const api = { version: VERSION } as OnwardApi;
  for (const name of Object.keys(methods) as (keyof Methods)[]) {
    // What a failed call returns: `on` still gives a callable unsubscribe, `flush` a promise.
    const fallback = name === 'on' ? () => {} : name === 'flush' ? Promise.resolve() : undefined;
    const report = (error: unknown): void => logger.warn(`${name}: ${String(error)}; call ignored`);
    (api as Record<string, unknown>)[name] = guard(
      methods[name] as (...args: unknown[]) => unknown,
      fallback,
      report,
    );
  }

  // After the current script: the script tag replays queued identify/group first, so the
  // bootstrap and the first page carry the user; an ESM caller's identify right after does too.
  Promise.resolve()
    .then(() => {
      if (disposed) return;
      guides?.start();
      if (options.autoPage === false) return;
      api.page();
      stopNavigation = watchNavigation({ clock, onChange: () => api.page(), onError });
    })
    .catch(onError);
  return api;
}
