// Batch limits, chosen under the server's (500 KB per request, 32 KB per message) so the
// envelope, `sentAt` stamps and a dropped-count note always fit.
import type { Message } from './message';
import { utf8Length } from './message';

/** Largest message accepted at enqueue; bigger ones are dropped with a warning. */
export const MAX_MESSAGE_BYTES = 32_000;
/** Upper bounds of one POST. */
export const MAX_BATCH_COUNT = 100;
export const MAX_BATCH_BYTES = 400_000;
// `,"sentAt":"2024-05-01T10:00:00.000Z"` per message, plus a comma.
const PER_MESSAGE_OVERHEAD = 40;
const ENVELOPE_BYTES = 1024;

/** Encoded size of one message as it travels in a batch. */
export function messageBytes(message: Message): number {
  return utf8Length(JSON.stringify(message)) + PER_MESSAGE_OVERHEAD;
}

/**
 * The oldest messages that fit in one request: at most `maxCount`, and under `maxBytes` in
 * total (the first message always goes, it was size-checked at enqueue).
 *
 * @example
 * takeBatch(outbox.entries().map((e) => e.message), { maxCount: 100, maxBytes: 400_000 });
 */
export function takeBatch(
  messages: Message[],
  limits: { maxCount: number; maxBytes: number },
): Message[] {
  const batch: Message[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const message of messages) {
    if (batch.length >= limits.maxCount) break;
    const size = messageBytes(message);
    if (batch.length > 0 && bytes + size > limits.maxBytes) break;
    batch.push(message);
    bytes += size;
  }
  return batch;
}
