// Numbers, dates and durations in the reader's locale (Intl); `—` for what is not known.
import type { Locale } from './translate';

const DASH = '—';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function createFormat(locale: Locale) {
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const monthDay = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  const utcDay = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const units = (value: number, unit: Intl.NumberFormatOptions['unit']) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  const toDate = (t: string | number) => new Date(t);

  return {
    number: (n: number | null | undefined) => (n === null || n === undefined ? DASH : number.format(n)),
    percent: (share: number | null | undefined) => (share === null || share === undefined ? DASH : percent.format(share)),
    dateTime: (t: string | number | null | undefined) => (t === null || t === undefined ? DASH : dateTime.format(toDate(t))),
    date: (t: string | number | null | undefined) => (t === null || t === undefined ? DASH : date.format(toDate(t))),
    time: (t: string | number) => time.format(toDate(t)),
    /** "Sep 20": short enough for a chart's time axis. */
    monthDay: (t: string | number) => monthDay.format(toDate(t)),
    /** A UTC day of the rollups (`2026-11-02`), named as that day wherever the reader is. */
    day: (day: string) => utcDay.format(new Date(`${day}T00:00:00Z`)),
    /** "3 min ago", "yesterday"; against `now` so tests are stable. */
    ago(t: string | number | null | undefined, now = Date.now()): string {
      if (t === null || t === undefined) return DASH;
      const diff = toDate(t).getTime() - now;
      const abs = Math.abs(diff);
      if (abs < MINUTE) return relative.format(Math.round(diff / 1000), 'second');
      if (abs < HOUR) return relative.format(Math.round(diff / MINUTE), 'minute');
      if (abs < DAY) return relative.format(Math.round(diff / HOUR), 'hour');
      return relative.format(Math.round(diff / DAY), 'day');
    },
    /** A duration the way people say it: 45 min, 5.5 hr, 3 days. */
    duration(ms: number | null | undefined): string {
      if (ms === null || ms === undefined) return DASH;
      if (ms < HOUR) return units(Math.round(ms / MINUTE), 'minute');
      if (ms < 2 * DAY) return units(ms / HOUR, 'hour');
      return units(ms / DAY, 'day');
    },
  };
}

export type Format = ReturnType<typeof createFormat>;

/** ISO text for a `<time dateTime>`; empty when the value is not a date. */
export function isoOf(t: string | number): string {
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
