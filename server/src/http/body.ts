// Request bodies: JSON whatever the Content-Type (analytics.js sends text/plain), bounded in size.
import type { Context } from 'hono';
import { badRequest, payloadTooLarge } from './api-error';

export const MAX_REQUEST_BYTES = 500 * 1024;

/** Reads and parses the body; 413 over `limit` bytes, 400 when it is not JSON. */
export async function readJson(c: Context, limit = MAX_REQUEST_BYTES): Promise<{ value: unknown; bytes: number }> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  const tooLarge = () =>
    payloadTooLarge(`Request body exceeds ${limit / 1024} KB; send smaller batches`);
  if (declared > limit) throw tooLarge();
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > limit) throw tooLarge();
  const text = new TextDecoder().decode(buffer);
  if (text.trim() === '') throw badRequest('Request body is empty; expected JSON');
  try {
    return { value: JSON.parse(text), bytes: buffer.byteLength };
  } catch (error) {
    throw badRequest(`Request body is not valid JSON: ${(error as Error).message}`);
  }
}
