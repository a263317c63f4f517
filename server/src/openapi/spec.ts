// OpenAPI 3.1 from the routes the app really registered (app.routes) and ROUTE_DOCS; bodies and
// query parameters come from the zod schemas through z.toJSONSchema. A route missing from ROUTE_DOCS
// is still listed, marked undocumented (and openapi.test.ts fails).
import { z } from 'zod';
import { ROUTE_DOCS, type Auth, type RouteDoc } from './catalog';

type JsonSchema = Record<string, unknown>;
export type Operation = { method: string; path: string; doc: RouteDoc | undefined };

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The /v1 operations among Hono's routes (middleware entries are method ALL), once each, in order. */
export function operationsOf(routes: { method: string; path: string }[]): Operation[] {
  const seen = new Set<string>();
  const out: Operation[] = [];
  for (const { method, path } of routes) {
    const key = `${method} ${path}`;
    if (!METHODS.has(method) || !path.startsWith('/v1/') || seen.has(key)) continue;
    seen.add(key);
    out.push({ method, path, doc: ROUTE_DOCS[key] });
  }
  return out;
}

const SECURITY: Record<Auth, Record<string, string[]>[]> = {
  admin: [{ secretKey: [] }, { session: [] }],
  write: [{ writeKey: [] }, { writeKeyBasic: [] }],
  session: [{ session: [] }],
  public: [],
};
export const AUTH_LABELS: Record<Auth, string> = {
  admin: 'secret key (Bearer sk_…) or dashboard session + X-CSRF-Token',
  write: 'write key (Bearer, Basic user name, or writeKey in the body)',
  session: 'dashboard session cookie (+ X-CSRF-Token unless GET)',
  public: 'none',
};

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
};

const toJson = (schema: z.ZodType): JsonSchema => {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** Query parameters from an object schema (a refined object still has its shape in the JSON Schema). */
function parametersOf(path: string, query: z.ZodType | undefined) {
  const params: JsonSchema[] = [...path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  if (query === undefined) return params;
  const json = toJson(query);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  for (const [name, schema] of Object.entries(properties)) {
    params.push({ name, in: 'query', required: required.has(name) && !('default' in schema), schema });
  }
  return params;
}

/** Named body schemas as components; recursive ones (audience) refer to themselves by component. */
function componentsOf(ops: Operation[]): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const { doc } of ops) {
    if (doc?.body !== undefined && !registry.has(doc.body.schema)) registry.add(doc.body.schema, { id: doc.body.name });
  }
  const { schemas } = z.toJSONSchema(registry, { io: 'input', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  // Sub-schemas used by several components land in `__shared.$defs`: make each a component of its own.
  const { __shared: shared, ...named } = schemas;
  const sharedRef = /#\/components\/schemas\/__shared#\/\$defs\/(\w+)/g;
  const relink = (schema: unknown): JsonSchema => JSON.parse(JSON.stringify(schema).replace(sharedRef, '#/components/schemas/Shared_$1')) as JsonSchema;
  const out: Record<string, JsonSchema> = { Error: ERROR_SCHEMA };
  for (const [id, schema] of Object.entries((shared?.$defs ?? {}) as Record<string, unknown>)) out[`Shared_${id}`] = relink(schema);
  for (const [id, schema] of Object.entries(named)) {
    const { $schema: _s, $id: _i, ...rest } = relink(schema);
    out[id] = rest;
  }
  return out;
}

export function buildSpec(routes: { method: string; path: string }[]) {
  const ops = operationsOf(routes);
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const { method, path, doc } of ops) {
    const openApiPath = path.replace(/:(\w+)/g, '{$1}');
    const auth = doc?.auth ?? 'admin';
    const status = String(doc?.status ?? 200);
    const error = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    (paths[openApiPath] ??= {})[method.toLowerCase()] = {
      summary: doc?.summary ?? 'Undocumented',
      tags: [doc?.tag ?? 'Other'],
      'x-onward-auth': AUTH_LABELS[auth],
      security: SECURITY[auth],
      parameters: parametersOf(path, doc?.query),
      ...(doc?.body === undefined
        ? {}
        : { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${doc.body.name}` } } } } }),
      responses: { [status]: { description: status === '204' ? 'No content' : 'OK' }, '4XX': error },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Onward API',
      version: '0.1.0',
      description: 'Ingestion (Segment-compatible), SDK delivery and the admin API. Errors: {"error": {"code", "message", "issues"}}.',
    },
    paths,
    components: {
      schemas: componentsOf(ops),
      securitySchemes: {
        secretKey: { type: 'http', scheme: 'bearer', description: 'The workspace secret key, sk_…' },
        writeKey: { type: 'http', scheme: 'bearer', description: 'The publishable write key, pk_…' },
        writeKeyBasic: { type: 'http', scheme: 'basic', description: "Segment's convention: the write key as the user name" },
        session: { type: 'apiKey', in: 'cookie', name: 'onward_session', description: 'Dashboard session; unsafe methods also need X-CSRF-Token' },
      },
    },
  };
}

export type OpenApiSpec = ReturnType<typeof buildSpec>;
