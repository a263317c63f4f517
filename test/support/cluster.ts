// Several Onward servers (the built server/dist/main.js) on one sqld, and optionally the round-robin
// proxy of scripts/cluster.mjs in front: each process can be killed and started again on its port.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from './free-port';
import { assertBuilt, ROOT, type Signal } from './server';
import { startSqld, type TestSqld } from './sqld';

const MAIN = join(ROOT, 'server/dist/main.js');
const PROXY = join(ROOT, 'scripts/cluster.mjs');
const READY_MS = 30_000;

export type ClusterProcess = {
  url: string;
  stop: (signal?: Signal) => Promise<void>;
  start: () => Promise<void>;
  output: () => string;
  /** The running process's id (lease owners in the database name it), if running. */
  pid: () => number | undefined;
};

export type Cluster = {
  sqld: TestSqld;
  servers: ClusterProcess[];
  /** The proxy's URL, when started with `proxy: true`. */
  proxy: ClusterProcess | null;
  writeKey: string;
  secretKey: string;
  /** Every process's output, for failure messages. */
  output: () => string;
  dispose: () => Promise<void>;
};

/** A process that answers 200 on `health` once ready; stop/start keep its port and arguments. */
function managed(name: string, url: string, health: string, spawnIt: () => ChildProcess): ClusterProcess {
  let log = '';
  let child: ChildProcess | null = null;
  const exited = (proc: ChildProcess) =>
    proc.exitCode !== null || proc.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    url,
    output: () => `--- ${name} (${url})\n${log}`,
    pid: () => child?.pid,
    async start() {
      const proc = spawnIt();
      child = proc;
      proc.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      proc.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const deadline = Date.now() + READY_MS;
      while (!(await fetch(`${url}${health}`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false))) {
        if (proc.exitCode !== null || Date.now() > deadline) {
          proc.kill('SIGKILL');
          throw new Error(`${name} was not ready within ${READY_MS} ms:\n${log}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop(signal = 'SIGTERM') {
      const proc = child;
      child = null;
      if (proc === null || proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill('SIGKILL'), 12_000);
      await exited(proc);
      clearTimeout(timer);
    },
  };
}

export async function startCluster({
  servers: count = 3,
  env = {},
  proxy: withProxy = false,
}: { servers?: number; env?: Record<string, string>; proxy?: boolean } = {}): Promise<Cluster> {
  assertBuilt();
  const sqld = await startSqld();
  const writeKey = `pk_test_${randomBytes(8).toString('hex')}`;
  const secretKey = `sk_test_${randomBytes(8).toString('hex')}`;
  const servers: ClusterProcess[] = [];
  let proxy: ClusterProcess | null = null;
  try {
    for (let i = 0; i < count; i += 1) {
      const port = await freePort();
      servers.push(
        managed(`server ${i + 1}`, `http://127.0.0.1:${port}`, '/healthz', () =>
          spawn(process.execPath, [MAIN], {
            env: {
              PATH: process.env.PATH ?? '',
              PORT: String(port),
              HOST: '127.0.0.1',
              DATABASE_URL: sqld.url,
              ONWARD_WRITE_KEY: writeKey,
              ONWARD_SECRET_KEY: secretKey,
              ...env,
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          }),
        ),
      );
    }
    // All at once, as a deployment starts them: one migrates and seeds, the others wait.
    await Promise.all(servers.map((s) => s.start()));
    if (withProxy) {
      const port = await freePort();
      const backends = servers.map((s) => s.url).join(',');
      proxy = managed('proxy', `http://127.0.0.1:${port}`, '/healthz', () =>
        spawn(process.execPath, [PROXY, '--proxy-only', '--port', String(port), '--backends', backends], {
          env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      );
      await proxy.start();
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await sqld.dispose();
    throw error;
  }
  return {
    sqld,
    servers,
    proxy,
    writeKey,
    secretKey,
    output: () => [...servers, ...(proxy === null ? [] : [proxy])].map((p) => p.output()).join('\n') + `\n--- sqld\n${sqld.output()}`,
    async dispose() {
      await proxy?.stop();
      await Promise.all(servers.map((s) => s.stop()));
      await sqld.dispose();
    },
  };
}
