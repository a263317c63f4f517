// The HTTP thread's side of commit-worker.ts: hand each write to the worker, await its outcome.
import { Worker } from 'node:worker_threads';
import type { WriteReply, WriteRequest } from './commit-worker';
import type { IngestWriter, WriteOutcome } from './writer';

type Pending = { resolve: (outcome: WriteOutcome) => void; reject: (error: Error) => void };

export function createWorkerWriter(workerFile: string, databaseUrl: string): IngestWriter & { close: () => Promise<void> } {
  const pending = new Map<number, Pending>();
  let idle: (() => void)[] = [];
  let nextId = 0;
  let worker: Worker | null = null;

  function settle(id: number): Pending | undefined {
    const p = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) wake();
    return p;
  }

  function wake() {
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
  }

  function failAll(error: Error) {
    const all = [...pending.values()];
    pending.clear();
    worker = null;
    for (const p of all) p.reject(error);
    wake();
  }

  function start(): Worker {
    const w = new Worker(workerFile, { workerData: { databaseUrl } });
    w.on('message', (reply: WriteReply) => {
      const p = settle(reply.id);
      if ('error' in reply) p?.reject(new Error(reply.error));
      else p?.resolve(reply.outcome);
    });
    // A crashed worker fails its writes (clients retry; messageIds make that safe); the next write starts a new one.
    w.on('error', (error) => failAll(error));
    w.on('exit', (code) => failAll(new Error(`commit worker exited with code ${code}`)));
    return w;
  }

  // Started now, not on the first request: opening the database would delay that request.
  worker = start();

  return {
    write(block) {
      if (block.count === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
      worker ??= start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, block } satisfies WriteRequest);
      });
    },
    async flush() {
      if (pending.size > 0) await new Promise<void>((resolve) => idle.push(resolve));
    },
    async close() {
      const w = worker;
      worker = null;
      if (w !== null) await w.terminate();
    },
  };
}
