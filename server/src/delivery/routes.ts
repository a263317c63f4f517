// SDK delivery: the script-tag bundle (and, later, its lazy chunks and the bootstrap endpoint).
import { Hono } from 'hono';
import { ApiError } from '../http/api-error';
import type { FileReader } from '../web/static-file';

export type DeliveryDeps = { sdkDir: string; readFile: FileReader };

export function deliveryRoutes({ sdkDir, readFile }: DeliveryDeps) {
  const app = new Hono();

  app.get('/sdk.js', async (c) => {
    const file = await readFile(sdkDir, 'sdk.js');
    if (file === null) {
      throw new ApiError(503, 'internal_error', 'The SDK is not built yet: run `npm start` (or `pnpm build`)');
    }
    // The URL carries no version, so browsers revalidate after five minutes (cheap: ETag → 304).
    const headers = {
      'Content-Type': file.type,
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=86400',
      ETag: file.etag,
      'Access-Control-Allow-Origin': '*',
    };
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers);
    return c.body(file.body, 200, headers);
  });

  return app;
}
