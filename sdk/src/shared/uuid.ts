/** Fills `bytes` with random values. */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

/** crypto.getRandomValues where it exists; Math.random otherwise (old WebViews). */
export function getRandomBytes(bytes: Uint8Array): Uint8Array {
  const crypto = globalThis.crypto;
  if (crypto?.getRandomValues) return crypto.getRandomValues(bytes);
  return bytes.map(() => Math.random() * 256);
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, version 7, variant 10, then random bits.
 * Time-ordered ids keep the server's unique `messageId` index appending at its end.
 *
 * @example
 * uuidv7(Date.now()); // '0190a6f2-6b1c-7a3e-9d2f-1c4b5e6f7a8b'
 */
export function uuidv7(now: number, random: RandomBytes = getRandomBytes): string {
  let hex = Math.max(0, Math.floor(now)).toString(16).padStart(12, '0').slice(-12);
  random(new Uint8Array(10)).forEach((byte, i) => {
    // Byte 0 starts with the version nibble, byte 2 with the variant bits.
    const value = i === 0 ? (byte & 0x0f) | 0x70 : i === 2 ? (byte & 0x3f) | 0x80 : byte;
    hex += (value + 0x100).toString(16).slice(1);
  });
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
