// pnpm bench:metrics — realistic users, accounts and events ingested through POST /v1/batch into a real
// server, then the latency of every metrics endpoint and /v1/accounts, beside DuckDB answering TTV and
// retention by full scans of the same events; both answers must agree (METRICS.md).
// Quick run: pnpm bench:metrics -- --users 20000 --events 400000
// Again on the same data (endpoints only): pnpm bench:metrics -- --keep /tmp/onward-1m, twice.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchServer } from './server';
import { percentile } from './events';
import { createDataset } from './metrics-data';
import { DAY } from './metrics-plan';
import { ingestAll } from './metrics-ingest';
import { createCsvSink, openDuckDb, retention, ttv, type RetentionAnswer, type TtvAnswer, type Window } from './metrics-duckdb';
import { BENCH_SETTINGS, probeWhile, putSettings, timeGet, type Timing } from './metrics-endpoints';

const { values: flags } = parseArgs({
  // pnpm forwards a literal `--`; parseArgs would read everything after it as positionals.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    users: { type: 'string', default: '1000000' },
    events: { type: 'string', default: '20000000' },
    days: { type: 'string', default: '180' },
    seed: { type: 'string', default: '42' },
    end: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
    batch: { type: 'string', default: '500' },
    runs: { type: 'string', default: '5' },
    'max-minutes': { type: 'string', default: '60' },
    // Keeps the database in this folder; when one is there already, times its endpoints only.
    keep: { type: 'string' },
  },
});
const int = (name: keyof typeof flags) => {
  const n = Number(flags[name]);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
};
const today = new Date();
const end = flags.end ? Date.parse(flags.end) : Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
if (Number.isNaN(end)) throw new Error('--end must be an ISO-8601 date');
const o = { users: int('users'), events: int('events'), days: int('days'), seed: int('seed'), end };
const runs = int('runs');
const started = performance.now();
// Ingest stops sending at 80 % of --max-minutes, leaving the rest for the endpoints and DuckDB.
const deadline = started + int('max-minutes') * 60_000;
const ingestDeadline = started + int('max-minutes') * 48_000;
const elapsed = () => `${((performance.now() - started) / 60_000).toFixed(1)} min`;
const log = (line: string) => console.log(`[${elapsed()}] ${line}`);
const f = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (Number.isNaN(n) ? '—' : `${n < 10 ? n.toFixed(1) : f(n)} ms`);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
// Outside the ingest (which prints its own progress), say every 10 s what is still under way.
let phase = 'planning';
setInterval(() => phase && log(`  still ${phase}`), 10_000).unref();

log(`planning ${f(o.users)} users and ${f(o.events)} events over ${o.days} days to ${iso(end)} (seed ${o.seed})`);
const dataset = createDataset(o);
const work = mkdtempSync(join(tmpdir(), 'onward-bench-metrics-'));
const csvPath = join(work, 'events.csv');
process.on('exit', () => rmSync(work, { recursive: true, force: true })); // the CSV copy is ~6 GB at full scale
const secretKey = 'sk_bench';
process.env.ONWARD_SECRET_KEY = secretKey; // the bench server inherits the environment
phase = 'starting the server';
const reused = flags.keep !== undefined && existsSync(join(flags.keep, 'onward.db'));
const server = await startBenchServer({ keepDir: flags.keep });
const dbPath = server.databaseUrl.replace(/^file:/, '');

const window: Window = { from: end - 90 * DAY, to: end, asOf: end, weeks: 8, valueEvent: BENCH_SETTINGS.valueEvent };
const params = { from: String(window.from), to: String(window.to), asOf: String(window.asOf) };
type Call = [string, Record<string, string>];
const metricCalls = (p: Record<string, string>): Call[] =>
  ['ttv', 'activation', 'retention', 'dormancy', 'nps', 'ndr'].flatMap((name): Call[] => {
    const query = name === 'retention' ? { ...p, weeks: String(window.weeks) } : p;
    return [[`/v1/metrics/${name}`, query], [`/v1/metrics/${name}`, { ...query, segment: 'Key accounts' }]];
  });
