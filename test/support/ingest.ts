// Ingestion calls and what they stored, for the contract specs.
import { expect } from '@playwright/test';
import type { WireMessage } from '../fixtures/messages';
import type { TestServer } from './server';
import { send, type Auth, type ErrorEnvelope } from './http';

/** POST /v1/batch with `messages`; the write key as Basic user name unless `auth` says otherwise. */
export function postBatch(server: TestServer, messages: WireMessage[], auth?: Auth) {
  return send(`${server.url}/v1/batch`, {
    body: { batch: messages },
    auth: auth ?? { style: 'basic', key: server.writeKey },
  });
}

/** The `events` rows of these messageIds, in arrival order. */
export async function rowsFor(server: TestServer, messageIds: unknown[]) {
  const ids = messageIds.map(String);
  return server.query(
    `SELECT * FROM events WHERE message_id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
    ids,
  );
}

/** The single-message endpoints take the type from the path. */
export function withoutType(message: WireMessage): WireMessage {
  return { ...message, type: undefined };
}

/** Asserts the CONTRACT.md error envelope with `code` and a message. */
export function expectEnvelope(json: unknown, code: string): ErrorEnvelope {
  const envelope = json as ErrorEnvelope;
  expect(envelope?.error?.code).toBe(code);
  expect(typeof envelope.error.message).toBe('string');
  expect(envelope.error.message.length).toBeGreaterThan(0);
  return envelope;
}
