import { describe, expect, it, vi } from 'vitest';
import { uuidv7 } from './uuid';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('has the version 7 and RFC 4122 variant bits', () => {
    for (let i = 0; i < 50; i++) expect(uuidv7(Date.now())).toMatch(V7);
    expect(uuidv7(0, (bytes) => bytes.fill(0xff))).toMatch(V7);
  });

  it('starts with the timestamp, so ids sort by time', () => {
    const ms = Date.UTC(2024, 4, 1);
    const id = uuidv7(ms);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(ms);
    const ids = [uuidv7(ms + 2), uuidv7(ms), uuidv7(ms + 1)];
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('still works without crypto.getRandomValues', () => {
    vi.stubGlobal('crypto', undefined);
    try {
      const a = uuidv7(1);
      expect(a).toMatch(V7);
      expect(a).not.toBe(uuidv7(1));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
