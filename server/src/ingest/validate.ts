// Per-message validation: a bad message becomes a `rejected` entry, never an exception.
import type { z } from 'zod';
import { messageSchema, type Message } from '../contracts';
import { newMessageId } from './message-id';

export const MAX_MESSAGE_BYTES = 32 * 1024;

/** A validated message in the shape of one `events` row (JSON columns as text). */
export type EventRow = {
  messageId: string;
  type: Message['type'];
  event: string | null;
  userId: string | null;
  anonymousId: string | null;
  groupId: string | null;
  previousId: string | null;
  timestamp: number;
  receivedAt: number;
  sentAt: number | null;
  properties: string | null;
  traits: string | null;
  context: string | null;
};

export type Rejection = { index: number; messageId?: string; error: string };

/** Turns zod issues into one line: `timestamp: must be …; event: is required`. */
export function describeIssues(error: z.ZodError, prefix = ''): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.'),
    message: issue.message,
  }));
}

function toRow(m: Message, receivedAt: number): EventRow {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return {
    messageId: m.messageId ?? newMessageId(receivedAt),
    type: m.type,
    event: m.type === 'track' ? m.event : m.type === 'page' || m.type === 'screen' ? (m.name ?? null) : null,
    userId: m.userId ?? null,
    anonymousId: m.anonymousId ?? null,
    groupId: m.type === 'group' ? m.groupId : null,
    previousId: m.type === 'alias' ? m.previousId : null,
    timestamp: m.timestamp ?? receivedAt,
    receivedAt,
    sentAt: m.sentAt ?? null,
    properties: json(m.properties),
    traits: json(m.traits),
    context: json(m.context),
  };
}

function messageIdOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as { messageId?: unknown }).messageId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/**
 * Validates each message of a batch on its own.
 * @param checkSize false when the whole body is under the per-message limit (saves re-serialising).
 */
export function validateMessages(
  raw: readonly unknown[],
  receivedAt: number,
  checkSize: boolean,
  /** With identity verification on: whether an identify's context.userHash signs its userId. */
  verify?: (userId: string, hash: unknown) => boolean,
): { rows: EventRow[]; indexes: number[]; rejected: Rejection[] } {
  const rows: EventRow[] = [];
  const indexes: number[] = [];
  const rejected: Rejection[] = [];
  raw.forEach((item, index) => {
    const reject = (error: string) => {
      const messageId = messageIdOf(item);
      rejected.push(messageId === undefined ? { index, error } : { index, messageId, error });
    };
    if (checkSize) {
      const bytes = Buffer.byteLength(JSON.stringify(item) ?? '');
      if (bytes > MAX_MESSAGE_BYTES) {
        return reject(`message is ${bytes} bytes; the limit is ${MAX_MESSAGE_BYTES} bytes (32 KB)`);
      }
    }
    const parsed = messageSchema.safeParse(item);
    if (!parsed.success) {
      return reject(describeIssues(parsed.error).map((i) => `${i.path || 'message'}: ${i.message}`).join('; '));
    }
    const m = parsed.data;
    if (verify !== undefined && m.type === 'identify' && m.userId != null && !verify(m.userId, m.context?.userHash)) {
      return reject('context.userHash: identity verification is on; it must be hex HMAC-SHA256(identity secret, userId)');
    }
    rows.push(toRow(m, receivedAt));
    indexes.push(index);
  });
  return { rows, indexes, rejected };
}
