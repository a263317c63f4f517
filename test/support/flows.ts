// Flows and settings through the admin API (docs/flows.md), for the guides specs: factories for
// flow definitions, publish/unpublish, settings, and a `test` whose flows are unpublished after each
// test so a worker's shared `server` starts every test with nothing published.
import { randomBytes } from 'node:crypto';
import { test as serverTest, type TestServer } from './server';

export type Json = Record<string, unknown>;

/** A step as POST /v1/flows takes it (the server fills the defaults). */
export type StepInput = {
  id: string;
  type?: 'tooltip' | 'modal' | 'hotspot' | 'banner' | 'checklist' | 'survey';
  target?: string;
  placement?: string;
  url?: string;
  content?: Record<string, { title?: string; body?: string }>;
  advance?: Json;
  buttons?: Json[];
  spotlight?: boolean;
  position?: 'top' | 'bottom';
  inline?: boolean;
  items?: Json[];
};

/** A flow as POST /v1/flows takes it; `id` is always set (unique per call of createFlow). */
export type FlowInput = {
  id: string;
  name: string;
  kind: 'tour' | 'tip' | 'checklist' | 'banner' | 'modal' | 'survey';
  trigger?: Json;
  audience?: Json;
  frequency?: 'once' | 'until_completed' | { everyDays: number };
  priority?: number;
  holdout?: number;
  theme?: Json;
  steps: StepInput[];
};

export type PublishedFlow = FlowInput & { version: number };

/** `prefix-1a2b3c4d`: ids that never collide between tests sharing a server (or repeated runs). */
export const uniqueId = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

/** English content: `{ en: { title, body? } }`. */
export const en = (title: string, body?: string) => ({
  en: body === undefined ? { title } : { title, body },
});

/**
 * Audience: signed-in users only (the /demo app identifies with an email). A page-triggered flow
 * published with it before the page loads starts right after sign-in, not on the sign-in form.
 */
export const SIGNED_IN = { all: [{ trait: 'email', op: 'exists' }] };

/** A step: a modal titled by its id unless told otherwise. */
export function createStep(step: StepInput): StepInput {
  return { type: 'modal', content: en(`Step ${step.id}`), ...step };
}

/** A flow with a unique id starting with `prefix`; manual trigger and kind `tour` by default. */
export function createFlow(
  prefix: string,
  flow: Partial<Omit<FlowInput, 'id'>> & { steps: StepInput[] },
): FlowInput {
  const id = uniqueId(prefix);
  return { name: id, kind: 'tour', trigger: { type: 'manual' }, ...flow, id };
}

async function admin(
  server: TestServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<Json> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${server.secretKey}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? (JSON.parse(text) as Json) : {};
}

/** Servers and flow ids published during the current test, unpublished after it. */
const publishedThisTest: { server: TestServer; id: string }[] = [];

/** Creates the flow and publishes it; resolves with its published version. */
export async function publishFlow(server: TestServer, flow: FlowInput): Promise<PublishedFlow> {
  await admin(server, 'POST', '/v1/flows', flow);
  const published = await admin(server, 'POST', `/v1/flows/${encodeURIComponent(flow.id)}/publish`);
  publishedThisTest.push({ server, id: flow.id });
  const version = Number(published.publishedVersion);
  if (!Number.isInteger(version) || version < 1)
    throw new Error(`publish answered no version: ${JSON.stringify(published)}`);
  return { ...flow, version };
}

export async function unpublishFlow(server: TestServer, id: string): Promise<void> {
  await admin(server, 'POST', `/v1/flows/${encodeURIComponent(id)}/unpublish`);
}

export type Settings = Json & {
  identitySecret: string;
  throttleHours: number;
  identityVerification: boolean;
};

export async function getSettings(server: TestServer): Promise<Settings> {
  return (await admin(server, 'GET', '/v1/settings')) as Settings;
}

/**
 * Changes some settings (PUT replaces the document, so the others are read first and kept).
 * Settings are workspace-wide: change them on a `freshServer`, not on the worker's `server`.
 */
export async function putSettings(server: TestServer, changes: Json): Promise<Settings> {
  const { identitySecret: _secret, ...current } = await getSettings(server);
  return (await admin(server, 'PUT', '/v1/settings', { ...current, ...changes })) as Settings;
}

/** The server fixtures, plus: every flow published in a test is unpublished when it ends. */
export const test = serverTest.extend<{ unpublishAfterTest: void }>({
  unpublishAfterTest: [
    async ({}, use) => {
      publishedThisTest.length = 0;
      await use();
      for (const { server, id } of publishedThisTest.splice(0)) {
        // A freshServer is already gone by now; nothing to clean there.
        await unpublishFlow(server, id).catch(() => {});
      }
    },
    { auto: true },
  ],
});

export { expect } from './server';
