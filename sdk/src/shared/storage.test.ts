import { describe, expect, it } from 'vitest';
import { createMapStorage, createThrowingStorage } from '../testing/fakes';
import { createStore } from './storage';

describe('createStore', () => {
  it('reads and writes localStorage when it works', () => {
    const storage = createMapStorage();
    const store = createStore(() => storage);
    store.set('onward:a', '1');
    expect(storage.getItem('onward:a')).toBe('1');
    storage.setItem('onward:b', '2');
    expect(store.get('onward:b')).toBe('2');
    store.remove('onward:a');
    expect(store.get('onward:a')).toBeNull();
  });

  it('falls back to memory silently when every storage method throws', () => {
    const store = createStore(() => createThrowingStorage());
    expect(store.get('onward:a')).toBeNull();
    store.set('onward:a', '1');
    expect(store.get('onward:a')).toBe('1');
    store.remove('onward:a');
    expect(store.get('onward:a')).toBeNull();
  });

  it('falls back when even reaching localStorage throws (a hostile getter)', () => {
    const store = createStore(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    store.set('onward:a', 'kept');
    expect(store.get('onward:a')).toBe('kept');
  });

  it('keeps what it knew when storage starts failing mid-session (quota)', () => {
    const storage = createMapStorage();
    storage.setItem('onward:anonymousId', 'anon-1');
    const store = createStore(() => storage);
    expect(store.get('onward:anonymousId')).toBe('anon-1');
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    store.set('onward:userId', 'u_1');
    expect(store.get('onward:userId')).toBe('u_1');
    expect(store.get('onward:anonymousId')).toBe('anon-1');
  });

  it('sees writes made by another tab through the same storage', () => {
    const storage = createMapStorage();
    const tabA = createStore(() => storage);
    const tabB = createStore(() => storage);
    tabA.set('onward:userId', 'u_1');
    expect(tabB.get('onward:userId')).toBe('u_1');
    tabA.remove('onward:userId');
    expect(tabB.get('onward:userId')).toBeNull();
  });
});
