// Turns a checked API call into a Segment message (CONTRACT.md §3 lists the fields).
import type { Ids } from '../identity/identity';
import type { Message } from '../transport';
import type { PageInfo } from './context';
import type { Properties, Traits } from './types';

/** The type-specific part of a message. */
export type MessageFields =
  | { type: 'track'; event: string; properties: Properties }
  | { type: 'page'; name?: string; properties: Properties }
  | { type: 'identify'; traits: Traits }
  | { type: 'group'; groupId: string; traits: Traits };

/** When, as whom, and where a message is sent. */
export type MessageStamp = {
  ids: Ids;
  now: number;
  messageId: string;
  context: Record<string, unknown>;
};

/**
 * Builds the message. `context.groupId` carries the account on every message (a Segment
 * context field), so the server can attribute events to accounts without a join; identify
 * messages also carry `context.userHash`.
 *
 * @example
 * buildMessage({ type: 'track', event: 'Report Created', properties: {} }, { ids, now: Date.now(), messageId, context });
 */
export function buildMessage(fields: MessageFields, stamp: MessageStamp): Message {
  const { ids } = stamp;
  const common = {
    messageId: stamp.messageId,
    timestamp: new Date(stamp.now).toISOString(),
    anonymousId: ids.anonymousId,
    // Absent ids are undefined, which serialization drops: no `"userId": null` on the wire.
    userId: ids.userId ?? undefined,
    context: {
      ...stamp.context,
      groupId: ids.groupId ?? undefined,
      // With identity verification on, the server checks an identify's context.userHash.
      userHash: fields.type === 'identify' ? (ids.userHash ?? undefined) : undefined,
    },
  };
  if (fields.type !== 'page') return { ...common, ...fields };
  const page = stamp.context.page as PageInfo | undefined;
  // analytics.js defaults: page properties repeat url/path/search/title/referrer, plus the name.
  const properties = { ...page, name: fields.name, ...fields.properties };
  return { ...common, ...fields, properties };
}
