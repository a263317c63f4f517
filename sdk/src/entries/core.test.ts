import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import snippetHtml from '../snippet/snippet.html?raw';
import { createFakeFetch } from '../testing/fakes';
import { createFakeApi } from '../testing/guides';

type Host = Window & { Onward?: unknown };
const host = window as Host;
const stubSource = /<script>(.*?)<\/script>/.exec(snippetHtml)?.[1] ?? '';

const boot = async (): Promise<void> => {
  vi.resetModules();
  await import('./core');
};

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.setAttribute('src', 'https://onward.example.com/sdk.js');
  script.setAttribute('data-write-key', 'pk_script');
  document.head.appendChild(script);
});
afterEach(() => {
  (host.Onward as { dispose?: () => void } | undefined)?.dispose?.();
  delete host.Onward;
  document.head.querySelectorAll('script').forEach((script) => script.remove());
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the script-tag entry', () => {
  it('replaces the snippet queue with the SDK and replays queued calls in order', async () => {
    const server = createFakeFetch();
    vi.stubGlobal('fetch', server.fetch);
    new Function('window', stubSource)(window);
    const queue = host.Onward as Record<string, (...args: unknown[]) => void>;
    queue.identify?.('u_1', { plan: 'pro' });
    queue.track?.('Queued Before Load');
    await boot();
    expect(Array.isArray(host.Onward)).toBe(false);
    expect(typeof (host.Onward as { track?: unknown }).track).toBe('function');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests[0]?.url).toBe('https://onward.example.com/v1/batch');
    expect(server.requests[0]?.body.writeKey).toBe('pk_script');
    expect(server.messages().map((m) => m.type)).toEqual(['identify', 'track', 'page']);
    expect(server.messages()[2]?.userId).toBe('u_1');
  });

  it('asks the script origin for the bootstrap with the write key', async () => {
    const api = createFakeApi();
    vi.stubGlobal('fetch', api.fetch);
    await boot();
    await vi.advanceTimersByTimeAsync(0);
    const [url] = api.bootstraps;
    expect(`${url?.origin}${url?.pathname}`).toBe('https://onward.example.com/v1/sdk/bootstrap');
    expect(url?.searchParams.get('writeKey')).toBe('pk_script');
    expect(url?.searchParams.get('anonymousId')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does nothing when loaded a second time', async () => {
    vi.stubGlobal('fetch', createFakeFetch().fetch);
    await boot();
    const first = host.Onward;
    await boot();
    expect(host.Onward).toBe(first);
  });

  it('leaves the queue alone when no script carries a write key', async () => {
    document.head.querySelectorAll('script').forEach((script) => script.remove());
    new Function('window', stubSource)(window);
    const queue = host.Onward;
    await boot();
    expect(host.Onward).toBe(queue);
  });
});
