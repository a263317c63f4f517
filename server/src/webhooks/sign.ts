// Standard Webhooks signing (the scheme of Svix): the Svix and `standardwebhooks` libraries verify
// Onward's requests as they are. The HMAC key is the bytes that the part after `whsec_` encodes.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'whsec_';
/** Receivers reject timestamps further than this from their clock (replay protection). */
export const TOLERANCE_SECONDS = 5 * 60;

export function generateSecret(): string {
  return PREFIX + randomBytes(24).toString('base64');
}

const keyOf = (secret: string) =>
  Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');

/** `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>` */
export function sign(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The three headers of one attempt; the timestamp is the attempt's, the id the event's. */
export function signedHeaders(secret: string, id: string, nowMs: number, body: string): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': sign(secret, id, timestamp, body),
  };
}

/**
 * What a receiver does: recompute the signature over the raw body and compare in constant time.
 * `webhook-signature` may list several space-separated signatures (during a secret rotation).
 */
export function verify(
  secret: string,
  headers: { id?: string; timestamp?: string; signature?: string },
  body: string,
  nowMs: number = Date.now(),
): boolean {
  const { id, timestamp, signature } = headers;
  if (id === undefined || timestamp === undefined || signature === undefined) return false;
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds) || Math.abs(nowMs / 1000 - seconds) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(sign(secret, id, seconds, body));
  return signature.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
