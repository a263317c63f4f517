import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app';
import { ROUTE_DOCS } from './catalog';
import { operationsOf } from './spec';

type Spec = {
  openapi: string;
  paths: Record<string, Record<string, { summary: string; security: unknown[]; parameters: { name: string; in: string }[]; requestBody?: unknown }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

const refsIn = (value: unknown): string[] =>
  value === null || typeof value !== 'object'
    ? []
    : Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));

describe('GET /openapi.json', () => {
  it('lists every /v1 route the app registered, each documented, and nothing that does not exist', async () => {
    const t = await createTestApp();
    const spec = (await (await t.app.request('/openapi.json')).json()) as Spec;
    expect(spec.openapi).toBe('3.1.0');
    const registered = operationsOf(t.app.routes);
    expect(registered.length).toBeGreaterThan(40);
    for (const { method, path } of registered) {
      const op = spec.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op?.summary, `${method} ${path} has no entry in openapi/catalog.ts`).not.toBe('Undocumented');
    }
    const keys = new Set(registered.map((o) => `${o.method} ${o.path}`));
    expect(Object.keys(ROUTE_DOCS).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('says who may call each route', async () => {
    const t = await createTestApp();
    const spec = (await (await t.app.request('/openapi.json')).json()) as Spec;
    expect(spec.paths['/v1/flows']?.get?.security).toEqual([{ secretKey: [] }, { session: [] }]);
    expect(spec.paths['/v1/batch']?.post?.security).toEqual([{ writeKey: [] }, { writeKeyBasic: [] }]);
    expect(spec.paths['/v1/invitations/{token}/accept']?.post?.security).toEqual([]);
    expect(Object.keys(spec.components.securitySchemes).sort()).toEqual(['secretKey', 'session', 'writeKey', 'writeKeyBasic']);
  });

  it('carries the zod contracts as JSON Schema, with every $ref resolving', async () => {
    const t = await createTestApp();
    const spec = (await (await t.app.request('/openapi.json')).json()) as Spec;
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['FlowInput', 'Message', 'Batch', 'Settings', 'WebhookInput', 'SignIn', 'Error']));
    expect(spec.components.schemas.FlowInput).toMatchObject({ type: 'object', properties: { kind: { enum: ['tour', 'tip', 'checklist', 'banner', 'modal', 'survey'] } } });
    for (const ref of new Set(refsIn(spec))) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(spec.components.schemas[ref.split('/').pop() ?? ''], ref).toBeDefined();
    }
    const params = spec.paths['/v1/metrics/{name}']?.get?.parameters.map((p) => `${p.in}:${p.name}`);
    expect(params).toEqual(expect.arrayContaining(['path:name', 'query:from', 'query:segment', 'query:weeks']));
  });
});

describe('GET /docs', () => {
  it('renders every route in a self-contained page', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
    for (const { path } of operationsOf(t.app.routes)) expect(html).toContain(path.replace(/:(\w+)/g, '{$1}'));
    expect(html).toContain('secret key (Bearer sk_…) or dashboard session');
  });
});
