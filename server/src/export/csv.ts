// CSV export: RFC 4180 cells, safe to open in a spreadsheet, streamed page by page so a million
// rows never sit in memory (the next page is read only once the client took the previous one).
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import type { Logger } from '../http/on-error';

/** OWASP "CSV injection": a text cell starting with one of these is read as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: numbers and booleans as they are; text prefixed with `'` when a spreadsheet would read
 * it as a formula, then quoted when it holds a comma, quote or line break (quotes doubled).
 * @example csvCell('=1+1') // → "'=1+1"
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A record with its CRLF line ending. */
export const csvRow = (values: readonly unknown[]) => `${values.map(csvCell).join(',')}\r\n`;

/**
 * Streams `header` then every page `pages` yields. An error after the first byte can no longer
 * change the status: it is logged and the body ends early.
 */
export function csvResponse(c: Context, filename: string, header: readonly string[], pages: AsyncIterable<readonly (readonly unknown[])[]>, logger: Logger) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  c.header('Cache-Control', 'no-store');
  return stream(
    c,
    async (out) => {
      await out.write(csvRow(header));
      for await (const page of pages) {
        if (out.aborted) return;
        if (page.length > 0) await out.write(page.map(csvRow).join(''));
      }
    },
    async (error) => logger.error(`CSV export ${filename} failed`, error),
  );
}