const calls: Call[] = [...metricCalls(params), ['/v1/accounts', { asOf: params.asOf }]];
// The same questions as they stood 30 days earlier, which a past asOf answers from the same
// rollups: timed after the others, for comparison (the targets are set for the present).
const pastAsOf = end - 30 * DAY;
const pastCalls = metricCalls({ from: String(pastAsOf - 90 * DAY), to: String(pastAsOf), asOf: String(pastAsOf) });
const timings: Timing[] = [];
const pastTimings: Timing[] = [];
let report: Awaited<ReturnType<typeof ingestAll>> | null = null;
let stored = 0;
let dbBytes = 0;
let accountsProbe: { probes: number; maxMs: number } | null = null;
try {
  phase = '';
  if (reused) log(`server ${server.url} on the events already in ${flags.keep}: no ingest`);
  else {
    await putSettings(server.url, secretKey);
    log(`server ${server.url}; ingesting in batches of ${int('batch')} with ${int('concurrency')} in flight (progress every 10 s)`);
    report = await ingestAll(dataset, { url: server.url, writeKey: server.writeKey, total: o.events, concurrency: int('concurrency'), batchSize: int('batch'), deadline: ingestDeadline, log });
  }
  stored = await server.count();
  const size = (p: string) => statSync(p, { throwIfNoEntry: false })?.size ?? 0;
  dbBytes = size(dbPath) + size(`${dbPath}-wal`);
  log(`${report ? `ingested ${f(report.sent)} events in ${report.seconds.toFixed(1)} s` : `${f(stored)} events stored`}; timing the endpoints (${runs} runs each)`);
  phase = 'timing the endpoints';
  for (const [path, query] of calls) {
    if (performance.now() >= deadline) continue;
    const timing = timeGet(server.url, path, query, secretKey, runs);
    if (path !== '/v1/accounts') timings.push(await timing);
    else {
      const { result, ...probe } = await probeWhile(server.url, timing);
      timings.push(result);
      accountsProbe = probe;
    }
  }
  for (const [path, query] of pastCalls) {
    if (performance.now() < deadline) pastTimings.push(await timeGet(server.url, path, query, secretKey, runs));
  }
} finally {
  await server.stop();
}

type Baseline = { loadSeconds: number; rows: number; bytes: number; ttv: TtvAnswer; ttvMs: number; retention: RetentionAnswer; retentionMs: number };
async function duckdbBaseline(): Promise<Baseline | null> {
  if (performance.now() > deadline || report === null) return null;
  // The CSV is written now, not during the ingest: its ~6 GB of writes (and the CPU to format
  // them) competed with the server for the 2 cores and the page cache while it was being timed.
  // The generator is deterministic, so the first `sent` messages again are exactly those sent.
  log(`writing the same ${f(report.sent)} events to a CSV for DuckDB (generated again from the seed)`);
  phase = 'writing the CSV';
  const sink = createCsvSink(csvPath);
  const again = createDataset(o);
  for (let left = report.sent; left > 0; ) {
    const batch = again.nextBatch(Math.min(int('batch'), left));
    if (batch === null) break;
    await sink.write(batch);
    left -= batch.length;
  }
  await sink.close();
  log('loading the same events into DuckDB');
  phase = 'loading into DuckDB';
  const duck = await openDuckDb(join(work, 'events.duckdb'));
  try {
    const load = await duck.loadCsv(csvPath);
    log(`DuckDB loaded ${f(load.rows)} rows in ${load.seconds.toFixed(1)} s; timing TTV and retention (${runs} runs each)`);
    phase = 'timing DuckDB';
    const timed = async <T>(run: () => Promise<T>) => {
      const times: number[] = [];
      let answer: T | undefined;
      for (let i = 0; i < runs && (i === 0 || performance.now() < deadline); i++) {
        const t0 = performance.now();
        answer = await run();
        times.push(performance.now() - t0);
      }
      return { answer: answer as T, median: percentile(times.sort((a, b) => a - b), 0.5) };
    };
    const t = await timed(() => ttv(duck.connection, window));
    const r = await timed(() => retention(duck.connection, window));
    return { loadSeconds: load.seconds, rows: load.rows, bytes: duck.bytes(), ttv: t.answer, ttvMs: t.median, retention: r.answer, retentionMs: r.median };
  } finally {
    duck.close();
  }
}
const baseline = await duckdbBaseline();

function sameTtv(body: unknown, d: TtvAnswer): string {
  const b = body as Partial<TtvAnswer> | null;
  if (!b) return 'not available';
  const same = b.users === d.users && b.reached === d.reached && b.medianMs === d.medianMs && b.p90Ms === d.p90Ms;
  return same ? 'yes' : `NO — Onward ${JSON.stringify({ users: b.users, reached: b.reached, medianMs: b.medianMs, p90Ms: b.p90Ms })}, DuckDB ${JSON.stringify(d)}`;
}
function sameRetention(body: unknown, d: RetentionAnswer): string {
  const cohorts = (body as { cohorts?: { week: string; size: number; retained: (number | null)[] }[] } | null)?.cohorts;
  if (!cohorts) return 'not available';
  const onward = JSON.stringify(cohorts.map((c) => ({ week: c.week, size: c.size, retained: c.retained })));
  if (onward === JSON.stringify(d)) return 'yes';
  const first = cohorts.findIndex((c, i) => JSON.stringify({ week: c.week, size: c.size, retained: c.retained }) !== JSON.stringify(d[i]));
  return `NO — first difference at cohort ${first}: Onward ${JSON.stringify(cohorts[first])}, DuckDB ${JSON.stringify(d[first])}`;
}

