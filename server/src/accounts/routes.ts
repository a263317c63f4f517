// GET /v1/accounts, /v1/accounts.csv and /v1/accounts/:id (METRICS.md "Accounts"): every account
// scored at asOf from the rollups, then filtered, sorted and paged; mounted under /v1.
import { Hono } from 'hono';
import { HEALTH_COMPONENTS, type AccountList } from '../contracts/responses';
import type { Settings } from '../contracts/settings';
import type { Database } from '../db';
import { csvResponse } from '../export/csv';
import type { AdminEnv } from '../team/admin-auth';
import { notFound } from '../http/api-error';
import type { Logger } from '../http/on-error';
import { parseOr400 } from '../http/validate';
import { checkSegment } from '../metrics/segments';
import type { SettingsStore } from '../settings/store';
import { createScoreCache } from './cache';
import { accountDetail, accountItem } from './detail';
import { accountFiltersSchema, accountQuerySchema, pageOf, selectAccounts } from './list';
import { scoreAllIn, type ScoreAll } from './score';
import { createScoreSnapshots, scoreAndStoreIn, type ScoreSnapshots, type Snapshot } from './snapshot';

export type AccountRoutesDeps = {
  db: Database;
  settings: SettingsStore;
  now: () => number;
  logger: Logger;
  /** Scoring of every account and its snapshots; in-process unless main.ts hands them to a worker thread. */
  scoring?: AccountScoring;
};

export type AccountScoring = { scoreAll: ScoreAll; snapshots: ScoreSnapshots };

const CSV_PAGE = 1000;

export function accountRoutes(deps: AccountRoutesDeps) {
  const app = new Hono<AdminEnv>();
  const cache = createScoreCache(deps.now);
  const { scoreAll, snapshots } = deps.scoring ?? {
    scoreAll: scoreAllIn(deps.db),
    snapshots: createScoreSnapshots(deps.db, scoreAndStoreIn(deps.db), deps.now),
  };
  /**
   * Without asOf: the latest snapshot (its time is the answer's asOf), scored now when there is
   * none fit. With asOf: scored at that moment, kept a minute for the following pages.
   */
  async function scored(workspaceId: number, settings: Settings, asOf: number | undefined): Promise<Snapshot> {
    if (asOf === undefined) return (await snapshots.current(workspaceId, settings)) ?? snapshots.refresh(workspaceId, settings);
    return { computedAt: asOf, accounts: await cache.get(workspaceId, settings, asOf, () => scoreAll(workspaceId, settings, asOf)) };
  }

  app.get('/accounts', async (c) => {
    const q = parseOr400(accountQuerySchema, c.req.query(), 'query');
    const settings = await deps.settings.get(c.var.workspace.id);
    checkSegment(settings.segments, q.segment);
    const { computedAt, accounts } = await scored(c.var.workspace.id, settings, q.asOf);
    const page = pageOf(accounts, q);
    return c.json({ asOf: new Date(computedAt).toISOString(), accounts: page.accounts.map(accountItem), total: page.total, nextCursor: page.nextCursor } satisfies AccountList);
  });

  app.get('/accounts.csv', async (c) => {
    const q = parseOr400(accountFiltersSchema, c.req.query(), 'query');
    const settings = await deps.settings.get(c.var.workspace.id);
    checkSegment(settings.segments, q.segment);
    // ~50k scored accounts fit in memory; the text of the file does not have to.
    const rows = selectAccounts((await scored(c.var.workspace.id, settings, q.asOf)).accounts, q);
    async function* pages() {
      for (let i = 0; i < rows.length; i += CSV_PAGE) {
        yield rows.slice(i, i + CSV_PAGE).map((a) => [
          a.id, a.name, a.segment, a.health, a.stage, a.activeUsers, a.users, a.seats, a.expansion, a.mrr, a.risk.join(' '),
          ...HEALTH_COMPONENTS.map((n) => a.components[n]),
        ]);
      }
    }
    const header = ['id', 'name', 'segment', 'health', 'stage', 'activeUsers', 'users', 'seats', 'expansion', 'mrr', 'risk', ...HEALTH_COMPONENTS];
    return csvResponse(c, 'accounts.csv', header, pages(), deps.logger);
  });

  app.get('/accounts/:id', async (c) => {
    const q = parseOr400(accountFiltersSchema.pick({ asOf: true }), c.req.query(), 'query');
    const now = deps.now();
    const asOf = q.asOf ?? now;
    const settings = await deps.settings.get(c.var.workspace.id);
    const id = c.req.param('id');
    // Users who left the account after asOf are looked for only when asOf is in the past.
    const detail = await accountDetail(deps.db, c.var.workspace.id, settings, id, asOf, asOf < now);
    if (detail === null) throw notFound(`No account "${id}"`);
    return c.json(detail);
  });

  return app;
}
