// The only place the dashboard touches the network: same-origin fetch with the session cookie,
// JSON both ways, the CSRF token on unsafe methods, and errors as ApiError.
import { networkError, toApiError, type ApiError } from './errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type ClientDeps = {
  fetch?: typeof fetch;
  /** Called on a 401 (session missing or expired) before the error is thrown. */
  onUnauthorized?: (error: ApiError) => void;
};

export type Client = ReturnType<typeof createClient>;

const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PUT', 'DELETE']);

export function createClient(deps: ClientDeps = {}) {
  let csrfToken: string | null = null;

  async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (UNSAFE.has(method) && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
    let response: Response;
    try {
      response = await (deps.fetch ?? fetch)(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw networkError(cause);
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // A proxy's HTML error page: fall through with the status text.
    }
    if (!response.ok) {
      const error = toApiError(response.status, response.statusText, parsed);
      if (response.status === 401) deps.onUnauthorized?.(error);
      throw error;
    }
    return parsed as T;
  }

  return {
    get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
    post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
    put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
    del: <T = void>(path: string) => request<T>('DELETE', path),
    /** The token the session answer carries; null after sign-out. */
    setCsrfToken(token: string | null) {
      csrfToken = token;
    },
  };
}

/** `{a: 1, b: undefined}` → `?a=1`; skips undefined and empty values. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
