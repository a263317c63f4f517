import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app';
import { createLocalCommit } from './commit';
import { rowBlock } from './store';
import { createIngestWriter } from './writer';

/** A write of track events with these message ids. */
const rows = (...messageIds: string[]) =>
  rowBlock(1, messageIds.map((messageId) => ({
    messageId, type: 'track' as const, event: 'E', userId: 'u', anonymousId: null, groupId: null,
    previousId: null, timestamp: 1, receivedAt: 1, sentAt: null, properties: null, traits: null, context: null,
  })));

describe('group-commit writer', () => {
  it('commits concurrent writes together and tells each caller its own outcomes', async () => {
    const t = await createTestApp();
    let batches = 0;
    const batch = t.db.batch.bind(t.db);
    t.db.batch = ((...args: Parameters<typeof batch>) => {
      batches += 1;
      return batch(...args);
    }) as typeof t.db.batch;
    const writes = Array.from({ length: 20 }, (_, i) => t.writer.write(rows(`m${i}`, `m${(i + 1) % 20}`)));
    const outcomes = await Promise.all(writes);
    // Writes made in the same tick share one commit.
    expect(batches).toBe(1);
    expect(outcomes.reduce((sum, o) => sum + o.accepted, 0)).toBe(20);
    expect(outcomes[0]).toEqual({ accepted: 2, duplicates: 0 });
    // m1 was stored by the first write, earlier in the same commit; m2 is new.
    expect(outcomes[1]).toEqual({ accepted: 1, duplicates: 1 });
    expect(await t.rows('SELECT count(*) AS n FROM events')).toEqual([{ n: 20 }]);
  });

  it('rejects every write of a failed commit, and keeps serving later ones', async () => {
    const t = await createTestApp();
    const batch = t.db.batch.bind(t.db);
    t.db.batch = (() => Promise.reject(new Error('disk full'))) as typeof t.db.batch;
    await expect(t.writer.write(rows('a'))).rejects.toThrow('disk full');
    t.db.batch = batch;
    await expect(t.writer.write(rows('a'))).resolves.toEqual({ accepted: 1, duplicates: 0 });
  });

  it('takes writes waiting elsewhere into the next commit through gather()', async () => {
    const t = await createTestApp();
    const groups: number[] = [];
    const waiting = [rows('b'), rows('c', 'd')];
    const outcomes: Promise<unknown>[] = [];
    const writer = createIngestWriter({
      commit: async (g) => {
        groups.push(g.length);
        return createLocalCommit(t.db)(g);
      },
      gather: () => outcomes.push(...waiting.splice(0).map((block) => writer.write(block))),
    });
    outcomes.push(writer.write(rows('a')));
    await writer.flush();
    expect(groups).toEqual([3]);
    expect(await Promise.all(outcomes)).toEqual([
      { accepted: 1, duplicates: 0 },
      { accepted: 1, duplicates: 0 },
      { accepted: 2, duplicates: 0 },
    ]);
  });

  it('flush() waits for everything queued', async () => {
    const t = await createTestApp();
    const pending = t.writer.write(rows('a', 'b'));
    await t.writer.flush();
    expect(await t.rows('SELECT count(*) AS n FROM events')).toEqual([{ n: 2 }]);
    await pending;
  });
});
