// The server's background jobs, composed for main.ts: the dormancy sweep (one server at a time),
// webhook delivery (every server, claimed row by row), and pruning of the delivery log.
import type { Database } from '../db';
import { leaseOwner } from '../db/lease-owner';
import type { Logger } from '../http/on-error';
import { createSettingsStore } from '../settings/store';
import { createDeliveryQueue, createDeliveryWorker, createWebhookStore } from '../webhooks';
import type { ScoreSnapshots } from '../accounts/snapshot';
import { createDormancySweep } from './dormancy-sweep';
import { createJobRunner, type JobRunner } from './runner';
import { DAY_MS } from '../time';

export type BackgroundJobsOptions = {
  db: Database;
  logger: Logger;
  intervalMs: number;
  webhookTimeoutMs: number;
  webhookMaxAttempts: number;
  /** Account scores: refreshed here in the background, read by the sweep for account events. */
  accountScores?: ScoreSnapshots;
  now?: () => number;
};

export const JOB_NAMES = {
  dormancySweep: 'dormancy-sweep',
  webhookDelivery: 'webhook-delivery',
  deliveryLogPrune: 'webhook-log-prune',
  accountScores: 'account-scores',
} as const;

/** Finished deliveries stay in the log this long. */
export const DELIVERY_LOG_DAYS = 30;

export function createBackgroundJobs(options: BackgroundJobsOptions): JobRunner {
  const { db } = options;
  const now = options.now ?? Date.now;
  const owner = leaseOwner();
  const webhooks = createWebhookStore(db, now);
  const queue = createDeliveryQueue(db, now);
  const settings = createSettingsStore(db, now);
  const scores = options.accountScores;
  const sweep = createDormancySweep({
    db, webhooks, queue, now, settings: settings.get,
    ...(scores === undefined ? {} : {
      listAccountScores: async (_db: Database, workspaceId: number) => {
        const current = await settings.get(workspaceId);
        const snapshot = (await scores.current(workspaceId, current)) ?? (await scores.refresh(workspaceId, current));
        return snapshot.accounts.map(({ id, health, expansion }) => ({ id, health, expansion }));
      },
    }),
  });
  const refreshScores = async () => {
    if (scores === undefined) return;
    const workspaces = await db.execute('SELECT id FROM workspaces');
    for (const row of workspaces.rows) await scores.refreshIfDue(Number(row.id), await settings.get(Number(row.id)));
  };
  const worker = createDeliveryWorker({ queue, owner, now, timeoutMs: options.webhookTimeoutMs, maxAttempts: options.webhookMaxAttempts });
  return createJobRunner({
    db, owner, now, logger: options.logger, intervalMs: options.intervalMs,
    jobs: [
      { name: JOB_NAMES.dormancySweep, run: ({ signal }) => sweep.run(signal) },
      { name: JOB_NAMES.webhookDelivery, exclusive: false, run: ({ signal }) => worker.deliverDue(signal) },
      { name: JOB_NAMES.deliveryLogPrune, run: () => queue.prune(now() - DELIVERY_LOG_DAYS * DAY_MS) },
      { name: JOB_NAMES.accountScores, run: refreshScores },
    ],
  });
}