function ingestLines(r: NonNullable<typeof report>): string[] {
  const rate = r.sent / r.seconds;
  return [
    `ingest (POST /v1/batch, ${int('batch')} a batch, ${int('concurrency')} in flight)`,
    `  events sent / stored   ${f(r.sent)} / ${f(stored)}   accepted ${f(r.accepted)}, duplicates ${f(r.duplicates)}, rejected ${f(r.rejected)}${r.rejectedExamples.length ? ` e.g. ${r.rejectedExamples.join('; ')}` : ''}`,
    `  ingest rate            ${f(rate)} events/s in ${r.seconds.toFixed(1)} s   (target ≥ 20,000 events/s: ${rate >= 20_000 ? 'met' : 'MISSED'})`,
  ];
}
function timingLine(t: Timing, target: boolean): string {
  if (t.status !== 'ok') return `  ${t.label.padEnd(52)} ${t.status}${t.status === 'error' ? `: ${t.detail}` : ''}`;
  const verdict = target ? (t.p95Ms <= 300 ? 'met   ' : 'MISSED') : '      ';
  return `  ${t.label.padEnd(52)} ${ms(t.medianMs).padStart(9)} ${ms(t.p95Ms).padStart(9)}  ${verdict}  ${t.detail}`;
}
const lines = [
  '',
  `bench:metrics — ${f(o.users)} users in ${f(dataset.accounts)} accounts, ${f(o.events)} events over ${o.days} days to ${iso(end)}, seed ${o.seed}${report === null || report.complete ? '' : `  (STOPPED at --max-minutes ${flags['max-minutes']}: partial)`}`,
  ...(report ? ingestLines(report) : [`ingest skipped: ${f(stored)} events already in ${flags.keep}`]),
  `  database on disk       ${mb(dbBytes)} (db + wal)`,
  `metrics (from ${iso(window.from)} to ${iso(window.to)}, asOf ${iso(window.asOf)}, weeks ${window.weeks}; ${runs} runs each; target p95 ≤ 300 ms)`,
  ...timings.map((t) => timingLine(t, t.label.includes('/metrics/'))),
];
if (accountsProbe) lines.push(`  GET /healthz meanwhile  slowest of ${accountsProbe.probes} calls while /v1/accounts was timed: ${ms(accountsProbe.maxMs)}`);
lines.push(
  `the same, 30 days earlier (from ${iso(pastAsOf - 90 * DAY)} to ${iso(pastAsOf)}, asOf ${iso(pastAsOf)}; for comparison, not a target)`,
  ...pastTimings.map((t) => timingLine(t, false)),
);
if (baseline) {
  const onward = (path: string) => timings.find((t) => t.label === `GET ${path}`);
  const ttvT = onward('/v1/metrics/ttv');
  const retT = onward('/v1/metrics/retention');
  const cell = (t: Timing | undefined) => (t?.status === 'ok' ? `${ms(t.medianMs)} (p95 ${ms(t.p95Ms)})` : (t?.status ?? '—'));
  lines.push(
    `DuckDB ${'(@duckdb/node-api, CSV COPY)'} — ${f(baseline.rows)} rows loaded in ${baseline.loadSeconds.toFixed(1)} s (${f(baseline.rows / baseline.loadSeconds)} rows/s), ${mb(baseline.bytes)} on disk`,
    `  question     Onward median            DuckDB full-scan median   same answer`,
    `  TTV          ${cell(ttvT).padEnd(24)} ${ms(baseline.ttvMs).padEnd(25)} ${sameTtv(ttvT?.body ?? null, baseline.ttv)}`,
    `  retention    ${cell(retT).padEnd(24)} ${ms(baseline.retentionMs).padEnd(25)} ${sameRetention(retT?.body ?? null, baseline.retention)}`,
    `  DuckDB TTV   users ${f(baseline.ttv.users)}, reached ${f(baseline.ttv.reached)}, median ${ms(baseline.ttv.medianMs ?? Number.NaN)}, p90 ${ms(baseline.ttv.p90Ms ?? Number.NaN)}; retention ${baseline.retention.length} cohorts`,
  );
} else lines.push(`DuckDB baseline skipped: ${report === null ? 'no ingest in this run' : '--max-minutes reached'}`);
const skipped = calls.length + pastCalls.length - timings.length - pastTimings.length;
if (skipped > 0) lines.push(`${skipped} endpoint timings skipped: --max-minutes reached`);
lines.push(`total ${elapsed()}`, '');
console.log(lines.join('\n'));
