// The real server on a free loopback port with a temp-dir database, as a plain helper and as
// Playwright fixtures (`server` shared by a worker's tests, `freshServer` for one test alone).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type InValue, type Row } from '@libsql/client';
import { test as base } from '@playwright/test';
import { freePort } from './free-port';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'server/dist/main.js');
const SDK = join(ROOT, 'sdk/dist/sdk.js');
const READY_MS = 15_000;
const STOP_MS = 12_000;

export type Signal = 'SIGTERM' | 'SIGINT' | 'SIGKILL';

export type TestServer = {
  url: string;
  port: number;
  writeKey: string;
  secretKey: string;
  dbPath: string;
  /** Stops the process (SIGTERM by default) and resolves once it has exited. */
  stop: (signal?: Signal) => Promise<void>;
  /** Starts the server again on the same port and database. */
  restart: () => Promise<void>;
  /** Reads the database directly (the server keeps running). */
  query: (sql: string, args?: InValue[]) => Promise<Row[]>;
  /** Everything the process printed, for failure messages. */
  output: () => string;
  /** Stops the process, closes the reader and deletes the temp dir. */
  dispose: () => Promise<void>;
};

export type StartOptions = {
  env?: Record<string, string>;
  /** Unpublish the demo flows seeded on first start, so no tour covers what a test clicks. */
  withoutFlows?: boolean;
};

/** Fails with the command to run when the server or the SDK has not been built. */
export function assertBuilt(): void {
  const missing = [
    [MAIN, 'cd server && node scripts/build.mjs'],
    [SDK, 'npx --yes pnpm@10.34.9 --filter ./sdk run build'],
  ].filter(([path]) => !existsSync(path!));
  if (missing.length > 0) {
    const lines = missing.map(([path, command]) => `  ${path} is missing: run \`${command}\``);
    throw new Error(`Build before running the browser and contract tests:\n${lines.join('\n')}`);
  }
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + READY_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with ${child.exitCode} before it was ready:\n${output()}`);
    }
    const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) })
      .then(async (r) => r.status === 200 && ((await r.json()) as { ok?: unknown }).ok === true)
      .catch(() => false);
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`The server was not healthy within ${READY_MS} ms:\n${output()}`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Unpublishes every published flow through the admin API (nothing to do on a server without flows). */
export async function unpublishAllFlows(url: string, secretKey: string): Promise<void> {
  const headers = { Authorization: `Bearer ${secretKey}` };
  const timeout = () => AbortSignal.timeout(5_000);
  const list = await fetch(`${url}/v1/flows`, { headers, signal: timeout() });
  if (list.status === 404) return;
  if (!list.ok) throw new Error(`GET /v1/flows answered ${list.status}: ${await list.text()}`);
  const { flows } = (await list.json()) as { flows: { id: string }[] };
  for (const { id } of flows) {
    const answer = await fetch(`${url}/v1/flows/${encodeURIComponent(id)}/unpublish`, {
      method: 'POST',
      headers,
      signal: timeout(),
    });
    if (!answer.ok)
      throw new Error(
        `POST /v1/flows/${id}/unpublish answered ${answer.status}: ${await answer.text()}`,
      );
  }
}

/** Spawns server/dist/main.js on a free loopback port with a database in a new temp dir. */
export async function startServer({
  env = {},
  withoutFlows = false,
}: StartOptions = {}): Promise<TestServer> {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'onward-test-'));
  const dbPath = join(dir, 'onward.db');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const writeKey = `pk_test_${randomBytes(8).toString('hex')}`;
  const secretKey = `sk_test_${randomBytes(8).toString('hex')}`;
  let log = '';
  let child: ChildProcess | null = null;

  async function launch(): Promise<void> {
    const proc = spawn(process.execPath, [MAIN], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${dbPath}`,
        ONWARD_WRITE_KEY: writeKey,
        ONWARD_SECRET_KEY: secretKey,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    proc.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      await waitForHealth(url, proc, () => log);
    } catch (error) {
      proc.kill('SIGKILL');
      throw error;
    }
  }

  async function stop(signal: Signal = 'SIGTERM'): Promise<void> {
    const proc = child;
    if (proc === null) return;
    child = null;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_MS);
    await exited(proc);
    clearTimeout(timer);
  }

  await launch();
  const reader = createClient({ url: `file:${dbPath}` });
  if (withoutFlows) await unpublishAllFlows(url, secretKey);

  return {
    url,
    port,
    writeKey,
    secretKey,
    dbPath,
    stop,
    async restart() {
      await stop();
      await launch();
    },
    async query(sql, args = []) {
      return (await reader.execute({ sql, args })).rows;
    },
    output: () => log,
    async dispose() {
      await stop('SIGTERM');
      reader.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until `done` says yes or `timeoutMs` passes; returns the last value either way. */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 20_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await sleep(intervalMs);
    value = await probe();
  }
  return value;
}

type ServerFixtures = { freshServer: TestServer };
type ServerWorkerFixtures = { server: TestServer };

/**
 * `server`: one per worker, shared by its tests (use unique ids); `freshServer`: one per test.
 * Both start with the seeded demo flows unpublished: these specs are about events, not tours.
 */
export const test = base.extend<ServerFixtures, ServerWorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startServer({ withoutFlows: true });
      await use(server);
      await server.dispose();
    },
    { scope: 'worker', timeout: 30_000 },
  ],
  freshServer: async ({}, use, testInfo) => {
    const server = await startServer({ withoutFlows: true });
    await use(server);
    await server.dispose();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('server output', { body: server.output(), contentType: 'text/plain' });
    }
  },
});

export { expect } from '@playwright/test';
