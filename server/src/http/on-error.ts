// The app's single error handler and not-found handler: JSON always, never a stack trace.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ERROR_CODES } from '../contracts';
import { ApiError } from './api-error';

export type Logger = { error: (message: string, error?: unknown) => void; info: (message: string) => void };

export function createErrorHandler(logger: Logger): ErrorHandler {
  return (error: Error, c: Context) => {
    if (error instanceof ApiError) {
      return c.json(error.toBody(), error.status, error.headers);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status;
      return c.json({ error: { code: ERROR_CODES.invalidRequest, message: error.message } }, status);
    }
    const requestId = crypto.randomUUID();
    logger.error(`request ${requestId} ${c.req.method} ${c.req.path} failed`, error);
    return c.json(
      { error: { code: ERROR_CODES.internal, message: `Internal error (request ${requestId})` } },
      500,
    );
  };
}

export const notFoundHandler: NotFoundHandler = (c) =>
  c.json(
    { error: { code: ERROR_CODES.notFound, message: `No route for ${c.req.method} ${c.req.path}` } },
    404,
  );
