export * from './messages';
export * from './errors';
export * from './audience';
export * from './flows';
export * from './settings';
export * from './webhooks';
export * from './responses';
