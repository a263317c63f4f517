// Who the messages are about: anonymousId, userId, groupId and userHash, persisted under
// `onward:…` keys and read back on every call so tabs that share storage agree.
import type { Store } from '../shared/storage';

/** The identity stamped on each message. */
export type Ids = {
  anonymousId: string;
  userId: string | null;
  groupId: string | null;
  userHash: string | null;
};

/** Reads and changes the persisted identity. */
export type Identity = {
  get(): Ids;
  setUser(userId: string, userHash?: string): void;
  setGroup(groupId: string): void;
  /** Forgets user, group and hash; starts a new anonymous id. */
  reset(): void;
};

/** Storage keys, exported for tests and documentation. */
export const IDENTITY_KEYS = {
  anonymousId: 'onward:anonymousId',
  userId: 'onward:userId',
  groupId: 'onward:groupId',
  userHash: 'onward:userHash',
} as const;

/**
 * Creates the identity over `store`; `newId` makes anonymous ids.
 *
 * @example
 * const identity = createIdentity({ store, newId: () => uuidv7(Date.now()) });
 * identity.setUser('u_42');
 * identity.get(); // { anonymousId: '…', userId: 'u_42', groupId: null, userHash: null }
 */
export function createIdentity(deps: { store: Store; newId: () => string }): Identity {
  const { store, newId } = deps;
  // Kept in memory too: if another tab clears storage, this tab keeps one id until it resets.
  let anonymousId = '';
  const ensureAnonymousId = (): string => {
    const stored = store.get(IDENTITY_KEYS.anonymousId);
    if (stored) return (anonymousId = stored);
    anonymousId = anonymousId || newId();
    store.set(IDENTITY_KEYS.anonymousId, anonymousId);
    return anonymousId;
  };
  ensureAnonymousId();
  return {
    get: () => ({
      anonymousId: ensureAnonymousId(),
      userId: store.get(IDENTITY_KEYS.userId),
      groupId: store.get(IDENTITY_KEYS.groupId),
      userHash: store.get(IDENTITY_KEYS.userHash),
    }),
    setUser(userId, userHash) {
      // A hash belongs to one user id: a new user without a hash must not inherit the old one.
      if (userHash) store.set(IDENTITY_KEYS.userHash, userHash);
      else if (store.get(IDENTITY_KEYS.userId) !== userId) store.remove(IDENTITY_KEYS.userHash);
      store.set(IDENTITY_KEYS.userId, userId);
    },
    setGroup: (groupId) => store.set(IDENTITY_KEYS.groupId, groupId),
    reset() {
      store.remove(IDENTITY_KEYS.userId);
      store.remove(IDENTITY_KEYS.groupId);
      store.remove(IDENTITY_KEYS.userHash);
      anonymousId = newId();
      store.set(IDENTITY_KEYS.anonymousId, anonymousId);
    },
  };
}
