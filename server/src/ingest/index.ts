export { ingestRoutes, type IngestDeps } from './routes';
export { createIngestWriter, type IngestWriter } from './writer';
export { createLocalCommit, type Commit } from './commit';
export { createWorkerWriter } from './worker-writer';
