// The periodic job runner: every interval, run each job in order. An exclusive job first takes its
// lease in the database, so with several servers it runs on one of them, once per interval.
import type { Database } from '../db';
import { leaseOwner } from '../db/lease-owner';
import type { Logger } from '../http/on-error';
import { createJobLeases } from './leases';

export type JobContext = {
  /** Aborted when the server stops: take no new work, hand back what is in flight. */
  signal: AbortSignal;
};

export type Job = {
  name: string;
  /** @default true — false for work that is itself claimed row by row (webhook delivery). */
  exclusive?: boolean;
  run: (ctx: JobContext) => Promise<unknown>;
};

export type JobOutcome = { name: string; status: 'ran' | 'skipped' | 'failed' };

export type JobRunnerOptions = {
  db: Database;
  jobs: Job[];
  intervalMs: number;
  logger: Logger;
  /** @default host:pid:random — unique per process, written into the leases it holds */
  owner?: string;
  /** How long a run may take before another server may assume this one died. @default 5 minutes */
  runLeaseMs?: number;
  now?: () => number;
};

export type JobRunner = {
  /** One pass over the jobs (what each tick does); tests call it with their own clock. */
  runOnce: () => Promise<JobOutcome[]>;
  start: () => void;
  /** Stops ticking, signals the run under way, waits for it up to `graceMs`, then abandons it. */
  stop: (graceMs?: number) => Promise<void>;
  owner: string;
};

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, jobs, intervalMs, logger } = options;
  const now = options.now ?? Date.now;
  const owner = options.owner ?? leaseOwner();
  const runLeaseMs = options.runLeaseMs ?? 5 * 60_000;
  const leases = createJobLeases(db);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<JobOutcome[]> | undefined;
  // Lease ends this server failed to write (database down at the end of a run): written before the
  // next attempt, else the lease would read "running" until runLeaseMs and stall the job that long.
  const unsettled = new Map<string, number>();

  async function runJob(job: Job): Promise<JobOutcome> {
    const exclusive = job.exclusive !== false;
    const startedAt = now();
    let held = false;
    try {
      const end = unsettled.get(job.name);
      if (end !== undefined) {
        await leases.holdUntil(job.name, owner, end);
        unsettled.delete(job.name);
      }
      held = exclusive && (await leases.acquire(job.name, owner, startedAt, startedAt + runLeaseMs));
      if (exclusive && !held) return { name: job.name, status: 'skipped' };
      await job.run({ signal: controller.signal });
      return { name: job.name, status: 'ran' };
    } catch (error) {
      // The lease may have been taken although the answer was lost (database restarting): settle it next time.
      if (exclusive && !held) unsettled.set(job.name, startedAt);
      logger.error(`job ${job.name} failed`, error);
      return { name: job.name, status: 'failed' };
    } finally {
      // Keep the lease until the next run is due; a failed run is retried then too.
      if (held) {
        const end = startedAt + intervalMs;
        await leases.holdUntil(job.name, owner, end).then(() => unsettled.delete(job.name), () => unsettled.set(job.name, end));
      }
    }
  }

  async function runOnce(): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (const job of jobs) {
      if (controller.signal.aborted) break;
      outcomes.push(await runJob(job));
    }
    return outcomes;
  }

  const tick = async () => {
    current = runOnce();
    await current;
    current = undefined;
    if (!controller.signal.aborted) schedule(intervalMs);
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => void tick(), ms);
    // The HTTP server keeps the process alive; the runner alone never should.
    timer.unref();
  };

  return {
    owner,
    runOnce,
    start: () => schedule(0),
    async stop(graceMs = 5_000) {
      controller.abort();
      clearTimeout(timer);
      if (current === undefined) return;
      let grace: NodeJS.Timeout | undefined;
      // Past the grace period the run is abandoned; its leases expire and another server resumes.
      await Promise.race([current, new Promise((resolve) => (grace = setTimeout(resolve, graceMs)))]);
      clearTimeout(grace);
    },
  };
}
