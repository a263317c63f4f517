// Calls into a worker thread: the embedded libSQL runs each statement on the calling thread, so
// long work (ingest commits, scoring every account) runs in a worker with its own connection and
// the HTTP thread stays free to answer. Each call posts { id, request }; the worker answers
// { id, result } or { id, error }.
import { Worker, type MessagePort } from 'node:worker_threads';

export type CallMessage<Request> = { id: number; request: Request };
export type CallReply<Result> = { id: number; result: Result } | { id: number; error: string };

export type WorkerCalls<Request, Result> = {
  call: (request: Request) => Promise<Result>;
  /** Resolves once no call is waiting for an answer. */
  idle: () => Promise<void>;
  close: () => Promise<void>;
};

type Pending<Result> = { resolve: (result: Result) => void; reject: (error: Error) => void; worker: Worker };

/** Starts the worker now (opening a database would delay the first call); a crashed one restarts on the next call. */
export function createWorkerCalls<Request, Result>(workerFile: string, workerData: unknown): WorkerCalls<Request, Result> {
  const pending = new Map<number, Pending<Result>>();
  let idle: (() => void)[] = [];
  let nextId = 0;
  let worker: Worker | null = null;

  function wakeIfIdle() {
    if (pending.size > 0) return;
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
  }

  // Calls in flight fail with their worker (ingest clients retry; messageIds make that safe); calls
  // already made to a worker started after it (close, then a call) do not.
  function failCallsOf(w: Worker, error: Error) {
    for (const [id, p] of pending) {
      if (p.worker !== w) continue;
      pending.delete(id);
      p.reject(error);
    }
    wakeIfIdle();
  }

  function start(): Worker {
    const w = new Worker(workerFile, { workerData });
    w.on('message', (reply: CallReply<Result>) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) p?.reject(new Error(reply.error));
      else p?.resolve(reply.result);
      wakeIfIdle();
    });
    // An uncaught error is followed by 'exit': the calls fail there, with the error's message.
    let crash: Error | null = null;
    w.on('error', (error) => (crash = error));
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failCallsOf(w, crash ?? new Error(`worker ${workerFile} exited with code ${code}`));
    });
    return w;
  }

  worker = start();

  return {
    call(request) {
      const w = (worker ??= start());
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: w });
        w.postMessage({ id, request } satisfies CallMessage<Request>);
      });
    },
    async idle() {
      if (pending.size > 0) await new Promise<void>((resolve) => idle.push(resolve));
    },
    async close() {
      const w = worker;
      worker = null;
      if (w !== null) await w.terminate();
    },
  };
}

/** The worker's side: answers each call message with `handle`'s result or error. */
export function answerCalls<Request, Result>(port: MessagePort, handle: (request: Request) => Promise<Result>) {
  return ({ id, request }: CallMessage<Request>): void => {
    handle(request).then(
      (result) => port.postMessage({ id, result } satisfies CallReply<Result>),
      (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies CallReply<Result>),
    );
  };
}
