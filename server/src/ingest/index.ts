export { ingestRoutes, type IngestDeps } from './routes';
export { createIngestWriter, type IngestWriter } from './writer';
