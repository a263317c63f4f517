import { describe, expect, it } from 'vitest';
import { createSpyConsole } from '../testing/fakes';
import { createLogger } from './logger';

describe('createLogger', () => {
  it('is silent until debug is on, then prefixes every line', () => {
    const sink = createSpyConsole();
    const logger = createLogger(false, sink.console);
    logger.debug('a');
    logger.warn('b');
    expect(sink.log).not.toHaveBeenCalled();
    expect(sink.warn).not.toHaveBeenCalled();
    logger.setEnabled(true);
    logger.warn('b', 1);
    expect(sink.warn).toHaveBeenCalledWith('[Onward] b', 1);
  });

  it('alerts even with debug off', () => {
    const sink = createSpyConsole();
    createLogger(false, sink.console).alert('refused');
    expect(sink.warn).toHaveBeenCalledWith('[Onward] refused');
  });

  it('survives a broken console', () => {
    const broken = {
      warn: () => {
        throw new Error('no console');
      },
    } as unknown as Console;
    expect(() => createLogger(true, broken).alert('x')).not.toThrow();
  });
});
