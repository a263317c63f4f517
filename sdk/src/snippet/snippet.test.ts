import { describe, expect, it } from 'vitest';
import readme from '../../README.md?raw';
import snippetHtml from './snippet.html?raw';
import { replayQueue } from './replay';

// The documented one-liner: the first <script> of snippet.html.
const stubSource = /<script>(.*?)<\/script>/.exec(snippetHtml)?.[1] ?? '';

const runSnippet = (host: Record<string, unknown>): void => {
  new Function('window', stubSource)(host);
};

describe('the snippet', () => {
  it('defines window.Onward as a queue recording calls in order', () => {
    const host: Record<string, unknown> = {};
    runSnippet(host);
    const onward = host.Onward as unknown[] & Record<string, (...args: unknown[]) => void>;
    onward.identify?.('u_1', { plan: 'pro' });
    onward.track?.('Report Created', { n: 1 });
    onward.page?.();
    expect([...onward]).toEqual([
      ['identify', 'u_1', { plan: 'pro' }],
      ['track', 'Report Created', { n: 1 }],
      ['page'],
    ]);
  });

  it('stubs every public method that returns nothing useful before load', () => {
    const host: Record<string, unknown> = {};
    runSnippet(host);
    const methods = Object.keys(host.Onward as object).filter((key) => Number.isNaN(Number(key)));
    expect(methods.sort()).toEqual([
      'debug',
      'dismiss',
      'flush',
      'group',
      'identify',
      'off',
      'on',
      'page',
      'reset',
      'show',
      'track',
    ]);
  });

  it('does nothing when the SDK is already on the page', () => {
    const loaded = { track: () => {} };
    const host: Record<string, unknown> = { Onward: loaded };
    runSnippet(host);
    expect(host.Onward).toBe(loaded);
  });

  it('feeds replayQueue', () => {
    const host: Record<string, unknown> = {};
    runSnippet(host);
    const onward = host.Onward as unknown[] & Record<string, (...args: unknown[]) => void>;
    onward.track?.('A');
    const seen: unknown[] = [];
    replayQueue(onward, { track: (event: unknown) => seen.push(event) });
    expect(seen).toEqual(['A']);
  });

  it('is the one the README documents', () => {
    expect(stubSource.length).toBeGreaterThan(50);
    expect(readme).toContain(stubSource);
  });
});
