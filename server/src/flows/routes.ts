// Flow definitions (CONTRACT.md admin API): CRUD, publish → immutable version, unpublish, history, report.
// Stage: dashboard or API client → validated drafts → published versions → delivery/bootstrap.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { flowInputSchema, type FlowDefinition } from '../contracts/flows';
import { ApiError, badRequest, notFound } from '../http/api-error';
import type { AdminEnv } from '../team/admin-auth';
import { readJson } from '../http/body';
import { parseOr400 } from '../http/validate';
import type { PublishedFlows } from './published';
import { createFlowReports, type ReportDeps } from './report';
import { reportQuerySchema } from './report-params';
import type { FlowStore } from './store';

/** `Welcome tour` → `welcome-tour-3fa2c1`. */
function newFlowId(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `${slug === '' ? 'flow' : slug}-${randomBytes(3).toString('hex')}`;
}

export function flowRoutes(store: FlowStore, published: PublishedFlows, reportDeps: ReportDeps) {
  const app = new Hono<AdminEnv>();
  const reports = createFlowReports(reportDeps);
  // Whatever changes what is delivered drops this process's cache of published flows.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET') published.invalidate(c.var.workspace.id);
  });
  const found = <T>(value: T | null, id: string): T => {
    if (value === null) throw notFound(`No flow with id ${id}`);
    return value;
  };

  app.get('/', async (c) => c.json({ flows: await store.list(c.var.workspace.id) }));

  app.post('/', async (c) => {
    const input = parseOr400(flowInputSchema, (await readJson(c)).value, 'flow');
    const flow: FlowDefinition = { ...input, id: input.id ?? newFlowId(input.name) };
    const created = await store.create(c.var.workspace.id, flow);
    if (created === null) throw new ApiError(409, 'conflict', `A flow with id ${flow.id} already exists; PUT /v1/flows/${flow.id} changes it`);
    return c.json(created, 201);
  });

  app.get('/:id', async (c) => c.json(found(await store.get(c.var.workspace.id, c.req.param('id')), c.req.param('id'))));

  app.put('/:id', async (c) => {
    const id = c.req.param('id');
    const input = parseOr400(flowInputSchema, (await readJson(c)).value, 'flow');
    if (input.id !== undefined && input.id !== id) {
      throw badRequest(`The body's id (${input.id}) differs from the URL's (${id})`, [{ path: 'id', message: `must be ${id}` }]);
    }
    return c.json(found(await store.update(c.var.workspace.id, { ...input, id }), id));
  });

  app.delete('/:id', async (c) => {
    const id = c.req.param('id');
    if (!(await store.remove(c.var.workspace.id, id))) throw notFound(`No flow with id ${id}`);
    return c.body(null, 204);
  });

  app.post('/:id/publish', async (c) => c.json(found(await store.publish(c.var.workspace.id, c.req.param('id')), c.req.param('id'))));
  app.post('/:id/unpublish', async (c) => c.json(found(await store.unpublish(c.var.workspace.id, c.req.param('id')), c.req.param('id'))));

  app.get('/:id/versions', async (c) => {
    const id = c.req.param('id');
    found(await store.get(c.var.workspace.id, id), id);
    const [versions, users] = await Promise.all([store.versions(c.var.workspace.id, id), store.usersByVersion(c.var.workspace.id, id)]);
    return c.json({
      versions: versions.map((v) => ({
        version: v.version,
        publishedAt: new Date(v.publishedAt).toISOString(),
        users: users.get(v.version) ?? 0,
        definition: v.definition,
      })),
    });
  });

  app.get('/:id/report', async (c) => {
    const id = c.req.param('id');
    const flow = found(await store.get(c.var.workspace.id, id), id);
    return c.json(await reports.report(c.var.workspace.id, flow, parseOr400(reportQuerySchema, c.req.query(), 'query')));
  });

  return app;
}
