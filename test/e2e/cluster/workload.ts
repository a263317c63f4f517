// What the cluster spec sends and how it checks the result: a Segment-client workload (users,
// accounts, activation and value events over past weeks), the admin calls, and the replay of every
// stored event into a single embedded server whose metrics must be the same.
import type { Row } from '@libsql/client';
import { expect } from '@playwright/test';
import { pollUntil } from '../../support/server';
import { seededRandom } from '../../support/random';

const DAY = 86_400_000;

export const SETTINGS = {
  valueEvent: 'Report Created',
  activation: { events: ['Project Created', 'Teammate Invited'], windowDays: 7 },
  dormantAfterDays: 1,
  segments: [
    { name: 'Key accounts', when: { account: 'tier', op: 'in', value: ['KA'] } },
    { name: 'Long tail' },
  ],
};

export const METRICS = ['ttv', 'ttv/distribution', 'activation', 'retention', 'dormancy', 'nps', 'nps/comments', 'ndr'];

export type Call =
  | { type: 'identify'; userId: string; traits: Record<string, unknown>; timestamp: Date }
  | { type: 'group'; userId: string; groupId: string; traits: Record<string, unknown>; timestamp: Date }
  | { type: 'track'; userId: string; event: string; properties: Record<string, unknown>; timestamp: Date }
  | { type: 'page'; userId: string; name: string; properties: Record<string, unknown>; timestamp: Date };

/**
 * `users` users in accounts of three tiers, signed up 3–24 days before `now`, each with sessions of
 * activation and value events (history ends 2 days ago) and a last look within the past half hour,
 * so no one crosses the 1-day dormancy line while the test runs.
 */
export function segmentWorkload(now: number, users = 30, seed = 8): Call[] {
  const r = seededRandom(seed);
  const calls: Call[] = [];
  const pick = <T,>(items: readonly T[]) => items[Math.floor(r() * items.length)]!;
  for (let u = 0; u < users; u += 1) {
    const userId = `seg-user-${u}`;
    const groupId = `seg-acct-${u % 6}`;
    const signup = now - (3 + Math.floor(r() * 21)) * DAY - Math.floor(r() * DAY);
    calls.push({ type: 'identify', userId, traits: { createdAt: new Date(signup).toISOString(), plan: pick(['free', 'pro']) }, timestamp: new Date(signup) });
    const tier = ['KA', 'SMB', 'LT'][u % 3]!;
    calls.push({ type: 'group', userId, groupId, traits: { name: `Account ${u % 6}`, tier, mrr: 100 * (1 + (u % 6)), seats: 5 }, timestamp: new Date(signup + 60_000) });
    const sessions = 2 + Math.floor(r() * 6);
    for (let s = 0; s < sessions; s += 1) {
      const at = signup + Math.floor(r() * Math.max(DAY, now - 2 * DAY - signup));
      const event = pick(['Project Created', 'Teammate Invited', 'Report Created', 'Dashboard Viewed']);
      calls.push({ type: 'track', userId, event, properties: { session: s }, timestamp: new Date(at) });
      if (r() < 0.5) calls.push({ type: 'page', userId, name: 'Projects', properties: { path: '/projects' }, timestamp: new Date(at + 1_000) });
    }
    calls.push({ type: 'track', userId, event: 'Dashboard Viewed', properties: {}, timestamp: new Date(now - Math.floor(r() * 30 * 60_000)) });
  }
  return calls;
}

/** The admin API with the secret key. */
export function admin(url: string, secretKey: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${secretKey}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  return {
    get: (path: string) => call('GET', path),
    put: (path: string, body: unknown) => call('PUT', path, body),
    post: (path: string, body: unknown) => call('POST', path, body),
  };
}

const json = (v: unknown) => (v === null || v === undefined ? undefined : (JSON.parse(String(v)) as unknown));
const text = (v: unknown) => (v === null || v === undefined ? undefined : String(v));

/** An `events` row as the Segment message that produced it (same messageId, timestamp and payload). */
export function messageOf(row: Row): Record<string, unknown> {
  const type = String(row.type);
  const named = type === 'page' || type === 'screen';
  const message: Record<string, unknown> = {
    type,
    messageId: String(row.message_id),
    timestamp: new Date(Number(row.timestamp)).toISOString(),
    userId: text(row.user_id),
    anonymousId: text(row.anonymous_id),
    groupId: text(row.group_id),
    previousId: text(row.previous_id),
    [named ? 'name' : 'event']: text(row.event),
    properties: json(row.properties),
    traits: json(row.traits),
    context: json(row.context),
  };
  return Object.fromEntries(Object.entries(message).filter(([, v]) => v !== undefined));
}

/** Sends `rows` to a server's /v1/batch, 200 at a time; every one must be accepted. */
export async function replay(url: string, writeKey: string, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200).map(messageOf);
    const response = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${writeKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ batch }),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json()) as { accepted: number; rejected: unknown[] };
    expect(answer.rejected).toEqual([]);
    expect(answer.accepted).toBe(batch.length);
  }
}

/** Every metric endpoint at one fixed moment, once no rebuild of derived columns is running. */
export async function metricsAt(api: ReturnType<typeof admin>, asOf: number): Promise<Record<string, unknown>> {
  const query = `from=${asOf - 30 * DAY}&to=${asOf}&asOf=${asOf}`;
  const read = async () => Object.fromEntries(await Promise.all(METRICS.map(async (m) => [m, await api.get(`/v1/metrics/${m}?${query}`)] as const)));
  return pollUntil(read, (all) => Object.values(all).every((a) => !('rebuilding' in a)), { timeoutMs: 15_000, intervalMs: 250 });
}
