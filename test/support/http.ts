// Raw HTTP against a live server: any body, any auth style, the answer parsed when it is JSON.

export type Auth =
  { style: 'basic'; key: string } | { style: 'bearer'; key: string } | { style: 'none' };

export type Answer = {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
};

export type IngestAnswer = {
  accepted: number;
  duplicates: number;
  rejected: { index: number; messageId?: string; error: string }[];
};

export type ErrorEnvelope = {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
};

function authorization(auth: Auth): Record<string, string> {
  if (auth.style === 'basic') {
    return { Authorization: `Basic ${Buffer.from(`${auth.key}:`).toString('base64')}` };
  }
  if (auth.style === 'bearer') return { Authorization: `Bearer ${auth.key}` };
  return {};
}

/** Sends `body` (an object is JSON-encoded; a string goes as is) and reads the whole answer. */
export async function send(
  url: string,
  {
    method = 'POST',
    body,
    auth = { style: 'none' },
    contentType = 'application/json',
    headers = {},
  }: {
    method?: string;
    body?: unknown;
    auth?: Auth;
    contentType?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const payload =
    body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(url, {
    method,
    body: payload,
    headers: {
      ...(payload === undefined ? {} : { 'Content-Type': contentType }),
      ...authorization(auth),
      ...headers,
    },
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
