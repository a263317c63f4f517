// Vendor pages for the guides specs (test/pages/guides-*.html) on their own loopback origin, like
// support/host-page.ts, but for any server (the worker's shared one too) and with response headers
// per page (a strict Content-Security-Policy, say). `{{sdkUrl}}`, `{{writeKey}}` and
// `{{serverOrigin}}` are filled in, in the page and in its headers.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostPages } from './host-page';
import type { TestServer } from './server';

const PAGES = new URL('../pages/', import.meta.url);

/** Serves test/pages/*.html for `server`; `headers[file]` are added to that page's answer. */
export async function startGuidePages(
  server: TestServer,
  headers: Record<string, Record<string, string>> = {},
): Promise<HostPages> {
  const fill = (text: string) =>
    text
      .replaceAll('{{sdkUrl}}', `${server.url}/sdk.js`)
      .replaceAll('{{writeKey}}', server.writeKey)
      .replaceAll('{{serverOrigin}}', server.url);
  const http: Server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://host').pathname.slice(1);
    let html: string;
    try {
      if (!/^[\w-]+\.html$/.test(name)) throw new Error('not a page');
      html = readFileSync(new URL(name, PAGES), 'utf8');
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const extra = Object.fromEntries(
      Object.entries(headers[name] ?? {}).map(([key, value]) => [key, fill(value)]),
    );
    response
      .writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        ...extra,
      })
      .end(fill(html));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: (file) => `http://127.0.0.1:${port}/${file}`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
