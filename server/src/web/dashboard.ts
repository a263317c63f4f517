// The dashboard SPA from dashboard/dist: hashed /assets/* cached forever, index.html (at /) never
// without revalidation. The dashboard routes by the hash (#/flows), so no other path is a page:
// anything else stays a JSON 404 like every unknown route.
// When the dashboard is not built, `/` says how to build it instead of a JSON 404.
import { Hono, type Context } from 'hono';
import { notFound } from '../http/api-error';
import { isPlainName, type FileReader } from './static-file';

/** Scripts and connections only to this origin; styles from files (preact sets inline styles through the CSSOM, which CSP allows). */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': DASHBOARD_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

// Paths with other owners: never answered with the dashboard page.
const NOT_DASHBOARD = /^\/(v1|sdk|demo|healthz|openapi\.json|docs|assets)(\/|\.|$)/;

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Onward: dashboard not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}code{background:#f2f2f2;padding:.1em .3em}</style>
</head><body>
<h1>The dashboard is not built yet</h1>
<p>The API, the SDK and the demo work without it. To build the dashboard, run from the repository root:</p>
<p><code>npx --yes pnpm@10.34.9 --filter @onward/dashboard build</code></p>
<p>or simply <code>npm start</code>, which builds what is missing. Then reload this page.</p>
<p>Meanwhile: <a href="/demo">the demo app</a> · <a href="/docs">the API reference</a> · <a href="/healthz">health</a></p>
</body></html>`;

export function dashboardRoutes({ dashboardDir, readFile }: { dashboardDir: string | undefined; readFile: FileReader }) {
  const app = new Hono();

  const index = async (c: Context) => {
    const file = dashboardDir === undefined ? null : await readFile(dashboardDir, 'index.html');
    if (file === null) {
      // The page is inline-styled: its own policy allows exactly that and nothing else.
      return c.html(NOT_BUILT, 200, { 'Cache-Control': 'no-cache', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" });
    }
    return c.body(file.body, 200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Cache-Control': 'no-cache', ETag: file.etag });
  };

  // Vite puts a content hash in every asset name: a changed file is a new URL.
  app.get('/assets/:name', async (c) => {
    const name = c.req.param('name');
    const file = dashboardDir !== undefined && isPlainName(name) ? await readFile(`${dashboardDir}/assets`, name) : null;
    if (file === null) throw notFound(`No dashboard asset named ${name}`);
    return c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'public, max-age=31536000, immutable', ETag: file.etag, 'X-Content-Type-Options': 'nosniff' });
  });

  app.get('/', index);

  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (NOT_DASHBOARD.test(path)) return next();
    const name = path.slice(1);
    // Files at the top of dist (favicon.svg, …) as they are; anything else is not ours.
    const file = dashboardDir !== undefined && isPlainName(name) && name !== 'index.html' ? await readFile(dashboardDir, name) : null;
    if (file === null) return next();
    return c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache', ETag: file.etag, 'X-Content-Type-Options': 'nosniff' });
  });

  return app;
}
