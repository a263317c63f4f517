// What a page tried to send to /v1/batch: every request body (fetch or beacon), and how it ended.
import type { Page, Request } from '@playwright/test';

export type CapturedMessage = {
  type?: string;
  messageId?: string;
  event?: string;
  name?: string;
  userId?: string;
  anonymousId?: string;
  groupId?: string;
  traits?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  context?: Record<string, unknown>;
  [key: string]: unknown;
};

export type CapturedBatch = {
  url: string;
  contentType: string | undefined;
  body: { batch?: CapturedMessage[]; writeKey?: string; sentAt?: unknown } | null;
  /** HTTP status, 'failed' (network error) or 'pending'. */
  outcome: number | 'failed' | 'pending';
};

export type BatchCapture = {
  batches: () => CapturedBatch[];
  /** Every message of every attempt, retries included. */
  messages: () => CapturedMessage[];
  /** Distinct messageIds the page tried to send. */
  messageIds: () => Set<string>;
  stop: () => void;
};

function parse(request: Request): CapturedBatch['body'] {
  const text = request.postData();
  if (text === null) return null;
  try {
    return JSON.parse(text) as CapturedBatch['body'];
  } catch {
    return null;
  }
}

/** Starts recording POST /v1/batch requests made by `page` (and its frames). */
export function captureBatches(page: Page): BatchCapture {
  const captured = new Map<Request, CapturedBatch>();
  const onRequest = (request: Request) => {
    if (request.method() !== 'POST' || !new URL(request.url()).pathname.endsWith('/v1/batch'))
      return;
    captured.set(request, {
      url: request.url(),
      contentType: request.headers()['content-type'],
      body: parse(request),
      outcome: 'pending',
    });
  };
  const onFinished = (request: Request) => {
    const entry = captured.get(request);
    if (entry === undefined) return;
    void request
      .response()
      .then((response) => (entry.outcome = response?.status() ?? 'failed'))
      .catch(() => (entry.outcome = 'failed'));
  };
  const onFailed = (request: Request) => {
    const entry = captured.get(request);
    if (entry !== undefined) entry.outcome = 'failed';
  };
  page.on('request', onRequest);
  page.on('requestfinished', onFinished);
  page.on('requestfailed', onFailed);

  const batches = () => [...captured.values()];
  const messages = () => batches().flatMap((b) => b.body?.batch ?? []);
  return {
    batches,
    messages,
    messageIds: () =>
      new Set(messages().flatMap((m) => (typeof m.messageId === 'string' ? [m.messageId] : []))),
    stop() {
      page.off('request', onRequest);
      page.off('requestfinished', onFinished);
      page.off('requestfailed', onFailed);
    },
  };
}
