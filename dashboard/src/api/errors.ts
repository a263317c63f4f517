// The CONTRACT.md error envelope as one typed error: forms look up `issues` by field path.
import type { ErrorBody, ErrorIssue } from '@onward/server/contracts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ErrorIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The first message for this field path (`activation.windowDays`), or for a child of it. */
  issueAt(path: string): string | undefined {
    const exact = this.issues.find((i) => i.path === path);
    return (exact ?? this.issues.find((i) => i.path.startsWith(`${path}.`)))?.message;
  }
}

const isErrorBody = (body: unknown): body is ErrorBody =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as { error?: { message?: unknown } }).error?.message === 'string';

/** Builds the ApiError for a non-2xx answer; bodies that are not the envelope keep the status text. */
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  if (!isErrorBody(body)) return new ApiError(status, status >= 500 ? 'internal_error' : 'http_error', statusText || `HTTP ${status}`);
  const { code, message, issues } = body.error;
  return new ApiError(status, code, message, Array.isArray(issues) ? issues : []);
}

/** A network failure (offline, server down) in the same shape, so screens have one error path. */
export const networkError = (cause: unknown) =>
  new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));

/** Field message for a form: the API issue at `path` when the error is an ApiError. */
export const fieldError = (error: unknown, path: string): string | undefined =>
  error instanceof ApiError ? error.issueAt(path) : undefined;
