// Starts the built server on a free loopback port with a temporary database, for benchmarks.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { freePort } from '../support/free-port';

const MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));


/**
 * With migrateOnly the server is stopped once ready, leaving a migrated, empty database. With
 * keepDir the database lives in that folder (created if missing, used as is if not) and stays there.
 */
export async function startBenchServer({ migrateOnly = false, keepDir }: { migrateOnly?: boolean; keepDir?: string } = {}) {
  if (!existsSync(MAIN)) throw new Error('server/dist/main.js is missing: run `pnpm build` first');
  const dir = keepDir ?? mkdtempSync(join(tmpdir(), 'onward-bench-'));
  if (keepDir !== undefined) mkdirSync(keepDir, { recursive: true });
  const databaseUrl = `file:${join(dir, 'onward.db')}`;
  const port = await freePort();
  const writeKey = 'pk_bench';
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, ONWARD_WRITE_KEY: writeKey },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the server did not become healthy within 15 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const halt = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  if (migrateOnly) await halt();
  return {
    url,
    writeKey,
    databaseUrl,
    async count() {
      const db = createClient({ url: databaseUrl });
      const result = await db.execute('SELECT count(*) AS n FROM events');
      db.close();
      return Number(result.rows[0]?.n);
    },
    async stop() {
      if (!migrateOnly) await halt();
      if (keepDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}
