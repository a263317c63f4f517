// Pure helpers of the Analytics page: the date range in the URL, weekly buckets and sample points
// bounded in number (each is one API call), human durations, and links to the users behind a figure.
import type { UserFilters } from '../../api/admin';
import type { MetricFilter } from '../../api/metrics';
import { query } from '../../api/client';

export const DAY = 86_400_000;
export const WEEK = 7 * DAY;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** UTC day text `2026-01-05` ↔ epoch ms at 00:00 UTC. */
export const dayText = (t: number) => new Date(t).toISOString().slice(0, 10);
export const dayStart = (text: string) => Date.parse(`${text}T00:00:00Z`);
const isDay = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(dayStart(v));

/** The Monday (UTC) of the week holding t; day 0 was a Thursday. */
export function mondayOf(t: number): number {
  const day = Math.floor(t / DAY);
  return (day - ((day + 3) % 7)) * DAY;
}

/** The page's filters: an inclusive UTC day range and an optional segment. */
export type Filters = { from: string; to: string; segment: string };

/** Twelve whole weeks up to today: this week's Monday minus 11 weeks … today. */
export function defaultFilters(now: number): Filters {
  return { from: dayText(mondayOf(now) - 11 * WEEK), to: dayText(now), segment: '' };
}

/** Filters from the hash query (`#/analytics?from=…&to=…&segment=…`), defaults for what is missing or wrong. */
export function filtersFromHash(hash: string, now: number): Filters {
  const fallback = defaultFilters(now);
  const search = new URLSearchParams(hash.split('?')[1] ?? '');
  const from = search.get('from');
  const to = search.get('to');
  const range = isDay(from) && isDay(to) && dayStart(from) <= dayStart(to) ? { from, to } : { from: fallback.from, to: fallback.to };
  return { ...range, segment: search.get('segment') ?? '' };
}

export const hashOfFilters = (path: string, f: Filters) => `#${path}${query({ from: f.from, to: f.to, segment: f.segment })}`;

/** The half-open epoch range [from, to) the API reads: the `to` day is included. */
export const rangeOf = (f: Filters) => ({ from: dayStart(f.from), to: dayStart(f.to) + DAY });

export type Bucket = { from: number; to: number };

/**
 * [from, to) cut at Mondays into weekly buckets; when that would be more than `max` calls, each
 * bucket spans several whole weeks. The first and last may be partial weeks.
 */
export function weeklyBuckets(from: number, to: number, max = 13): Bucket[] {
  const firstMonday = mondayOf(from);
  const weeks = Math.ceil((to - firstMonday) / WEEK);
  const span = Math.max(1, Math.ceil(weeks / max)) * WEEK;
  const buckets: Bucket[] = [];
  for (let start = firstMonday; start < to; start += span) buckets.push({ from: Math.max(from, start), to: Math.min(to, start + span) });
  return buckets;
}

/** Up to `max` evenly spaced evaluation moments in (from, end], the last one exactly `end`. */
export function samplePoints(from: number, end: number, max = 12): number[] {
  if (end <= from) return [end];
  const days = Math.max(1, Math.round((end - from) / DAY));
  const n = Math.min(max, days);
  return Array.from({ length: n }, (_, i) => Math.round(end - ((n - 1 - i) * (end - from)) / n));
}

export type DurationUnits = { d: (n: string) => string; h: (n: string) => string; min: (n: string) => string; lessThanMinute: string };

/** "2 d 4 h", "5 h 30 min", "45 min": the two largest units, each whole, numbers in the locale. */
export function humanDuration(ms: number | null | undefined, units: DurationUnits, number: (n: number) => string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < MINUTE) return ms <= 0 ? units.min(number(0)) : units.lessThanMinute;
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${units.d(number(days))} ${units.h(number(hours))}` : units.d(number(days));
  if (hours > 0) return minutes > 0 ? `${units.h(number(hours))} ${units.min(number(minutes))}` : units.h(number(hours));
  return units.min(number(minutes));
}

/** The users of a metric query's cohort: start in [from, to), in the segment. */
export const cohortOf = (f: MetricFilter): UserFilters => ({ segment: f.segment, startFrom: f.from, startTo: f.to });

/** Link to the Users page with filters of GET /v1/users: the users behind a figure. */
export function usersLink(filters: UserFilters): string {
  return `#/users${query(filters)}`;
}
