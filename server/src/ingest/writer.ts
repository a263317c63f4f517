// Group commit: requests queue their rows; one loop writes everything queued in one transaction.
// Under load a commit carries many requests, so 50 connections cost a handful of commits, not 50.
import type { Commit } from './commit';
import type { RowBlock } from './store';

/** What became of one write: rows newly stored, and rows whose messageId was already there. */
export type WriteOutcome = { accepted: number; duplicates: number };

type Job = {
  block: RowBlock;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
};

export type IngestWriter = {
  /** Stores the rows; resolves once committed. */
  write: (block: RowBlock) => Promise<WriteOutcome>;
  /** Resolves when everything queued so far is committed. */
  flush: () => Promise<void>;
};

export type WriterOptions = {
  commit: Commit;
  /** Rows per transaction at most; more waits for the next one. @default 10000 */
  maxRowsPerCommit?: number;
  /**
   * Called before each group is taken, to bring in writes waiting elsewhere: the commit worker
   * drains its message port here, as a synchronous commit keeps its event loop from delivering them.
   */
  gather?: () => void;
};

export function createIngestWriter({ commit, maxRowsPerCommit = 10_000, gather }: WriterOptions): IngestWriter {
  let queue: Job[] = [];
  let running: Promise<void> | null = null;

  function takeGroup(): Job[] {
    gather?.();
    let count = 0;
    let taken = 0;
    while (taken < queue.length && (taken === 0 || count + queue[taken]!.block.count <= maxRowsPerCommit)) {
      count += queue[taken]!.block.count;
      taken += 1;
    }
    const group = queue.slice(0, taken);
    queue = queue.slice(taken);
    return group;
  }

  async function commitGroup(group: Job[]): Promise<void> {
    try {
      const stored = await commit(group.map((job) => job.block));
      group.forEach((job, i) => {
        const accepted = stored[i] ?? 0;
        job.resolve({ accepted, duplicates: job.block.count - accepted });
      });
    } catch (error) {
      for (const job of group) job.reject(error);
    }
  }

  // One commit at a time: while it runs, the next requests queue up and share the next commit.
  // The first group is taken a microtask later, so writes made in the same tick share it too.
  function start(): void {
    if (running !== null) return;
    running = Promise.resolve().then(async () => {
      for (let group = takeGroup(); group.length > 0; group = takeGroup()) await commitGroup(group);
    }).finally(() => {
      running = null;
    });
  }

  return {
    write(block) {
      if (block.count === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
      return new Promise((resolve, reject) => {
        queue.push({ block, resolve, reject });
        start();
      });
    },
    async flush() {
      while (running !== null) await running;
    },
  };
}
