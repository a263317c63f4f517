// bench:metrics baseline: the ingested messages in DuckDB, and METRICS.md's TTV and retention as SQL
// over the raw events (full scans, no rollups). The CSV copy is written while ingesting; DuckDB's
// parallel CSV reader loads it faster than its appender (see README "Benchmarks").
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Message } from './metrics-data';

const WEEK_MS = 7 * 86_400_000;
const CREATE = `CREATE TABLE events (message_id VARCHAR, type VARCHAR, event VARCHAR, user_id VARCHAR, anonymous_id VARCHAR,
  group_id VARCHAR, ts BIGINT, properties VARCHAR, traits VARCHAR, context VARCHAR)`;

const quote = (v: string | undefined) => (v === undefined ? '' : `"${v.replaceAll('"', '""')}"`);
const json = (v: object | undefined) => (v === undefined ? '' : quote(JSON.stringify(v)));

export function row(m: Message): string {
  return [quote(m.messageId), quote(m.type), quote(m.event), quote(m.userId), quote(m.anonymousId), quote(m.groupId), String(Date.parse(m.timestamp)), json(m.properties), json(m.traits), json(m.context)].join(',');
}

/** Appends batches to a CSV file (an empty field is NULL), respecting the stream's backpressure. */
export function createCsvSink(path: string) {
  const out = createWriteStream(path);
  return {
    async write(batch: Message[]) {
      if (!out.write(batch.map(row).join('\n') + '\n')) await once(out, 'drain');
    },
    async close() {
      out.end();
      await once(out, 'finish');
    },
  };
}

export async function openDuckDb(path: string) {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run(CREATE);
  return {
    connection,
    /** COPY from the CSV; returns the rows loaded and the seconds it took. */
    async loadCsv(csv: string): Promise<{ rows: number; seconds: number }> {
      const started = performance.now();
      await connection.run(`COPY events FROM '${csv.replaceAll("'", "''")}' (FORMAT csv, HEADER false, QUOTE '"', ESCAPE '"', NULLSTR '')`);
      await connection.run('CHECKPOINT');
      const seconds = (performance.now() - started) / 1000;
      const rows = Number((await connection.runAndReadAll('SELECT count(*) AS n FROM events')).getRowObjects()[0]?.n);
      return { rows, seconds };
    },
    bytes: () => statSync(path).size + (statSync(`${path}.wal`, { throwIfNoEntry: false })?.size ?? 0),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export type Window = { from: number; to: number; asOf: number; weeks: number; valueEvent: string };

/** Per user at asOf: start = the latest valid createdAt, else first activity; and first value event. */
function users(w: Window): string {
  const created = `epoch_ms(TRY_CAST(json_extract_string(traits, '$.createdAt') AS TIMESTAMPTZ))`;
  return `scoped AS (SELECT type, event, user_id, ts, traits FROM events WHERE ts <= ${w.asOf} AND user_id IS NOT NULL),
  per_user AS (
    SELECT user_id,
      arg_max(${created}, ts) FILTER (WHERE type = 'identify' AND ${created} IS NOT NULL) AS created_at,
      min(ts) FILTER (WHERE type IN ('track', 'page')) AS first_activity,
      min(ts) FILTER (WHERE type = 'track' AND event = '${w.valueEvent.replaceAll("'", "''")}') AS value_at
    FROM scoped GROUP BY user_id),
  cohort AS (
    SELECT user_id, coalesce(created_at, first_activity) AS start, value_at FROM per_user
    WHERE coalesce(created_at, first_activity) >= ${w.from} AND coalesce(created_at, first_activity) < ${w.to})`;
}

/** METRICS.md `ttv`: users, reached, nearest-rank median and p90 of max(0, valueAt − start). */
export function ttvSql(w: Window): string {
  return `WITH ${users(w)},
  sorted AS (SELECT list_sort(list(greatest(0, value_at - start)) FILTER (WHERE value_at IS NOT NULL)) AS l, count(*) AS n FROM cohort)
  SELECT n AS users, len(l) AS reached,
    CASE WHEN len(l) > 0 THEN l[ceil(0.5 * len(l))::BIGINT] END AS median_ms,
    CASE WHEN len(l) > 0 THEN l[ceil(0.9 * len(l))::BIGINT] END AS p90_ms
  FROM sorted`;
}

/** METRICS.md `retention`: cohorts by start week (Monday, UTC); null where a week has not ended for all. */
export function retentionSql(w: Window): string {
  return `WITH ${users(w)},
  weekly AS (SELECT user_id, start, strftime(date_trunc('week', epoch_ms(start)), '%Y-%m-%d') AS week FROM cohort),
  cohorts AS (SELECT week, count(*) AS size, max(start) AS last_start FROM weekly GROUP BY week),
  hits AS (
    SELECT DISTINCT c.week, c.user_id, (e.ts - c.start) // ${WEEK_MS} AS k
    FROM scoped e JOIN weekly c USING (user_id)
    WHERE e.type IN ('track', 'page') AND e.ts >= c.start AND e.ts < c.start + ${w.weeks * WEEK_MS}),
  counts AS (SELECT week, k, count(*) AS n FROM hits GROUP BY week, k)
  SELECT c.week, c.size,
    list(CASE WHEN c.last_start + (r.k + 1) * ${WEEK_MS} <= ${w.asOf} THEN coalesce(n.n, 0) END ORDER BY r.k) AS retained
  FROM cohorts c CROSS JOIN range(0, ${w.weeks}) r(k) LEFT JOIN counts n ON n.week = c.week AND n.k = r.k
  GROUP BY c.week, c.size ORDER BY c.week`;
}

export type TtvAnswer = { users: number; reached: number; medianMs: number | null; p90Ms: number | null };
export type RetentionAnswer = { week: string; size: number; retained: (number | null)[] }[];

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function ttv(connection: DuckDBConnection, w: Window): Promise<TtvAnswer> {
  const r = (await connection.runAndReadAll(ttvSql(w))).getRowObjects()[0] ?? {};
  return { users: Number(r.users ?? 0), reached: Number(r.reached ?? 0), medianMs: num(r.median_ms), p90Ms: num(r.p90_ms) };
}

export async function retention(connection: DuckDBConnection, w: Window): Promise<RetentionAnswer> {
  const rows = (await connection.runAndReadAll(retentionSql(w))).getRowObjectsJS();
  return rows.map((r) => ({ week: String(r.week), size: Number(r.size), retained: (r.retained as unknown[]).map(num) }));
}
