// The dormancy sweep: turns the rollups into webhook events, each produced once. Per workspace, a
// time watermark and a survey id cursor say what was already turned into events; each page of
// events is enqueued (idempotently) before the cursor that covers it moves.
import type { Settings } from '../contracts/settings';
import type { WebhookEventType } from '../contracts/webhooks';
import type { Database } from '../db';
import { deliveriesFor, type DeliveryQueue, type ProducedEvent, type WebhookStore } from '../webhooks';
import { accountChanges, forgetSnapshots, type ListAccountScores } from './account-events';
import { CURSORS, advanceCursor, forgetUnwatchedWorkspaces, readCursors } from './cursors';
import { latestSurveyId, surveyResponses } from './survey-events';
import { dormantUsers, returnedUsers } from './user-events';

export type DormancySweepOptions = {
  db: Database;
  webhooks: WebhookStore;
  queue: DeliveryQueue;
  settings: (workspaceId: number) => Promise<Pick<Settings, 'dormantAfterDays'>>;
  /** Health and expansion per account; without it no account events are produced. */
  listAccountScores?: ListAccountScores;
  now?: () => number;
  /**
   * The sweep looks this far behind now, so events still being committed by ingest are not
   * passed over by the watermark. @default 60_000
   */
  settleMs?: number;
};

export type SweepReport = { workspaces: number; enqueued: number };

export function createDormancySweep(options: DormancySweepOptions) {
  const { db, webhooks, queue, listAccountScores } = options;
  const now = options.now ?? Date.now;
  const settleMs = options.settleMs ?? 60_000;

  async function sweepWorkspace(workspaceId: number, signal?: AbortSignal): Promise<number> {
    const hooks = await webhooks.active(workspaceId);
    const wants = (...types: WebhookEventType[]) => hooks.some((h) => types.some((t) => h.events.includes(t)));
    const createdAt = now();
    const asOf = createdAt - settleMs;
    const cursors = await readCursors(db, workspaceId);
    const scoresWanted = listAccountScores !== undefined && wants('account.expansion', 'account.health_dropped');
    const scores = scoresWanted ? await listAccountScores(db, workspaceId, asOf) : [];

    // First sweep of a workspace: a starting point, no backlog of history.
    if (cursors.sweptAt === null) {
      const baseline = await accountChanges(db, { workspaceId, scores, asOf, createdAt, baseline: true });
      await queue.enqueue([], [
        ...baseline.statements,
        advanceCursor(workspaceId, CURSORS.surveyId, await latestSurveyId(db)),
        advanceCursor(workspaceId, CURSORS.sweptAt, asOf),
      ]);
      return 0;
    }
    if (asOf <= cursors.sweptAt) return 0;

    let enqueued = 0;
    const enqueue = async (events: ProducedEvent[], also: Parameters<DeliveryQueue['enqueue']>[1] = []) => {
      enqueued += await queue.enqueue(deliveriesFor(hooks, events), also);
    };
    const { dormantAfterDays } = await options.settings(workspaceId);
    const window = { workspaceId, dormantAfterDays, after: cursors.sweptAt, upTo: asOf, createdAt };
    if (wants('user.dormant')) for await (const page of dormantUsers(db, window)) await enqueue(page);
    if (wants('user.reactivated')) for await (const page of returnedUsers(db, window)) await enqueue(page);
    if (signal?.aborted === true) return enqueued;

    if (wants('survey.responded')) {
      const afterId = cursors.surveyId ?? 0;
      for await (const page of surveyResponses(db, { workspaceId, afterId, createdAt })) {
        await enqueue(page.events, [advanceCursor(workspaceId, CURSORS.surveyId, page.lastId)]);
      }
    } else {
      await enqueue([], [advanceCursor(workspaceId, CURSORS.surveyId, await latestSurveyId(db))]);
    }

    const changes = scoresWanted
      ? await accountChanges(db, { workspaceId, scores, asOf, createdAt, baseline: false })
      : { events: [], statements: [forgetSnapshots(workspaceId)] };
    await enqueue(changes.events, [...changes.statements, advanceCursor(workspaceId, CURSORS.sweptAt, asOf)]);
    return enqueued;
  }

  return {
    sweepWorkspace,

    /** Sweeps every workspace with an active webhook. */
    async run(signal?: AbortSignal): Promise<SweepReport> {
      await forgetUnwatchedWorkspaces(db);
      const report: SweepReport = { workspaces: 0, enqueued: 0 };
      for (const workspaceId of await webhooks.workspacesWithActive()) {
        if (signal?.aborted === true) break;
        report.enqueued += await sweepWorkspace(workspaceId, signal);
        report.workspaces += 1;
      }
      return report;
    },
  };
}

export type DormancySweep = ReturnType<typeof createDormancySweep>;
