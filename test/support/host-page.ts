// Minimal vendor pages from test/pages/, served by a tiny HTTP server of their own on loopback (a
// different origin from the Onward server), with the SDK tag pointing at the test server: the SDK
// runs cross-origin, as a vendor installs it.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { test as serverTest, type TestServer } from './server';

const PAGES = new URL('../pages/', import.meta.url);

export type HostPages = {
  /** The URL of `pages/<file>` on the vendor's origin. */
  url: (file: string) => string;
  close: () => Promise<void>;
};

/**
 * Serves test/pages/*.html for `server`, with `{{sdkUrl}}`, `{{writeKey}}` and `{{serverOrigin}}`
 * filled in; `headers[file]` (filled in too) are added to that page's answer, e.g. a strict CSP.
 */
export async function startHostPages(
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
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...extra })
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

/** `hostPages`: the vendor pages for this test's `freshServer`. */
export const test = serverTest.extend<{ hostPages: HostPages }>({
  hostPages: async ({ freshServer }, use) => {
    const pages = await startHostPages(freshServer);
    await use(pages);
    await pages.close();
  },
});

/** Resolves once the real SDK (not the snippet's queue) is `window.Onward`. */
export async function waitForSdk(page: Page): Promise<void> {
  await page.waitForFunction(
    () => typeof (window as { Onward?: { version?: unknown } }).Onward?.version === 'string',
    undefined,
    { timeout: 10_000 },
  );
}
