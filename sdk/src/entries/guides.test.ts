import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClock } from '../shared/clock';
import { createLogger } from '../shared/logger';
import { createMemoryStore } from '../shared/storage';
import type { Properties } from '../api/types';
import { createBootstrap, createFlow, createStep } from '../testing/guides';
import { createGuides } from './guides';

const tooltip = createFlow({
  id: 'tour',
  steps: [
    createStep({
      id: 'a',
      type: 'tooltip',
      target: '#missing',
      content: { en: { title: 'Hello from Onward' } },
    }),
  ],
});

function start(options: { targetWait?: number } = {}) {
  const sent: { event: string; properties: Properties }[] = [];
  const guides = createGuides({
    options,
    store: createMemoryStore(),
    clock: createClock(),
    logger: createLogger(false),
    track: (event, properties) => void sent.push({ event, properties }),
    emit: () => {},
    watchUrl: () => () => {},
  });
  guides.update(createBootstrap([tooltip]));
  guides.show('tour');
  return { guides, sent };
}
const missingAfter = async (ms: number, sent: { event: string }[]) => {
  await vi.advanceTimersByTimeAsync(ms - 1);
  const before = sent.some((s) => s.event === 'Onward Flow Target Missing');
  await vi.advanceTimersByTimeAsync(1);
  return !before && sent.some((s) => s.event === 'Onward Flow Target Missing');
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  document.head.querySelectorAll('script').forEach((script) => script.remove());
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('the guides chunk', () => {
  it('renders with the real ui into an open shadow root', async () => {
    // The engine imports the ui chunk when the step shows; have the module loaded already so
    // the fake clock alone decides when the step appears.
    await import('../ui');
    const { guides } = start();
    await vi.advanceTimersByTimeAsync(5000);
    const root = document.querySelector('[data-onward-root]')?.shadowRoot;
    expect(root?.textContent).toContain('Hello from Onward');
    guides.dismiss();
    guides.stop();
    expect(document.querySelector('[data-onward-root]')).toBeNull();
  });

  it('waits 5 s for a target by default', async () => {
    const { guides, sent } = start();
    expect(await missingAfter(5000, sent)).toBe(true);
    guides.stop();
  });

  it('takes the wait from data-target-wait on the script tag (for browser tests)', async () => {
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.setAttribute('data-write-key', 'pk_1');
    script.setAttribute('data-target-wait', '200');
    document.head.append(script);
    const { guides, sent } = start();
    expect(await missingAfter(200, sent)).toBe(true);
    guides.stop();
  });

  it('prefers the targetWait option', async () => {
    const { guides, sent } = start({ targetWait: 50 });
    expect(await missingAfter(50, sent)).toBe(true);
    guides.stop();
  });
});
