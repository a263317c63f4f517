// The server's logger: one line per message on stdout/stderr, errors with their stack (never to clients).
import type { Logger } from './on-error';

export const consoleLogger: Logger = {
  info: (message) => console.log(`[onward] ${message}`),
  error: (message, error) => console.error(`[onward] ${message}`, error ?? ''),
};
