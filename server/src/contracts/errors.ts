// The JSON error envelope every endpoint answers with (CONTRACT.md §3).
export type ErrorIssue = { path: string; message: string };

export type ErrorBody = {
  error: { code: string; message: string; issues?: ErrorIssue[] };
};

export const ERROR_CODES = {
  invalidRequest: 'invalid_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  payloadTooLarge: 'payload_too_large',
  rateLimited: 'rate_limited',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
