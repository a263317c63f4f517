import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMapStorage } from '../testing/fakes';
import { createBootstrap, createFlow, createStep, settle, setupEngine } from '../testing/guides';
import { THROTTLE_KEY } from './throttle';

let stop = () => {};
beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2024, 4, 1, 12) });
  history.replaceState(null, '', '/app');
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('debug mode', () => {
  it('says for each flow why it is or is not showing', async () => {
    const storage = createMapStorage();
    storage.setItem(THROTTLE_KEY, String(Date.now() - 36e5));
    const { engine, sink } = setupEngine({ debug: true, storage });
    stop = engine.stop;
    engine.update(
      createBootstrap(
        [
          createFlow({
            id: 'resumed',
            priority: 9,
            steps: [
              createStep({ id: 'a' }),
              createStep({ id: 'b', type: 'tooltip', target: '#x' }),
            ],
            progress: { version: 1, status: 'started', stepIndex: 1, at: 0 },
          }),
          createFlow({ id: 'reports', trigger: { type: 'page', url: '/reports*', match: 'glob' } }),
          createFlow({ id: 'nps', trigger: { type: 'event', event: 'Report Created' } }),
          createFlow({ id: 'tip', trigger: { type: 'page', url: '/app', match: 'exact' } }),
          createFlow({
            id: 'held',
            heldOut: true,
            trigger: { type: 'page', url: '/app', match: 'exact' },
          }),
        ],
        {
          settings: { throttleHours: 24, theme: {} },
          excluded: [{ flowId: 'old', reason: 'frequency once: already completed' }],
        },
      ),
    );
    await settle();
    const lines = sink.log.mock.calls.map(([line]) => String(line));
    expect(lines).toEqual(
      expect.arrayContaining([
        '[Onward] flow old: not delivered: frequency once: already completed',
        '[Onward] flow resumed: waiting for target #x (step 2)',
        '[Onward] flow reports: trigger not matched yet: page /reports* (glob)',
        '[Onward] flow nps: trigger not matched yet: event "Report Created"',
        '[Onward] flow tip: throttled until 2024-05-02T11:00:00.000Z',
        '[Onward] flow held: ended in this page session: held out (Onward Flow Held Out sent, nothing shown)',
      ]),
    );
    await settle(5000);
    expect(sink.log).toHaveBeenCalledWith(
      '[Onward] flow resumed: showing step 2/2 centred: target missing',
    );
  });

  it('is silent when debug is off', async () => {
    const { engine, sink } = setupEngine();
    stop = engine.stop;
    engine.update(
      createBootstrap([
        createFlow({ id: 'a', trigger: { type: 'page', url: '/app*', match: 'glob' } }),
      ]),
    );
    await settle();
    expect(sink.log).not.toHaveBeenCalled();
  });
});
