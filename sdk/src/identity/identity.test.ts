import { describe, expect, it } from 'vitest';
import { createMemoryStore, createStore } from '../shared/storage';
import { createMapStorage } from '../testing/fakes';
import { IDENTITY_KEYS, createIdentity } from './identity';

let counter = 0;
const newId = (): string => `anon-${++counter}`;

describe('createIdentity', () => {
  it('creates an anonymous id once and reuses it on the next load', () => {
    const storage = createMapStorage();
    const first = createIdentity({ store: createStore(() => storage), newId });
    const id = first.get().anonymousId;
    expect(storage.getItem(IDENTITY_KEYS.anonymousId)).toBe(id);
    const reload = createIdentity({ store: createStore(() => storage), newId });
    expect(reload.get().anonymousId).toBe(id);
  });

  it('persists user, group and hash', () => {
    const storage = createMapStorage();
    const identity = createIdentity({ store: createStore(() => storage), newId });
    identity.setUser('u_1', 'hash-1');
    identity.setGroup('acme');
    const reload = createIdentity({ store: createStore(() => storage), newId });
    expect(reload.get()).toMatchObject({ userId: 'u_1', groupId: 'acme', userHash: 'hash-1' });
  });

  it('keeps the hash for the same user but drops it for a different one', () => {
    const identity = createIdentity({ store: createMemoryStore(), newId });
    identity.setUser('u_1', 'hash-1');
    identity.setUser('u_1');
    expect(identity.get().userHash).toBe('hash-1');
    identity.setUser('u_2');
    expect(identity.get().userHash).toBeNull();
  });

  it('reset forgets user, group and hash and starts a new anonymous id', () => {
    const storage = createMapStorage();
    const identity = createIdentity({ store: createStore(() => storage), newId });
    const before = identity.get().anonymousId;
    identity.setUser('u_1', 'h');
    identity.setGroup('acme');
    identity.reset();
    const after = identity.get();
    expect(after).toMatchObject({ userId: null, groupId: null, userHash: null });
    expect(after.anonymousId).not.toBe(before);
    expect(storage.getItem(IDENTITY_KEYS.anonymousId)).toBe(after.anonymousId);
  });

  it('keeps one anonymous id for the page even if storage is cleared underneath', () => {
    const storage = createMapStorage();
    const identity = createIdentity({ store: createStore(() => storage), newId });
    const id = identity.get().anonymousId;
    storage.clear();
    expect(identity.get().anonymousId).toBe(id);
    expect(storage.getItem(IDENTITY_KEYS.anonymousId)).toBe(id);
  });
});
