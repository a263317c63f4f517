// One error type for every expected failure; `onError` turns it into the CONTRACT.md envelope.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode, ErrorIssue } from '../contracts';
import { ERROR_CODES } from '../contracts';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.issues !== undefined) error.issues = this.issues;
    return { error };
  }
}

export const badRequest = (message: string, issues?: ErrorIssue[]) =>
  new ApiError(400, ERROR_CODES.invalidRequest, message, issues);

export const unauthorized = (message: string) =>
  new ApiError(401, ERROR_CODES.unauthorized, message);

export const notFound = (message: string) => new ApiError(404, ERROR_CODES.notFound, message);

export const payloadTooLarge = (message: string) =>
  new ApiError(413, ERROR_CODES.payloadTooLarge, message);
