import { describe, expect, it, onTestFinished } from 'vitest';
import type { Database } from '../db';
import { createJobRunner, type Job } from './runner';
import { sharedDatabase } from './test-data';

const T0 = Date.UTC(2025, 2, 1);
const INTERVAL = 60_000;
const quiet = { info: () => {}, error: () => {} };

async function twoServers() {
  const shared = await sharedDatabase(2);
  onTestFinished(shared.close);
  let clock = T0;
  const runner = (db: Database, owner: string, jobs: Job[]) =>
    createJobRunner({ db, owner, jobs, intervalMs: INTERVAL, runLeaseMs: 5 * 60_000, now: () => clock, logger: quiet });
  return { dbs: shared.dbs as [Database, Database], runner, set: (t: number) => (clock = t) };
}

describe('job runner', () => {
  it('runs an exclusive job on one server while its lease is held; another takes over an expired lease', async () => {
    const s = await twoServers();
    let release = () => {};
    const started: string[] = [];
    const job = (owner: string): Job => ({
      name: 'sweep',
      run: async () => {
        started.push(owner);
        // Server A never finishes: it was killed mid-run.
        if (owner === 'a') await new Promise<void>((resolve) => (release = resolve));
      },
    });
    const a = s.runner(s.dbs[0], 'a', [job('a')]);
    const b = s.runner(s.dbs[1], 'b', [job('b')]);
    const stuck = a.runOnce();
    while (started.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    s.set(T0 + INTERVAL * 2);
    expect(await b.runOnce()).toEqual([{ name: 'sweep', status: 'skipped' }]);
    s.set(T0 + 5 * 60_000 - 1);
    expect(await b.runOnce()).toEqual([{ name: 'sweep', status: 'skipped' }]);
    s.set(T0 + 5 * 60_000);
    expect(await b.runOnce()).toEqual([{ name: 'sweep', status: 'ran' }]);
    expect(started).toEqual(['a', 'b']);
    release();
    await stuck;
  });

  it('runs an exclusive job once per interval across servers', async () => {
    const s = await twoServers();
    const runs: string[] = [];
    const job = (owner: string): Job => ({ name: 'sweep', run: async () => void runs.push(owner) });
    const a = s.runner(s.dbs[0], 'a', [job('a')]);
    const b = s.runner(s.dbs[1], 'b', [job('b')]);
    const both = async () => (await Promise.all([a.runOnce(), b.runOnce()])).flat().map((o) => o.status).sort();
    expect(await both()).toEqual(['ran', 'skipped']);
    s.set(T0 + INTERVAL - 1);
    expect(await both()).toEqual(['skipped', 'skipped']);
    s.set(T0 + INTERVAL);
    expect(await both()).toEqual(['ran', 'skipped']);
    expect(runs).toHaveLength(2);
  });

  it('runs non-exclusive jobs on every server, and keeps going past a failing job', async () => {
    const s = await twoServers();
    const errors: unknown[] = [];
    const ran: string[] = [];
    const jobs = (owner: string): Job[] => [
      { name: 'broken', run: async () => Promise.reject(new Error('boom')) },
      { name: 'deliver', exclusive: false, run: async () => void ran.push(owner) },
    ];
    const a = createJobRunner({ db: s.dbs[0], owner: 'a', jobs: jobs('a'), intervalMs: INTERVAL, now: () => T0, logger: { ...quiet, error: (_m, e) => errors.push(e) } });
    const b = s.runner(s.dbs[1], 'b', jobs('b'));
    expect(await a.runOnce()).toEqual([{ name: 'broken', status: 'failed' }, { name: 'deliver', status: 'ran' }]);
    expect(await b.runOnce()).toEqual([{ name: 'broken', status: 'skipped' }, { name: 'deliver', status: 'ran' }]);
    expect(ran).toEqual(['a', 'b']);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('ticks after start, and on stop signals the run under way and waits for it', async () => {
    const s = await twoServers();
    let signal: AbortSignal | undefined;
    let runs = 0;
    const job: Job = {
      name: 'slow',
      exclusive: false,
      run: async (ctx) => {
        runs += 1;
        signal = ctx.signal;
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
      },
    };
    const runner = createJobRunner({ db: s.dbs[0], jobs: [job], intervalMs: 1000, logger: quiet });
    runner.start();
    while (runs === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await runner.stop(1000);
    expect(signal?.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(1);
  });
});
