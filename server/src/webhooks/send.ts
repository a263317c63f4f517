// One HTTP attempt of one delivery: signed POST with a timeout; the answer as a result value.
import type { AttemptResult } from './queue';
import { signedHeaders } from './sign';

export type SendRequest = {
  url: string;
  secret: string;
  messageId: string;
  payload: string;
  now: number;
  timeoutMs: number;
  /** Aborts the request when the server stops. */
  signal?: AbortSignal;
};
export type SendResult = AttemptResult & { ok: boolean };

const MAX_ERROR_CHARS = 500;

/** Posts the body; 2xx is success, anything else (3xx included, as Standard Webhooks says) is a failure. */
export async function send(request: SendRequest, fetchImpl: typeof fetch = fetch): Promise<SendResult> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  try {
    const res = await fetchImpl(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Onward-Webhooks/1',
        ...signedHeaders(request.secret, request.messageId, request.now, request.payload),
      },
      body: request.payload,
      redirect: 'manual',
      signal: request.signal === undefined ? timeout : AbortSignal.any([timeout, request.signal]),
    });
    const ok = res.status >= 200 && res.status < 300;
    const text = await readStart(res, ok ? 0 : 200);
    return { ok, statusCode: res.status, error: ok ? null : `HTTP ${res.status}${text === '' ? '' : `: ${text}`}` };
  } catch (error) {
    const e = error as Error;
    const message = timeout.aborted ? `timed out after ${request.timeoutMs} ms` : describe(e);
    return { ok: false, statusCode: null, error: message.slice(0, MAX_ERROR_CHARS) };
  }
}

/** The start of a response body, for the delivery log; the rest is discarded unread. */
async function readStart(res: Response, chars: number): Promise<string> {
  const reader = res.body?.getReader();
  if (reader === undefined) return '';
  try {
    const first = chars > 0 ? await reader.read() : { value: undefined };
    return new TextDecoder().decode(first.value).slice(0, chars).trim();
  } catch {
    return '';
  } finally {
    void reader.cancel().catch(() => {});
  }
}

/** undici says "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND…) in `cause`. */
function describe(error: Error): string {
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? error.message;
}
