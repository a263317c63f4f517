// Ingestion (CONTRACT.md §3): /v1/batch and the single-message Segment endpoints.
// Stage: SDK or Segment client → validate → group-commit writer → events + rollups.
import { Hono } from 'hono';
import type { IngestResult } from '../contracts';
import type { WorkspaceStore } from '../auth/workspaces';
import { isVerified } from '../auth/identity';
import type { SettingsStore } from '../settings/store';
import { ApiError, badRequest, payloadTooLarge } from '../http/api-error';
import { workspaceForKey } from '../http/key-auth';
import { readJson } from '../http/body';
import type { RateLimiter } from '../http/rate-limit';
import { keyFromBody, keyFromHeader } from '../http/write-key';
import { rowBlock } from './store';
import { MAX_MESSAGE_BYTES, validateMessages } from './validate';
import type { IngestWriter } from './writer';

export type IngestDeps = {
  workspaces: WorkspaceStore;
  settings: SettingsStore;
  writer: IngestWriter;
  rateLimiter: RateLimiter;
  now: () => number;
};

const SINGLE_TYPES = ['track', 'identify', 'group', 'page', 'screen', 'alias'] as const;

export function ingestRoutes({ workspaces, settings, writer, rateLimiter, now }: IngestDeps) {
  const app = new Hono();

  async function ingest(
    authorization: string | undefined,
    body: unknown,
    messages: readonly unknown[],
    checkSize: boolean,
  ): Promise<IngestResult> {
    const key = keyFromHeader(authorization) ?? keyFromBody(body);
    const found = await workspaceForKey(workspaces, key);
    const wait = rateLimiter.take(found.workspace.writeKey);
    if (wait !== null) {
      throw new ApiError(429, 'rate_limited', `Over the ingest rate limit; retry in ${wait} s`, undefined, {
        'Retry-After': String(wait),
      });
    }
    const workspace = found.workspace;
    // Backends holding the secret key are trusted; browsers must prove who they identify.
    const verify =
      found.kind === 'write' && (await settings.get(workspace.id)).identityVerification
        ? (userId: string, hash: unknown) => isVerified(workspace.identitySecret, userId, typeof hash === 'string' ? hash : null)
        : undefined;
    const { rows, rejected } = validateMessages(messages, now(), checkSize, verify);
    const { accepted, duplicates } = await writer.write(rowBlock(workspace.id, rows));
    return { accepted, duplicates, rejected };
  }

  app.post('/batch', async (c) => {
    const { value: body, bytes } = await readJson(c);
    const batch = (body as { batch?: unknown } | null)?.batch;
    if (!Array.isArray(batch)) {
      throw badRequest('Expected a JSON object with a "batch" array', [
        { path: 'batch', message: 'must be an array of messages' },
      ]);
    }
    return c.json(await ingest(c.req.header('authorization'), body, batch, bytes > MAX_MESSAGE_BYTES));
  });

  for (const type of SINGLE_TYPES) {
    app.post(`/${type}`, async (c) => {
      const { value: body, bytes } = await readJson(c);
      if (bytes > MAX_MESSAGE_BYTES) {
        throw payloadTooLarge(`A single message may be at most 32 KB; this one is ${bytes} bytes`);
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw badRequest('Expected a JSON object (one message)');
      }
      const message = { ...body, type };
      return c.json(await ingest(c.req.header('authorization'), body, [message], false));
    });
  }

  return app;
}
