import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { createReadAhead, createReader, type ReadAheadStatement } from './read-ahead';

const pools: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** A stand-in read-ahead thread: echoes each statement back after `ms`, or exits on `{ sql: 'exit' }`. */
const echoing = (ms: number) =>
  new Worker(
    `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', (s) => s.sql === 'exit' ? process.exit(3) : setTimeout(() => parentPort.postMessage(s), ${ms}));`,
    { eval: true },
  );

/** A pool of echoing threads, with every statement they finished. */
function echoPool(threads: number, ms = 20) {
  const done: ReadAheadStatement[] = [];
  const pool = createReadAhead(
    () => {
      const worker = echoing(ms);
      worker.on('message', (s: ReadAheadStatement) => done.push(s));
      return worker;
    },
    threads,
    (error) => {
      throw error;
    },
  );
  pools.push(pool);
  return { pool, done };
}

const statement = (n: number): ReadAheadStatement => ({ sql: 'SELECT ?', args: [n] });

/** Resolves once `condition` holds (threads start at their own pace), failing after 5 s. */
async function until(condition: () => boolean) {
  for (const started = Date.now(); !condition(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (Date.now() - started > 5_000) throw new Error(`still not true: ${condition.toString()}`);
  }
}

describe('read-ahead', () => {
  it('reads a statement on a read-only connection of the file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'onward-read-ahead-')), 'db.sqlite');
    const db = await openDatabase(`file:${path}`);
    await db.execute('CREATE TABLE t (n INTEGER)');
    await db.execute('INSERT INTO t VALUES (1), (2), (3)');
    const read = createReader(path);
    expect(read({ sql: 'SELECT n FROM t WHERE n >= ?', args: [2] })).toBe(2);
    expect(() => read({ sql: 'INSERT INTO t VALUES (?)', args: [4] })).toThrow(/readonly/i);
    db.close();
  });

  it('gives each statement to an idle thread and drops those that find every thread busy', async () => {
    const { pool, done } = echoPool(2);
    expect(pool.threads).toBe(2);
    // Given out at once: two threads were idle, so the third statement is dropped there and then.
    pool.run([statement(1), statement(2), statement(3)]);
    await until(() => done.length === 2);
    expect(done.map((s) => s.args[0]).sort()).toEqual([1, 2]);
    // Both threads are free again.
    pool.run([statement(4), statement(5)]);
    await until(() => done.length === 4);
    expect(done.map((s) => s.args[0]).sort()).toEqual([1, 2, 4, 5]);
  });

  it('goes on without a thread that stopped', async () => {
    const { pool, done } = echoPool(2);
    pool.run([{ sql: 'exit', args: [] }]);
    await until(() => pool.threads === 1);
    pool.run([statement(1), statement(2)]);
    await until(() => done.length === 1);
    expect(done.map((s) => s.args[0])).toEqual([1]);
  });

  it('says why a thread failed', async () => {
    const errors: Error[] = [];
    const pool = createReadAhead(() => new Worker('throw new Error("no database here")', { eval: true }), 1, (e) => errors.push(e));
    pools.push(pool);
    await until(() => errors.length === 1);
    expect(pool.threads).toBe(0);
    expect(errors.map((e) => e.message)).toEqual(['no database here']);
    pool.run([statement(1)]);
  });
});
