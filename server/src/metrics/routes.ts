// GET /v1/metrics/{ttv,activation,retention,dormancy,nps,ndr} (METRICS.md), and the drill-downs
// GET /v1/metrics/ttv/distribution and /v1/metrics/nps/comments (docs/metrics.md). Every answer echoes
// the query and the settings it used, and says when a rebuild after a settings change is under way.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db';
import type { AdminEnv } from '../team/admin-auth';
import { notFound } from '../http/api-error';
import { parseOr400 } from '../http/validate';
import type { RebuildStore } from '../rollups/rebuild';
import type { SettingsStore } from '../settings/store';
import { activation } from './activation';
import { dormancy } from './dormancy';
import { ndr } from './ndr';
import { nps } from './nps';
import { npsComments } from './nps-comments';
import { echo, metricQuerySchema, resolveQuery } from './params';
import { retention } from './retention';
import { scopeOf, settingsUsed, type Scope } from './scope';
import { memoizedSegments } from './segments';
import { ttv } from './ttv';
import { ttvDistribution } from './ttv-distribution';

const METRICS: Record<string, (scope: Scope) => Promise<object>> = { ttv, activation, retention, dormancy, nps, ndr };

const commentsSchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });

export function metricsRoutes(deps: { db: Database; settings: SettingsStore; rebuilds: RebuildStore; now: () => number }) {
  const app = new Hono<AdminEnv>();
  const segments = memoizedSegments(deps.now);

  /** The scope of a metric query; `extra` names parameters a route reads besides the shared ones. */
  async function scoped(c: { req: { query: () => Record<string, string> } }, workspaceId: number, extra: string[] = []) {
    const all = c.req.query();
    const shared = Object.fromEntries(Object.entries(all).filter(([k]) => !extra.includes(k)));
    const query = resolveQuery(parseOr400(metricQuerySchema, shared, 'query'), deps.now());
    const settings = await deps.settings.get(workspaceId);
    return { query, settings, all, scope: await scopeOf(deps.db, workspaceId, query, settings, query.asOf, segments) };
  }

  // Drill-downs of a metric (two path segments, so '/:name' never takes them).
  app.get('/ttv/distribution', async (c) => {
    const { query, settings, scope } = await scoped(c, c.var.workspace.id);
    return c.json({ metric: 'ttv/distribution', query: echo(query), settings: settingsUsed(settings), ...(await ttvDistribution(scope)) });
  });

  app.get('/nps/comments', async (c) => {
    const { query, settings, scope, all } = await scoped(c, c.var.workspace.id, ['limit']);
    const { limit } = parseOr400(commentsSchema, { limit: all.limit }, 'query');
    return c.json({ metric: 'nps/comments', query: { ...echo(query), limit }, settings: settingsUsed(settings), ...(await npsComments(scope, limit)) });
  });

  app.get('/:name', async (c) => {
    const name = c.req.param('name');
    const metric = METRICS[name];
    if (metric === undefined) throw notFound(`No metric "${name}"; metrics: ${Object.keys(METRICS).join(', ')}`);
    const query = resolveQuery(parseOr400(metricQuerySchema, c.req.query(), 'query'), deps.now());
    const workspaceId = c.var.workspace.id;
    const settings = await deps.settings.get(workspaceId);
    // NDR judges the segment where the period began, so a churned account stays in it.
    const scope = await scopeOf(deps.db, workspaceId, query, settings, name === 'ndr' ? query.from : query.asOf, segments);
    const [result, rebuild] = await Promise.all([metric(scope), deps.rebuilds.status(workspaceId)]);
    return c.json({ metric: name, query: echo(query), settings: settingsUsed(settings), ...(rebuild.running ? { rebuilding: rebuild } : {}), ...result });
  });

  return app;
}
