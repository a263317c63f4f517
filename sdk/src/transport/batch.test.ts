import { describe, expect, it } from 'vitest';
import { takeBatch } from './batch';
import type { Message } from './message';
import { utf8Length } from './message';

const message = (id: number, padding = 0): Message => ({
  type: 'track',
  event: 'E',
  messageId: `m${id}`,
  timestamp: '2024-05-01T10:00:00.000Z',
  anonymousId: 'a',
  context: {},
  properties: { padding: 'x'.repeat(padding) },
});

describe('takeBatch', () => {
  it('takes the oldest messages up to the count limit', () => {
    const messages = Array.from({ length: 150 }, (_, i) => message(i));
    const batch = takeBatch(messages, { maxCount: 100, maxBytes: 400_000 });
    expect(batch).toHaveLength(100);
    expect(batch[0]?.messageId).toBe('m0');
  });

  it('stops before the byte limit', () => {
    const messages = Array.from({ length: 20 }, (_, i) => message(i, 30_000));
    const batch = takeBatch(messages, { maxCount: 100, maxBytes: 400_000 });
    expect(batch).toHaveLength(13);
    expect(utf8Length(JSON.stringify(batch))).toBeLessThan(400_000);
  });

  it('always takes the first message', () => {
    expect(takeBatch([message(1, 5000)], { maxCount: 100, maxBytes: 100 })).toHaveLength(1);
  });
});

describe('utf8Length', () => {
  it.each([
    ['abc', 3],
    ['é', 2],
    ['中文', 6],
    ['😀', 4],
  ])('%s is %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});
