// The HTTP thread's side of commit-worker.ts: send a group of rows, await which were new.
import { Worker } from 'node:worker_threads';
import type { Commit } from './commit';
import type { CommitReply, CommitRequest } from './commit-worker';

type Pending = { resolve: (stored: number[]) => void; reject: (error: Error) => void };

export function createWorkerCommit(workerFile: string, databaseUrl: string): { commit: Commit; close: () => Promise<void> } {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let worker: Worker | null = null;

  function failAll(error: Error) {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = null;
  }

  function start(): Worker {
    const w = new Worker(workerFile, { workerData: { databaseUrl } });
    w.on('message', (reply: CommitReply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) p?.reject(new Error(reply.error));
      else p?.resolve(reply.stored);
    });
    // A crashed worker fails its commits (clients retry; messageIds make that safe); the next commit starts a new one.
    w.on('error', (error) => failAll(error));
    w.on('exit', (code) => failAll(new Error(`commit worker exited with code ${code}`)));
    return w;
  }

  // Started now, not on the first request: opening the database would delay that request.
  worker = start();

  return {
    commit(groups) {
      worker ??= start();
      const id = nextId++;
      const request: CommitRequest = { id, groups };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage(request);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w !== null) await w.terminate();
    },
  };
}
