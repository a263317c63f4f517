import { describe, expect, it, onTestFinished } from 'vitest';
import { createJobLeases } from './leases';
import { createJobRunner, type Job } from './runner';
import { sharedDatabase } from './test-data';

const T0 = Date.UTC(2025, 2, 1);

async function threeServers() {
  const shared = await sharedDatabase(3);
  onTestFinished(shared.close);
  return shared.dbs.map((db) => createJobLeases(db));
}

describe('job leases', () => {
  it('of servers asking at once exactly one gets it; another takes it once it has expired', async () => {
    const [a, b, c] = await threeServers();
    const got = await Promise.all([a!, b!, c!].map((l, i) => l.acquire('sweep', `s${i}`, T0, T0 + 1_000)));
    expect(got.filter(Boolean)).toHaveLength(1);
    const holder = got.indexOf(true);
    const other = [a!, b!, c!][(holder + 1) % 3]!;
    expect(await other.acquire('sweep', 'late', T0 + 999, T0 + 2_000)).toBe(false);
    expect(await other.acquire('sweep', 'late', T0 + 1_000, T0 + 2_000)).toBe(true);
  });

  it('a run whose lease end could not be written (database down) runs again next interval, not after runLeaseMs', async () => {
    const shared = await sharedDatabase(1);
    onTestFinished(shared.close);
    const db = shared.dbs[0]!;
    const execute = db.execute.bind(db);
    let down = false;
    db.execute = ((stmt: Parameters<typeof execute>[0]) => {
      if (down) return Promise.reject(new Error('fetch failed: sqld is restarting'));
      return execute(stmt);
    }) as typeof db.execute;
    let clock = T0;
    let runs = 0;
    const job: Job = { name: 'sweep', run: async () => void (runs += 1, (down = true)) };
    const runner = createJobRunner({ db, owner: 'a', jobs: [job], intervalMs: 60_000, runLeaseMs: 300_000, now: () => clock, logger: { info: () => {}, error: () => {} } });
    expect(await runner.runOnce()).toEqual([{ name: 'sweep', status: 'ran' }]);
    down = false;
    clock = T0 + 60_000;
    expect(await runner.runOnce()).toEqual([{ name: 'sweep', status: 'ran' }]);
    expect(runs).toBe(2);
  });
});
