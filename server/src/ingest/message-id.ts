// Ids for messages sent without one. Time-ordered (like UUIDv7) so the unique index appends.
import { randomBytes } from 'node:crypto';

/** `srv-` + 12 hex digits of milliseconds + 16 random hex digits. */
export function newMessageId(now: number): string {
  return `srv-${now.toString(16).padStart(12, '0')}${randomBytes(8).toString('hex')}`;
}
