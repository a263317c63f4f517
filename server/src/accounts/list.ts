// GET /v1/accounts query: filters, sort and pagination over the scored accounts (pure functions).
import { z } from 'zod';
import { STAGES } from '../contracts/audience';
import { badRequest } from '../http/api-error';
import { timeParam } from '../metrics/params';
import { RISK_FLAGS } from '../contracts/responses';
import type { ListedAccount } from './score';

export const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
/** `a,b` or a single value. */
const listOf = <T extends z.ZodType<unknown, string>>(item: T) => z.string().transform((s) => s.split(',').map((x) => x.trim())).pipe(z.array(item).min(1));

export const SORT_KEYS = ['health', 'activeUsers', 'users', 'mrr', 'name', 'seats'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The filters (and sort) shared by the JSON list and the CSV export. */
export const accountFiltersSchema = z.strictObject({
  asOf: timeParam.optional(),
  // Accepted so a metrics query string can be reused as is; the account scores need no period.
  from: timeParam.optional(),
  to: timeParam.optional(),
  segment: z.string().trim().min(1).optional(),
  stage: listOf(z.enum(STAGES)).optional(),
  expansion: boolParam.optional(),
  risk: listOf(z.enum(RISK_FLAGS)).optional(),
  minHealth: z.coerce.number().min(0).max(100).optional(),
  maxHealth: z.coerce.number().min(0).max(100).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(SORT_KEYS).default('health'),
  order: z.enum(['asc', 'desc']).optional(),
});
export type AccountFilters = z.output<typeof accountFiltersSchema>;

export const accountQuerySchema = accountFiltersSchema
  .extend({
    limit: z.coerce.number().int().min(1).max(1000).default(50),
    offset: z.coerce.number().int().min(0).optional(),
    cursor: z.string().min(1).max(2000).optional(),
  })
  .refine((q) => q.offset === undefined || q.cursor === undefined, { message: 'use either offset or cursor', path: ['cursor'] });
export type AccountQuery = z.output<typeof accountQuerySchema>;

export function matches(a: ListedAccount, q: AccountFilters): boolean {
  if (q.segment !== undefined && a.segment !== q.segment) return false;
  if (q.stage !== undefined && (a.stage === null || !q.stage.includes(a.stage))) return false;
  if (q.expansion !== undefined && a.expansion !== q.expansion) return false;
  if (q.risk !== undefined && !q.risk.some((r) => a.risk.includes(r))) return false;
  if (q.minHealth !== undefined && a.health < q.minHealth) return false;
  if (q.maxHealth !== undefined && a.health > q.maxHealth) return false;
  if (q.q !== undefined) {
    const needle = q.q.toLowerCase();
    if (!a.id.toLowerCase().includes(needle) && !(a.name ?? '').toLowerCase().includes(needle)) return false;
  }
  return true;
}

type SortValue = number | string | null;
const valueOf = (a: Pick<ListedAccount, SortKey>, key: SortKey): SortValue => a[key];

/** Ascending or descending by the key; nulls last either way; ties by id ascending. */
function compareBy(key: SortKey, order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  return (a: { v: SortValue; id: string }, b: { v: SortValue; id: string }) => {
    if (a.v !== b.v) {
      if (a.v === null) return 1;
      if (b.v === null) return -1;
      const c = key === 'name' ? String(a.v).localeCompare(String(b.v)) : Number(a.v) - Number(b.v);
      if (c !== 0) return sign * c;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

type Cursor = { s: SortKey; o: 'asc' | 'desc'; v: SortValue; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(raw: string, sort: SortKey, order: 'asc' | 'desc'): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (c.s === sort && c.o === order && typeof c.id === 'string') return c;
  } catch {
    // falls through to the 400
  }
  throw badRequest('Invalid cursor: pass the nextCursor of the previous page with the same sort and order', [{ path: 'cursor', message: 'invalid cursor' }]);
}

/** Name sorts A→Z by default, numbers highest first except health (riskiest first). */
export const orderOf = (q: AccountFilters) => q.order ?? (q.sort === 'name' || q.sort === 'health' ? 'asc' : 'desc');

type Keyed = { v: SortValue; id: string; a: ListedAccount };

function sortedRows(all: readonly ListedAccount[], q: AccountFilters): Keyed[] {
  const rows = all.filter((a) => matches(a, q)).map((a) => ({ v: valueOf(a, q.sort), id: a.id, a }));
  return rows.sort(compareBy(q.sort, orderOf(q)));
}

/** The filtered accounts in the requested order (the CSV export). */
export const selectAccounts = (all: readonly ListedAccount[], q: AccountFilters) => sortedRows(all, q).map((r) => r.a);

/** One page of the filtered, sorted accounts; nextCursor continues after its last row (keyset). */
export function pageOf(all: readonly ListedAccount[], q: AccountQuery) {
  const order = orderOf(q);
  const cmp = compareBy(q.sort, order);
  const rows = sortedRows(all, q);
  let start = q.offset ?? 0;
  if (q.cursor !== undefined) {
    const c = decode(q.cursor, q.sort, order);
    const after = rows.findIndex((r) => cmp(r, c) > 0);
    start = after === -1 ? rows.length : after;
  }
  const page = rows.slice(start, start + q.limit);
  const last = page.at(-1);
  const more = start + page.length < rows.length && last !== undefined;
  return {
    accounts: page.map((r) => r.a),
    total: rows.length,
    nextCursor: more ? encode({ s: q.sort, o: order, v: last.v, id: last.id }) : null,
  };
}
