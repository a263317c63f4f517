// bench:metrics admin calls: PUT /v1/settings before ingest, then GET each metrics endpoint and
// /v1/accounts `runs` times with the secret key. A 404 reads as "not available" (not built yet).
import { percentile } from './events';

export type Timing = {
  label: string;
  status: 'ok' | 'not available' | 'error';
  medianMs: number;
  p95Ms: number;
  detail: string;
  body: unknown;
};

export const BENCH_SETTINGS = {
  valueEvent: 'Report Created',
  activation: { events: ['Project Created', 'Teammate Invited'], windowDays: 7 },
  dormantAfterDays: 14,
  segments: [
    { name: 'Key accounts', when: { account: 'tier', op: 'in', value: ['KA'] } },
    { name: 'SMB', when: { account: 'tier', op: 'eq', value: 'SMB' } },
    { name: 'Long tail' },
  ],
};

export async function putSettings(base: string, secretKey: string): Promise<void> {
  const res = await fetch(new URL('/v1/settings', base), {
    method: 'PUT',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_SETTINGS),
  });
  if (!res.ok) throw new Error(`PUT /v1/settings answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  // A settings change starts a background rebuild of derived user columns; let it finish (it is
  // instant on an empty database) so that it does not compete with the ingest for the write lock.
  const deadline = Date.now() + 60_000;
  for (let body = (await res.json()) as { rebuild?: { running?: boolean } }; body.rebuild?.running === true; ) {
    if (Date.now() > deadline) throw new Error('the settings rebuild did not finish within 60 s');
    await new Promise((r) => setTimeout(r, 200));
    const again = await fetch(new URL('/v1/settings', base), { headers: { authorization: `Bearer ${secretKey}` } });
    body = (await again.json()) as typeof body;
  }
}

/**
 * One GET. A connection the server closed as idle just as fetch reused it fails before any answer
 * (undici's keep-alive race, after a long pause such as counting the events): that GET, idempotent,
 * is sent once more.
 */
async function get(url: URL, secretKey: string): Promise<Response> {
  const send = () => fetch(url, { headers: { authorization: `Bearer ${secretKey}` }, signal: AbortSignal.timeout(120_000) });
  return send().catch((error: Error & { cause?: { code?: string } }) => {
    if (error.cause?.code !== 'ECONNRESET' && error.cause?.code !== 'UND_ERR_SOCKET') throw error;
    return send();
  });
}

/** GETs `path` `runs` times in a row (no warm-up: the first, cold call counts too). */
export async function timeGet(base: string, path: string, params: Record<string, string>, secretKey: string, runs: number): Promise<Timing> {
  const url = new URL(path, base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const label = `GET ${path}${params.segment ? ` (segment ${params.segment})` : ''}`;
  const times: number[] = [];
  let body: unknown = null;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    let res: Response;
    try {
      res = await get(url, secretKey);
      body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
    } catch (error) {
      return { label, status: 'error', medianMs: Number.NaN, p95Ms: Number.NaN, detail: (error as Error).message, body: null };
    }
    times.push(performance.now() - t0);
    if (res.status === 404) return { label, status: 'not available', medianMs: Number.NaN, p95Ms: Number.NaN, detail: 'answered 404', body: null };
    if (res.status !== 200) return { label, status: 'error', medianMs: Number.NaN, p95Ms: Number.NaN, detail: `answered ${res.status}: ${JSON.stringify(body).slice(0, 200)}`, body };
  }
  times.sort((a, b) => a - b);
  return { label, status: 'ok', medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), detail: summarize(path, body), body };
}

/** One short line of what the endpoint answered, so the figures show the data was there. */
function summarize(path: string, body: unknown): string {
  const b = (body ?? {}) as Record<string, unknown>;
  const pick = (...keys: string[]) => keys.filter((k) => k in b).map((k) => `${k} ${fmt(b[k])}`).join(', ');
  if (path.endsWith('/retention')) {
    const cohorts = Array.isArray(b.cohorts) ? (b.cohorts as { size?: number }[]) : [];
    return `${cohorts.length} cohorts, ${cohorts.reduce((n, c) => n + (c.size ?? 0), 0)} users`;
  }
  if (path === '/v1/accounts') return `first page: ${Array.isArray(b.accounts) ? b.accounts.length : '?'} of ${fmt(b.total)} accounts, all scored`;
  return pick('users', 'reached', 'medianMs', 'p90Ms', 'mature', 'activated', 'rate', 'active', 'dormant', 'reactivated', 'respondents', 'nps', 'beginMrr', 'endMrr', 'ndr');
}

function fmt(v: unknown): string {
  if (typeof v !== 'number') return String(v);
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(3);
}

/**
 * GETs /healthz every `everyMs` while `work` runs, timing each: how long other requests waited
 * while the server did that work (account scoring runs on a worker thread, so: little).
 */
export async function probeWhile<T>(base: string, work: Promise<T>, everyMs = 100): Promise<{ result: T; probes: number; maxMs: number }> {
  let done = false;
  const settled = work.finally(() => (done = true));
  const times: number[] = [];
  while (!done) {
    const t0 = performance.now();
    await fetch(new URL('/healthz', base)).then((r) => r.text());
    times.push(performance.now() - t0);
    await Promise.race([settled.catch(() => {}), new Promise((r) => setTimeout(r, everyMs))]);
  }
  return { result: await settled, probes: times.length, maxMs: Math.max(0, ...times) };
}
