// Pages the server serves itself: /healthz and the /demo vendor app (an SPA: every /demo/* path
// answers index.html, with the workspace's write key filled in), then the dashboard (dashboard.ts).
import { Hono } from 'hono';
import { notFound } from '../http/api-error';
import { dashboardRoutes } from './dashboard';
import { isPlainName, type FileReader } from './static-file';

const escapeAttribute = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export type WebDeps = {
  demoDir: string;
  /** dashboard/dist (see dashboard.ts); undefined answers `/` with how to build it. */
  dashboardDir?: string | undefined;
  readFile: FileReader;
  /** False until migrations and seeding are done, and again while shutting down. */
  isReady: () => boolean;
  writeKey: () => string;
};

export function webRoutes({ demoDir, dashboardDir, readFile, isReady, writeKey }: WebDeps) {
  const app = new Hono();

  app.get('/healthz', (c) => (isReady() ? c.json({ ok: true }) : c.json({ ok: false }, 503)));

  app.get('/demo/assets/:name', async (c) => {
    const name = c.req.param('name');
    const file = isPlainName(name) ? await readFile(`${demoDir}/assets`, name) : null;
    if (file === null) throw notFound(`No demo asset named ${name}`);
    return c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache', ETag: file.etag });
  });

  const page = async () => {
    const file = await readFile(demoDir, 'index.html');
    if (file === null) throw notFound('The demo app is missing from this build');
    return new TextDecoder().decode(file.body).replaceAll('{{writeKey}}', escapeAttribute(writeKey()));
  };
  app.get('/demo', async (c) => c.html(await page()));
  app.get('/demo/*', async (c) => c.html(await page()));

  // Last: the dashboard's page answers the paths nobody above owns.
  app.route('/', dashboardRoutes({ dashboardDir, readFile }));

  return app;
}
