// GET /v1/metrics/{ttv,activation,retention,dormancy,nps,ndr} (METRICS.md). Every answer echoes
// the query and the settings it used, and says when a rebuild after a settings change is under way.
import { Hono } from 'hono';
import type { Database } from '../db';
import type { AdminEnv } from '../http/admin-auth';
import { notFound } from '../http/api-error';
import { parseOr400 } from '../http/validate';
import type { RebuildStore } from '../rollups/rebuild';
import type { SettingsStore } from '../settings/store';
import { activation } from './activation';
import { dormancy } from './dormancy';
import { ndr } from './ndr';
import { nps } from './nps';
import { echo, metricQuerySchema, resolveQuery } from './params';
import { retention } from './retention';
import { scopeOf, settingsUsed, type Scope } from './scope';
import { ttv } from './ttv';

const METRICS: Record<string, (scope: Scope) => Promise<object>> = { ttv, activation, retention, dormancy, nps, ndr };

export function metricsRoutes(deps: { db: Database; settings: SettingsStore; rebuilds: RebuildStore; now: () => number }) {
  const app = new Hono<AdminEnv>();

  app.get('/:name', async (c) => {
    const name = c.req.param('name');
    const metric = METRICS[name];
    if (metric === undefined) throw notFound(`No metric "${name}"; metrics: ${Object.keys(METRICS).join(', ')}`);
    const query = resolveQuery(parseOr400(metricQuerySchema, c.req.query(), 'query'), deps.now());
    const workspaceId = c.var.workspace.id;
    const settings = await deps.settings.get(workspaceId);
    // NDR judges the segment where the period began, so a churned account stays in it.
    const scope = await scopeOf(deps.db, workspaceId, query, settings, name === 'ndr' ? query.from : query.asOf);
    const [result, rebuild] = await Promise.all([metric(scope), deps.rebuilds.status(workspaceId)]);
    return c.json({ metric: name, query: echo(query), settings: settingsUsed(settings), ...(rebuild.running ? { rebuilding: rebuild } : {}), ...result });
  });

  return app;
}
