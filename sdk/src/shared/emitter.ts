/** A handler that receives one payload. */
export type Handler<T> = (payload: T) => void;

/** A typed event emitter whose `emit` never throws. */
export type Emitter<Events extends Record<string, unknown>> = {
  on<K extends keyof Events>(name: K, handler: Handler<Events[K]>): () => void;
  off<K extends keyof Events>(name: K, handler: Handler<Events[K]>): void;
  emit<K extends keyof Events>(name: K, payload: Events[K]): void;
};

/**
 * Creates an emitter. A throwing handler is reported to `onError` and the others still run:
 * vendor code listening to our events must not stop our flows or each other.
 *
 * @example
 * const events = createEmitter<{ 'flow:started': { flowId: string } }>((error) => log.warn('handler', error));
 * const stop = events.on('flow:started', ({ flowId }) => console.log(flowId));
 * events.emit('flow:started', { flowId: 'welcome' });
 * stop();
 */
export function createEmitter<Events extends Record<string, unknown>>(
  onError: (error: unknown) => void,
): Emitter<Events> {
  const handlers = new Map<keyof Events, Set<Handler<never>>>();
  const off: Emitter<Events>['off'] = (name, handler) => {
    handlers.get(name)?.delete(handler);
  };
  return {
    on(name, handler) {
      const set = handlers.get(name) ?? new Set();
      set.add(handler);
      handlers.set(name, set);
      return () => off(name, handler);
    },
    off,
    emit(name, payload) {
      // A snapshot: a handler that unsubscribes or subscribes while we loop changes the next emit.
      for (const handler of [...(handlers.get(name) ?? [])]) {
        try {
          (handler as Handler<Events[typeof name]>)(payload);
        } catch (error) {
          onError(error);
        }
      }
    },
  };
}
