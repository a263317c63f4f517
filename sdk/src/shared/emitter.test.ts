import { describe, expect, it, vi } from 'vitest';
import { createEmitter } from './emitter';

type Events = { 'flow:started': { flowId: string } };

describe('createEmitter', () => {
  it('calls every handler even when one throws, and reports the error', () => {
    const onError = vi.fn();
    const events = createEmitter<Events>(onError);
    const after = vi.fn();
    events.on('flow:started', () => {
      throw new Error('vendor bug');
    });
    events.on('flow:started', after);
    expect(() => events.emit('flow:started', { flowId: 'welcome' })).not.toThrow();
    expect(after).toHaveBeenCalledWith({ flowId: 'welcome' });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'vendor bug' }));
  });

  it('stops calling a handler after off or the returned unsubscribe', () => {
    const events = createEmitter<Events>(() => {});
    const a = vi.fn();
    const b = vi.fn();
    events.on('flow:started', a);
    const stopB = events.on('flow:started', b);
    events.off('flow:started', a);
    stopB();
    events.emit('flow:started', { flowId: 'x' });
    expect(a).not.toHaveBeenCalled();
    expect(b).not.toHaveBeenCalled();
  });

  it('lets a handler unsubscribe itself while the event is being emitted', () => {
    const events = createEmitter<Events>(() => {});
    const calls: string[] = [];
    const stop = events.on('flow:started', () => {
      calls.push('once');
      stop();
    });
    events.on('flow:started', () => calls.push('always'));
    events.emit('flow:started', { flowId: 'x' });
    events.emit('flow:started', { flowId: 'x' });
    expect(calls).toEqual(['once', 'always', 'always']);
  });
});
