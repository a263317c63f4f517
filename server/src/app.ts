// createApp(deps): every domain's routes, CORS and the one error handler. No ports, no env:
// tests call app.request() against a :memory: database.
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { WorkspaceStore } from './auth/workspaces';
import { deliveryRoutes } from './delivery/routes';
import { createErrorHandler, notFoundHandler, type Logger } from './http/on-error';
import { createRateLimiter } from './http/rate-limit';
import { ingestRoutes } from './ingest';
import type { IngestWriter } from './ingest/writer';
import { createFileReader } from './web/static-file';
import { webRoutes } from './web/routes';

export type AppDeps = {
  workspaces: WorkspaceStore;
  writer: IngestWriter;
  /** The default workspace's write key, filled into the demo app. */
  writeKey: () => string;
  paths: { sdkDir: string; demoDir: string };
  ingestRateLimit: number;
  isReady: () => boolean;
  logger: Logger;
  now?: () => number;
};

export function createApp(deps: AppDeps) {
  const now = deps.now ?? Date.now;
  const readFile = createFileReader();
  const app = new Hono();

  // Browsers on the vendor's origin call ingestion (and later bootstrap) directly.
  app.use(
    '/v1/*',
    cors({ origin: '*', allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type', 'Authorization'], maxAge: 86_400 }),
  );

  app.route(
    '/v1',
    ingestRoutes({
      workspaces: deps.workspaces,
      writer: deps.writer,
      rateLimiter: createRateLimiter(deps.ingestRateLimit, now),
      now,
    }),
  );
  app.route('/', deliveryRoutes({ sdkDir: deps.paths.sdkDir, readFile }));
  app.route(
    '/',
    webRoutes({ demoDir: deps.paths.demoDir, readFile, isReady: deps.isReady, writeKey: deps.writeKey }),
  );

  app.notFound(notFoundHandler);
  app.onError(createErrorHandler(deps.logger));
  return app;
}
