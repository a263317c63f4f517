import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../testing/temp-dir';
import { openDatabase } from './client';
import { takingTurns, writeTurnsOf } from './write-turns';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function turnTakingFile() {
  const turns = writeTurnsOf(undefined, 100);
  const db = takingTurns(await openDatabase(`file:${join(tempDir('onward-turns-'), 'onward.db')}`), turns);
  onTestFinished(() => db.close());
  await db.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
  return { db, turns };
}

describe('write turns', () => {
  it('holds a write back while a commit is under way, and lets reads through', async () => {
    const { db, turns } = await turnTakingFile();
    turns.beginCommit();
    let written = false;
    const write = db.execute({ sql: 'INSERT INTO notes (body) VALUES (?)', args: ['after the commit'] }).then(() => (written = true));
    const batch = db.batch(["INSERT INTO notes (body) VALUES ('batched')"], 'write');
    expect(Number((await db.execute('SELECT count(*) AS n FROM notes')).rows[0]!.n)).toBe(0);
    await settle();
    expect(written).toBe(false);
    turns.endCommit();
    await Promise.all([write, batch]);
    expect(Number((await db.execute('SELECT count(*) AS n FROM notes')).rows[0]!.n)).toBe(2);
  });

  it('has the commit side wait while a writer waits, for at most its bound', async () => {
    const { db, turns } = await turnTakingFile();
    let started = performance.now();
    turns.beginCommit();
    expect(performance.now() - started).toBeLessThan(50);
    const write = db.execute("INSERT INTO notes (body) VALUES ('waiting')");
    turns.endCommit();
    // The writer waits for its turn on this same thread, so the commit side can only time out.
    started = performance.now();
    turns.beginCommit();
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    turns.endCommit();
    await write;
  });

  it('tells writes from reads, in WITH statements too', async () => {
    const { db, turns } = await turnTakingFile();
    turns.beginCommit();
    const read = db.execute('WITH n AS (SELECT 1 AS x) SELECT x FROM n');
    let written = false;
    const write = db.execute("WITH n AS (SELECT 'cte' AS body) INSERT INTO notes (body) SELECT body FROM n").then(() => (written = true));
    expect((await read).rows[0]!.x).toBe(1);
    await settle();
    expect(written).toBe(false);
    turns.endCommit();
    await write;
  });
});
