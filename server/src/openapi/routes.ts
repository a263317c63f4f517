// GET /openapi.json and GET /docs: the API reference, built once from the app's own routes.
import { Hono } from 'hono';
import { renderDocs } from './docs-page';
import { buildSpec, type OpenApiSpec } from './spec';

export function openApiRoutes(routes: () => { method: string; path: string }[]) {
  const app = new Hono();
  // Built on first request, when every route is registered; the routes never change afterwards.
  let spec: OpenApiSpec | undefined;
  let page: string | undefined;
  const specOf = () => (spec ??= buildSpec(routes()));

  app.get('/openapi.json', (c) => c.json(specOf(), 200, { 'Cache-Control': 'no-cache' }));
  app.get('/docs', (c) => {
    page ??= renderDocs(specOf());
    return c.html(page, 200, { 'Cache-Control': 'no-cache', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" });
  });
  return app;
}
