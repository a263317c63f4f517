// Query parameters of /v1/metrics/* (METRICS.md "Inputs"): from, to, asOf, segment, weeks.
import { z } from 'zod';
import { DAY_MS } from '../time';

/** ISO-8601 or epoch milliseconds, an integer (queries bind them as SQL integers). */
export const timeParam = z.union([
  z.string().regex(/^\d+$/, 'expected ISO-8601 or epoch milliseconds').transform(Number)
    .refine(Number.isSafeInteger, `epoch milliseconds must be at most ${Number.MAX_SAFE_INTEGER}`),
  z.iso.datetime({ offset: true }).or(z.iso.date()).transform((s) => Date.parse(s)),
]);

export const metricQuerySchema = z
  .strictObject({
    from: timeParam.optional(),
    to: timeParam.optional(),
    asOf: timeParam.optional(),
    segment: z.string().trim().min(1).optional(),
    weeks: z.coerce.number().int().min(1).max(52).default(8),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: 'from must be before to', path: ['from'] });

export type MetricQuery = {
  from: number;
  to: number;
  asOf: number;
  segment: string | null;
  weeks: number;
};

/** Defaults: asOf = now, to = asOf, from = 30 days before to. */
export function resolveQuery(input: z.output<typeof metricQuerySchema>, now: number): MetricQuery {
  const asOf = input.asOf ?? now;
  const to = input.to ?? asOf;
  const from = input.from ?? to - 30 * DAY_MS;
  return { from, to, asOf, segment: input.segment ?? null, weeks: input.weeks };
}

/** The query as the response echoes it. */
export const echo = (q: MetricQuery) => ({
  from: new Date(q.from).toISOString(),
  to: new Date(q.to).toISOString(),
  asOf: new Date(q.asOf).toISOString(),
  segment: q.segment,
});
