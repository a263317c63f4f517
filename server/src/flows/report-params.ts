// Query of GET /v1/flows/:id/report (METRICS.md "Flows"): the period [from, to) of flow events.
import { z } from 'zod';
import { badRequest } from '../http/api-error';
import { timeParam } from '../metrics/params';
import { DAY_MS } from '../time';

/** Times as in /v1/metrics. */
export const reportQuerySchema = z.strictObject({ from: timeParam.optional(), to: timeParam.optional() });

export type ReportWindow = { from: number; to: number; asOf: number };

/** How far back `from` goes by default. */
export const DEFAULT_DAYS = 90;

/**
 * to = now; from = the later of the UTC day the flow was created and 90 days before `to` (the day,
 * not the instant, so a client clock a little behind cannot drop the first starts). asOf = now.
 */
export function resolveWindow(input: z.output<typeof reportQuerySchema>, flowCreatedAt: number, now: number): ReportWindow {
  const to = input.to ?? now;
  const earliest = to - DEFAULT_DAYS * DAY_MS;
  const created = Math.floor(flowCreatedAt / DAY_MS) * DAY_MS;
  const from = input.from ?? (created < to ? Math.max(created, earliest) : earliest);
  if (from >= to) throw badRequest('Invalid query: from: must be before to', [{ path: 'from', message: `must be before to (${new Date(to).toISOString()})` }]);
  return { from, to, asOf: now };
}
