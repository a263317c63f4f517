// GET /v1/users, /v1/users.csv and /v1/users/:id (METRICS.md "Per user"): start, TTV, activation,
// last seen, dormancy, account, flows and a timeline from the per-day rollups; mounted under /v1.
import { Hono } from 'hono';
import { z } from 'zod';
import { scoreAccounts } from '../accounts';
import { accountsInSegment, checkSegment } from '../metrics/segments';
import type { UserDetail, UserItem, UserList } from '../contracts/responses';
import type { Settings } from '../contracts/settings';
import type { Database } from '../db';
import { csvResponse } from '../export/csv';
import type { AdminEnv } from '../team/admin-auth';
import { badRequest, notFound } from '../http/api-error';
import { iso } from '../http/iso';
import type { Logger } from '../http/on-error';
import { parseOr400 } from '../http/validate';
import { DAY_MS } from '../time';
import type { SettingsStore } from '../settings/store';
import { filtersSchema, pageSchema } from './params';
import { readUser, readUserPage, type UserFilters, type UserListRow } from './store';

export type UserRoutesDeps = { db: Database; settings: SettingsStore; now: () => number; logger: Logger };

const detailSchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(365).default(30),
});

const CSV_PAGE = 2000;
const MAX_TIMELINE_ROWS = 500;
const dayIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const ttvOf = (start: number | null, valueAt: number | null) => (start === null || valueAt === null ? null : Math.max(0, valueAt - start));

/** Dormant at asOf (METRICS.md): has activity, and none in the last dormantAfterDays. */
const isDormant = (lastSeen: number | null, dormantBefore: number) => lastSeen !== null && lastSeen <= dormantBefore;

function listItem(u: UserListRow, dormantBefore: number): UserItem {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    accountId: u.accountId,
    start: iso(u.start),
    valueAt: iso(u.valueAt),
    ttvMs: ttvOf(u.start, u.valueAt),
    activated: u.activated,
    firstSeen: iso(u.firstSeen),
    lastSeen: iso(u.lastSeen),
    dormant: isDormant(u.lastSeen, dormantBefore),
  };
}

async function filtersOf(db: Database, workspaceId: number, settings: Settings, q: z.output<typeof filtersSchema>, asOf: number): Promise<UserFilters> {
  checkSegment(settings.segments, q.segment);
  return {
    account: q.account,
    accounts: q.segment === undefined ? undefined : await accountsInSegment(db, workspaceId, settings.segments, q.segment, asOf),
    activated: q.activated,
    dormant: q.dormant,
    dormantBefore: asOf - settings.dormantAfterDays * DAY_MS,
    startFrom: q.startFrom,
    startTo: q.startTo,
    reached: q.reached,
    ttvFromMs: q.ttvFromMs,
    ttvToMs: q.ttvToMs,
    retainedWeek: q.retainedWeek,
    returnedFrom: q.returnedFrom,
    returnedTo: q.returnedTo,
    dormantGapMs: settings.dormantAfterDays * DAY_MS,
  };
}

function afterOf(cursor: string | undefined): string {
  if (cursor === undefined) return '';
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (id === '') throw badRequest('Invalid cursor: pass the nextCursor of the previous page', [{ path: 'cursor', message: 'invalid cursor' }]);
  return id;
}

export function userRoutes(deps: UserRoutesDeps) {
  const app = new Hono<AdminEnv>();

  app.get('/users', async (c) => {
    const { limit, cursor, ...filters } = c.req.query();
    const q = { ...parseOr400(filtersSchema, filters, 'query'), ...parseOr400(pageSchema, { limit, cursor }, 'query') };
    const ws = c.var.workspace.id;
    const asOf = deps.now();
    const f = await filtersOf(deps.db, ws, await deps.settings.get(ws), q, asOf);
    // One row more than asked tells whether there is a next page.
    const rows = await readUserPage(deps.db, ws, f, afterOf(q.cursor), q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return c.json({
      asOf: iso(asOf),
      users: page.map((u) => listItem(u, f.dormantBefore)),
      nextCursor: rows.length > q.limit && last !== undefined ? Buffer.from(last.id).toString('base64url') : null,
    } satisfies UserList);
  });

  app.get('/users.csv', async (c) => {
    const q = parseOr400(filtersSchema, c.req.query(), 'query');
    const ws = c.var.workspace.id;
    const asOf = deps.now();
    const f = await filtersOf(deps.db, ws, await deps.settings.get(ws), q, asOf);
    const header = ['id', 'email', 'name', 'accountId', 'start', 'valueAt', 'ttvMs', 'activated', 'firstSeen', 'lastSeen', 'dormant'];
    async function* pages() {
      for (let after = ''; ; ) {
        const rows = await readUserPage(deps.db, ws, f, after, CSV_PAGE);
        yield rows.map((u) => Object.values(listItem(u, f.dormantBefore)));
        const last = rows.at(-1);
        if (rows.length < CSV_PAGE || last === undefined) return;
        after = last.id;
      }
    }
    return csvResponse(c, 'users.csv', header, pages(), deps.logger);
  });

  app.get('/users/:id', async (c) => {
    const q = parseOr400(detailSchema, c.req.query(), 'query');
    const ws = c.var.workspace.id;
    const id = c.req.param('id');
    const asOf = deps.now();
    const settings = await deps.settings.get(ws);
    const found = await readUser(deps.db, ws, id, Math.floor(asOf / DAY_MS) - q.days + 1, MAX_TIMELINE_ROWS);
    if (found === null) throw notFound(`No user "${id}"`);
    const { user } = found;
    const account = user.accountId === null ? null : (await scoreAccounts(deps.db, ws, settings, asOf, { id: user.accountId, moved: false }))[0];
    return c.json({
      asOf: iso(asOf),
      id: user.id,
      anonymous: user.anonymous,
      start: iso(user.start),
      valueAt: iso(user.valueAt),
      ttvMs: ttvOf(user.start, user.valueAt),
      activated: user.activated,
      firstSeen: iso(user.firstSeen),
      lastSeen: iso(user.lastSeen),
      dormant: isDormant(user.lastSeen, asOf - settings.dormantAfterDays * DAY_MS),
      dormantAfterDays: settings.dormantAfterDays,
      traits: found.traits,
      account:
        user.accountId === null
          ? null
          : { id: user.accountId, name: account?.name ?? null, segment: account?.segment ?? null, stage: account?.stage ?? null, health: account?.health ?? null },
      flows: found.flows.map((f) => ({ ...f, at: iso(f.at), firstSeenAt: iso(f.firstSeenAt), completedAt: iso(f.completedAt), dismissedAt: iso(f.dismissedAt), heldOutAt: iso(f.heldOutAt) })),
      // Per event and UTC day, newest first: the rollup keeps counts and first/last times, not each event.
      recentEvents: found.events.map((e) => ({ day: dayIso(e.day), event: e.event, count: e.count, firstAt: iso(e.firstAt), lastAt: iso(e.lastAt) })),
      activity: found.activity.map((d) => ({ day: dayIso(d.day), firstAt: iso(d.firstAt), lastAt: iso(d.lastAt) })),
    } satisfies UserDetail);
  });

  return app;
}
