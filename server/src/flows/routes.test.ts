import { describe, expect, it } from 'vitest';
import type { Flow } from '../contracts/flows';
import { bodyOf, createTestApp, WRITE_KEY } from '../testing/test-app';
import { createFlow, createStep } from '../testing/flows';

describe('flows admin API', () => {
  it('creates a flow with defaults, answers 201, and lists it', async () => {
    const t = await createTestApp();
    const res = await t.admin('POST', '/v1/flows', createFlow());
    expect(res.status).toBe(201);
    const flow = await bodyOf<Flow>(res);
    expect(flow).toMatchObject({ id: 'welcome-tour', status: 'draft', publishedVersion: null, frequency: 'once', priority: 0, holdout: 0 });
    expect(flow.steps[0]).toMatchObject({ placement: 'auto', advance: { on: 'next' } });
    const list = await bodyOf<{ flows: Flow[] }>(await t.admin('GET', '/v1/flows'));
    expect(list.flows.map((f) => f.id)).toEqual(['welcome-tour']);
  });

  it('generates an id from the name when none is given', async () => {
    const t = await createTestApp();
    const { id: _omit, ...noId } = createFlow({ name: 'Hello, World!' });
    const flow = await bodyOf<Flow>(await t.admin('POST', '/v1/flows', noId));
    expect(flow.id).toMatch(/^hello-world-[0-9a-f]{6}$/);
  });

  it.each([
    ['an unknown kind', createFlow({ kind: 'popover' as never }), 'kind'],
    ['an unknown step type', createFlow({ steps: [createStep({ type: 'carousel' as never })] }), 'steps.0.type'],
    ['a bad audience operator', createFlow({ audience: { all: [{ trait: 'plan', op: 'like' as never, value: 'x' }] } }), 'audience'],
    ['duplicate step ids', createFlow({ steps: [createStep(), createStep()] }), 'steps.1.id'],
    ['no steps', createFlow({ steps: [] }), 'steps'],
  ])('answers 400 naming the field for %s', async (_name, body, path) => {
    const t = await createTestApp();
    const res = await t.admin('POST', '/v1/flows', body);
    expect(res.status).toBe(400);
    const { error } = await bodyOf<{ error: { code: string; issues: { path: string }[] } }>(res);
    expect(error.code).toBe('invalid_request');
    expect(error.issues.map((i) => i.path)).toContain(path);
  });

  it('answers 409 for an existing id, 404 for a missing one, 401/403 without the secret key', async () => {
    const t = await createTestApp();
    await t.admin('POST', '/v1/flows', createFlow());
    expect((await t.admin('POST', '/v1/flows', createFlow())).status).toBe(409);
    expect((await t.admin('GET', '/v1/flows/nope')).status).toBe(404);
    expect((await t.app.request('/v1/flows')).status).toBe(401);
    expect((await t.app.request('/v1/flows', { headers: { authorization: `Bearer ${WRITE_KEY}` } })).status).toBe(403);
  });

  it('publishes immutable versions: later edits do not change what is delivered until republished', async () => {
    const t = await createTestApp();
    await t.admin('POST', '/v1/flows', createFlow());
    expect(await bodyOf<Flow>(await t.admin('POST', '/v1/flows/welcome-tour/publish'))).toMatchObject({ status: 'published', publishedVersion: 1 });
    await t.admin('PUT', '/v1/flows/welcome-tour', createFlow({ name: 'Edited' }));
    const delivered = async () =>
      (await bodyOf<{ flows: Flow[] }>(await t.app.request(`/v1/sdk/bootstrap?writeKey=${WRITE_KEY}&userId=u1`))).flows;
    expect((await delivered())[0]).toMatchObject({ name: 'Welcome tour', version: 1 });
    await t.admin('POST', '/v1/flows/welcome-tour/publish');
    expect((await delivered())[0]).toMatchObject({ name: 'Edited', version: 2 });
    // Two users saw version 1; one of them has since moved on to version 2.
    const seen = (userId: string, flowVersion: number, timestamp: string, messageId: string) =>
      ({ type: 'track', userId, event: 'Onward Step Viewed', properties: { flowId: 'welcome-tour', flowVersion, stepIndex: 0 }, timestamp, messageId });
    await t.post('/v1/batch', { batch: [seen('u1', 1, '2026-01-01T00:00:00Z', 'v1'), seen('u2', 1, '2026-01-01T00:00:00Z', 'v2')] });
    await t.post('/v1/batch', { batch: [seen('u2', 2, '2026-01-02T00:00:00Z', 'v3')] });
    const history = await bodyOf<{ versions: { version: number; users: number }[] }>(await t.admin('GET', '/v1/flows/welcome-tour/versions'));
    expect(history.versions.map(({ version, users }) => ({ version, users }))).toEqual([{ version: 2, users: 1 }, { version: 1, users: 1 }]);
    await t.admin('POST', '/v1/flows/welcome-tour/unpublish');
    expect(await delivered()).toEqual([]);
  });

  it('delete hides the flow and stops delivery but keeps its versions', async () => {
    const t = await createTestApp();
    await t.admin('POST', '/v1/flows', createFlow());
    await t.admin('POST', '/v1/flows/welcome-tour/publish');
    expect((await t.admin('DELETE', '/v1/flows/welcome-tour')).status).toBe(204);
    expect((await t.admin('GET', '/v1/flows/welcome-tour')).status).toBe(404);
    expect(await t.rows('SELECT version FROM flow_versions')).toEqual([{ version: 1 }]);
  });
});
