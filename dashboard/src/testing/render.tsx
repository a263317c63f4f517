// Test helpers: render into a detached container inside the providers, and a fetch that answers
// from a route table while recording each request.
import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { SessionProvider } from '../shared/session';
import { I18nProvider } from '../i18n/context';
import type { Locale } from '../i18n/translate';

export async function mount(children: ComponentChildren, { locale = 'en' as Locale, fetch }: { locale?: Locale; fetch?: typeof globalThis.fetch } = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(
      <I18nProvider initial={locale}>{fetch === undefined ? children : <SessionProvider fetch={fetch}>{children}</SessionProvider>}</I18nProvider>,
      container,
    );
  });
  return {
    container,
    unmount: () => {
      render(null, container);
      container.remove();
    },
  };
}

export type Recorded = { method: string; url: string; headers: Record<string, string>; body: unknown; credentials: RequestCredentials | undefined };
type Handler = (req: Recorded) => { status?: number; body?: unknown };

/** `routes['POST /v1/session']` answers that request; anything else is a 404 envelope. */
export function fakeFetch(routes: Record<string, Handler>) {
  const calls: Recorded[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const req: Recorded = {
      method: init.method ?? 'GET',
      url: String(input),
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    calls.push(req);
    const handler = routes[`${req.method} ${req.url.split('?')[0]}`];
    const answer = handler?.(req) ?? { status: 404, body: { error: { code: 'not_found', message: `No route ${req.url}` } } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status ?? 200 });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** Lets pending promises and the renders they trigger settle. */
export const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

/** Settles until `done()` holds (a lazily loaded page has arrived: its first import is compiled), for at most `ms`. */
export async function settleUntil(done: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
}
