// SDK delivery: the script-tag bundle and GET /v1/sdk/bootstrap (eligible flows + progress).
// Stage: published flows → audience → this endpoint → sdk/bootstrap.
import { Hono } from 'hono';
import type { WorkspaceStore } from '../auth/workspaces';
import type { Database } from '../db';
import type { PublishedFlows } from '../flows/published';
import type { FlowStore } from '../flows/store';
import { ApiError } from '../http/api-error';
import { workspaceForKey } from '../http/key-auth';
import { keyFromHeader } from '../http/write-key';
import type { SettingsStore } from '../settings/store';
import type { FileReader } from '../web/static-file';
import { bootstrap } from './bootstrap';

export type DeliveryDeps = {
  sdkDir: string;
  readFile: FileReader;
  db: Database;
  workspaces: WorkspaceStore;
  settings: SettingsStore;
  flows: FlowStore;
  published: PublishedFlows;
  now: () => number;
};

const SCRIPT_HEADERS = { 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' };

export function deliveryRoutes(deps: DeliveryDeps) {
  const app = new Hono();

  // sdk.js has no version in its URL, so browsers revalidate after five minutes (ETag → 304);
  // its lazy chunks carry a content hash and are immutable.
  app.get('/sdk.js', (c) => serveScript(c.req.header('if-none-match'), 'sdk.js', 'public, max-age=300, stale-while-revalidate=86400'));
  app.get('/sdk.js.map', (c) => serveScript(c.req.header('if-none-match'), 'sdk.js.map', 'public, max-age=300'));
  app.get('/sdk/:name{[\\w.-]+\\.js(?:\\.map)?}', (c) => serveScript(c.req.header('if-none-match'), c.req.param('name'), 'public, max-age=31536000, immutable'));

  async function serveScript(ifNoneMatch: string | undefined, name: string, cacheControl: string) {
    const file = await deps.readFile(deps.sdkDir, name);
    if (file === null) {
      if (name === 'sdk.js') throw new ApiError(503, 'internal_error', 'The SDK is not built yet: run `npm start` (or `pnpm build`)');
      throw new ApiError(404, 'not_found', `No SDK file named ${name}`);
    }
    const headers = { ...SCRIPT_HEADERS, 'Content-Type': file.type, 'Cache-Control': cacheControl, ETag: file.etag };
    if (ifNoneMatch === file.etag) return new Response(null, { status: 304, headers });
    return new Response(file.body, { status: 200, headers });
  }

  // The write key may come as a query parameter: a plain GET needs no CORS preflight.
  app.get('/v1/sdk/bootstrap', async (c) => {
    const key = keyFromHeader(c.req.header('authorization')) ?? c.req.query('writeKey');
    const { workspace } = await workspaceForKey(deps.workspaces, key);
    const q = (name: string) => c.req.query(name) || null;
    const body = await bootstrap(
      { db: deps.db, flows: deps.flows, published: deps.published.get },
      workspace,
      await deps.settings.get(workspace.id),
      { userId: q('userId'), anonymousId: q('anonymousId'), groupId: q('groupId'), userHash: q('userHash') },
      deps.now(),
      c.req.query('debug') === '1',
    );
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  return app;
}
