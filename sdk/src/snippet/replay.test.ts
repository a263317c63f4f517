import { describe, expect, it } from 'vitest';
import { replayQueue } from './replay';

const recorder = () => {
  const calls: unknown[][] = [];
  const api = {
    track: (...args: unknown[]) => void calls.push(['track', ...args]),
    identify: (...args: unknown[]) => void calls.push(['identify', ...args]),
  };
  return { calls, api };
};

describe('replayQueue', () => {
  it('replays queued calls in order and empties the queue', () => {
    const { calls, api } = recorder();
    const queue = [
      ['identify', 'u_1', { plan: 'pro' }],
      ['track', 'A'],
      ['track', 'B', { n: 1 }],
    ];
    expect(replayQueue(queue, api)).toBe(3);
    expect(calls).toEqual([
      ['identify', 'u_1', { plan: 'pro' }],
      ['track', 'A'],
      ['track', 'B', { n: 1 }],
    ]);
    expect(queue).toHaveLength(0);
  });

  it('runs a call pushed during replay exactly once and never loops', () => {
    const calls: string[] = [];
    const queue: unknown[] = [
      ['track', 'first'],
      ['track', 'second'],
    ];
    const api = {
      track(event: string) {
        calls.push(event);
        // A handler that calls the (old) stub again while replay is running.
        if (event === 'first') queue.push(['track', 'pushed during replay']);
      },
    };
    replayQueue(queue, api);
    expect(calls).toEqual(['first', 'pushed during replay', 'second']);
    expect(queue).toHaveLength(0);
  });

  it('turns the old stub methods into forwarders for code that kept a reference', () => {
    const { calls, api } = recorder();
    const stub = Object.assign([] as unknown[], {
      track: (...args: unknown[]) => stub.push(['track', ...args]),
    });
    stub.track('queued');
    replayQueue(stub, api);
    stub.track('after load');
    expect(calls).toEqual([
      ['track', 'queued'],
      ['track', 'after load'],
    ]);
  });

  it('skips unknown methods and malformed entries without throwing', () => {
    const { calls, api } = recorder();
    const queue = [['show', 'flow-1'], 'junk', [42], null, ['track', 'kept']];
    expect(() => replayQueue(queue, api)).not.toThrow();
    expect(calls).toEqual([['track', 'kept']]);
  });

  it('ignores anything that is not the snippet array', () => {
    const { calls, api } = recorder();
    expect(replayQueue(undefined, api)).toBe(0);
    expect(replayQueue({ track: 1 }, api)).toBe(0);
    expect(calls).toEqual([]);
  });
});
