// Transport: outbox (localStorage, capped) → batcher → POST /v1/batch, with retry and unload flush.
export { createTransport } from './transport';
export type { Transport, TransportDeps } from './transport';
export type { BatcherOptions } from './batcher';
export type { Message } from './message';
export { OUTBOX_KEYS } from './outbox';
