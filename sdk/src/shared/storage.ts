/** The key-value store the SDK persists to: string values under `onward:…` keys. */
export type Store = {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
};

/**
 * localStorage with a silent in-memory fallback. Memory mirrors every read and write, so when
 * storage starts throwing (Safari private mode, sandboxed iframes, a full quota, a page that
 * replaced it with a throwing getter) the SDK carries on with what it knew.
 *
 * @example
 * const store = createStore(getLocalStorage);
 * store.set('onward:userId', 'u_1');
 */
export function createStore(getStorage: () => Storage | undefined): Store {
  const memory = new Map<string, string>();
  let storage: Storage | undefined;
  try {
    storage = getStorage();
  } catch {
    storage = undefined;
  }
  // Runs `op` on localStorage (undefined when it failed); the first failure switches to memory.
  const attempt = <T>(op: (s: Storage) => T): T | undefined => {
    try {
      return storage && op(storage);
    } catch {
      storage = undefined;
      return undefined;
    }
  };
  return {
    get(key) {
      const value = attempt((s) => s.getItem(key));
      if (value === undefined) return memory.get(key) ?? null;
      if (value === null) memory.delete(key);
      else memory.set(key, value);
      return value;
    },
    set(key, value) {
      memory.set(key, value);
      attempt((s) => s.setItem(key, value));
    },
    remove(key) {
      memory.delete(key);
      attempt((s) => s.removeItem(key));
    },
  };
}

/**
 * A store kept in memory only (tests, or hosts without localStorage).
 *
 * @example
 * const store = createMemoryStore();
 */
export function createMemoryStore(): Store {
  return createStore(() => undefined);
}
