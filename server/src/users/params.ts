// Query parameters of GET /v1/users and /v1/users.csv, also read by the API reference.
import { z } from 'zod';
import { boolParam } from '../accounts/list';
import { timeParam } from '../metrics/params';

const before = (a: number | undefined, b: number | undefined) => a === undefined || b === undefined || a < b;
const ms = z.coerce.number().int().min(0);

// Users are judged now: their rollup row holds the current lastSeen, start and account. The
// start, TTV, retention-week and return filters select the users behind a figure of the metrics.
export const filtersSchema = z
  .strictObject({
    account: z.string().min(1).optional(),
    segment: z.string().trim().min(1).optional(),
    activated: boolParam.optional(),
    dormant: boolParam.optional(),
    startFrom: timeParam.optional(),
    startTo: timeParam.optional(),
    reached: boolParam.optional(),
    ttvFromMs: ms.optional(),
    ttvToMs: ms.optional(),
    retainedWeek: z.coerce.number().int().min(0).max(61).optional(),
    returnedFrom: timeParam.optional(),
    returnedTo: timeParam.optional(),
  })
  .refine((q) => before(q.startFrom, q.startTo), { message: 'startFrom must be before startTo', path: ['startFrom'] })
  .refine((q) => before(q.ttvFromMs, q.ttvToMs), { message: 'ttvFromMs must be below ttvToMs', path: ['ttvFromMs'] })
  .refine((q) => before(q.returnedFrom, q.returnedTo), { message: 'returnedFrom must be before returnedTo', path: ['returnedFrom'] });
export const pageSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  cursor: z.string().min(1).max(2000).optional(),
});
