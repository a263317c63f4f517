// Reading `events` rows back as messages (JSON columns parsed), and waiting for them to land.
import { pollUntil, type TestServer } from './server';

export type StoredEvent = {
  id: number;
  messageId: string;
  type: string;
  event: string | null;
  userId: string | null;
  anonymousId: string | null;
  groupId: string | null;
  timestamp: number;
  properties: Record<string, unknown> | null;
  traits: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
};

const parse = (value: unknown) =>
  value === null || value === undefined
    ? null
    : (JSON.parse(String(value)) as Record<string, unknown>);
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** Every stored event, in the order the user did things (timestamp, then arrival). */
export async function readEvents(server: TestServer): Promise<StoredEvent[]> {
  const rows = await server.query('SELECT * FROM events ORDER BY timestamp, id');
  return rows.map((r) => ({
    id: Number(r.id),
    messageId: String(r.message_id),
    type: String(r.type),
    event: text(r.event),
    userId: text(r.user_id),
    anonymousId: text(r.anonymous_id),
    groupId: text(r.group_id),
    timestamp: Number(r.timestamp),
    properties: parse(r.properties),
    traits: parse(r.traits),
    context: parse(r.context),
  }));
}

/** Polls the database until `done(events)` or the timeout; returns the last read either way. */
export function waitForEvents(
  server: TestServer,
  done: (events: StoredEvent[]) => boolean,
  timeoutMs = 20_000,
): Promise<StoredEvent[]> {
  return pollUntil(() => readEvents(server), done, { timeoutMs, intervalMs: 200 });
}

export const tracks = (events: StoredEvent[], name: string) =>
  events.filter((e) => e.type === 'track' && e.event === name);

export const pagePaths = (events: StoredEvent[]) =>
  events
    .filter((e) => e.type === 'page')
    .map((e) => (e.context?.page as { path?: string } | undefined)?.path);
