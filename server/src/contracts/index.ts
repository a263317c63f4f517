export * from './messages';
export * from './errors';
