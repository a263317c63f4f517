// CORS for /v1: browsers on a vendor's origin call ingestion and bootstrap; no credentials, ever.
// Not hono/cors: it sets its headers on c.res, which on @hono/node-server builds a full web
// Response for every request (and another when the handler's answer replaces it). Measured on
// bench:ingest, that was a fifth of the HTTP thread's time per event. Headers set with c.header()
// before next() are part of the answer built by c.json/c.body/c.text, as every /v1 route answers.
import type { MiddlewareHandler } from 'hono';

const PREFLIGHT = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET,POST,PUT,DELETE,OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type,Authorization',
  'Access-Control-Max-Age': '86400',
};

export const cors: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'OPTIONS') return c.body(null, 204, PREFLIGHT);
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Access-Control-Expose-Headers', 'Retry-After');
  return next();
};
