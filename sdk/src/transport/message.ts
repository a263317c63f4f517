// The wire shape the transport carries, checked against the server's contract at compile time.
import type { MessageInput } from '@onward/server/contracts';

/** A Segment message as the SDK builds it: always with an id, a time and an anonymous id. */
export type Message = MessageInput & {
  messageId: string;
  timestamp: string;
  anonymousId: string;
  context: Record<string, unknown>;
};

/** Byte length of `text` in UTF-8, without TextEncoder (missing in some old WebViews). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 2 UTF-16 units and 4 UTF-8 bytes: 2 counted per unit.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  return bytes;
}
