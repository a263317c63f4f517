/** The SDK's only way to the console: silent unless debug mode is on. */
export type Logger = {
  /** Logs when debug is on. */
  debug(message: string, ...details: unknown[]): void;
  /** Warns when debug is on (bad arguments, dropped messages, caught errors). */
  warn(message: string, ...details: unknown[]): void;
  /** Warns even when debug is off: only for data the server refused. */
  alert(message: string, ...details: unknown[]): void;
  isEnabled(): boolean;
  setEnabled(on: boolean): void;
};

const PREFIX = '[Onward]';

/**
 * A prefixed logger; `enabled` is the initial debug state.
 *
 * @example
 * const log = createLogger(false);
 * log.warn('ignored'); // silent
 * log.setEnabled(true);
 * log.warn('track: event must be a non-empty string'); // [Onward] track: …
 */
export function createLogger(enabled: boolean, sink: Console = console): Logger {
  let on = enabled;
  const write = (method: 'log' | 'warn', message: string, details: unknown[]): void => {
    try {
      sink[method](`${PREFIX} ${message}`, ...details);
    } catch {
      // A host page that replaced console with something broken must not break us.
    }
  };
  return {
    debug: (message, ...details) => on && write('log', message, details),
    warn: (message, ...details) => on && write('warn', message, details),
    alert: (message, ...details) => write('warn', message, details),
    isEnabled: () => on,
    setEnabled: (value) => {
      on = value;
    },
  };
}
