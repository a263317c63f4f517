// Reading shipped files (the SDK build, the demo app) with an ETag, cached in memory.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export type StaticFile = { body: Uint8Array<ArrayBuffer>; etag: string; type: string };

/** A file name with no path in it: what a URL segment may name. */
export const isPlainName = (name: string) => /^[\w][\w.-]*$/.test(name) && !name.includes('..');

export function createFileReader() {
  const cache = new Map<string, { mtimeMs: number; file: StaticFile }>();

  /** The file at dir/name, or null when it does not exist. Re-read only when it changed on disk. */
  return async function read(dir: string, name: string): Promise<StaticFile | null> {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info === null || !info.isFile()) return null;
    const hit = cache.get(path);
    if (hit !== undefined && hit.mtimeMs === info.mtimeMs) return hit.file;
    const body = new Uint8Array(await readFile(path));
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const file = { body, etag, type: TYPES[extname(name)] ?? 'application/octet-stream' };
    cache.set(path, { mtimeMs: info.mtimeMs, file });
    return file;
  };
}

export type FileReader = ReturnType<typeof createFileReader>;
