import { ApiError } from '../api/errors';

/**
 * The form-level message for an error: nothing when a field already shows it, the API's message
 * otherwise, and `fallback` for a 401 (wrong credentials say nothing about which field).
 */
export function formMessage(error: unknown, fields: readonly string[], fallback: string): string | undefined {
  if (error === null || error === undefined) return undefined;
  if (!(error instanceof ApiError)) return fallback;
  if (error.status === 401) return fallback;
  if (error.issues.length > 0 && error.issues.every((i) => fields.some((f) => i.path === f || i.path.startsWith(`${f}.`)))) return undefined;
  return error.message;
}
