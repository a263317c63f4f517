import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../api/client';
import { fakeFetch, mount, settle } from '../../testing/render';
import { AnalyticsPage } from './analytics-page';
import { createMetricsApi } from '../../api/metrics';

const NOW = Date.parse('2026-03-20T10:00:00Z');
const echo = { query: { from: '', to: '', asOf: '', segment: null } };
const session = { member: { id: 'm1', email: 'a@b.c', name: 'A', role: 'owner', createdAt: '' }, workspace: { id: 1, name: 'W', writeKey: 'pk' }, csrfToken: 'x', expiresAt: '' };
const settings = { valueEvent: 'Report Created', activation: { events: ['A'], windowDays: 7 }, dormantAfterDays: 14, segments: [{ name: 'SMB' }], identitySecret: '', rebuild: { running: false } };

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function routes(users: number) {
  return {
    'GET /v1/session': () => ({ body: session }),
    'GET /v1/settings': () => ({ body: settings }),
    'GET /v1/metrics/ttv': () => ({ body: { ...echo, users, reached: users === 0 ? 0 : 3, reachedShare: users === 0 ? null : 0.75, medianMs: 5 * 3_600_000, p90Ms: 2 * 86_400_000 + 4 * 3_600_000, kmMedianMs: 5 * 3_600_000, curve: [] } }),
    'GET /v1/metrics/ttv/distribution': () => ({ body: { ...echo, users, reached: 3, bins: [{ fromMs: 0, toMs: 3_600_000, users: 3 }, { fromMs: 3_600_000, toMs: null, users: 0 }] } }),
    'GET /v1/metrics/activation': () => ({ body: { ...echo, users: 4, mature: 4, activated: 1, rate: 0.25 } }),
  };
}

async function render(users: number, locale: 'en' | 'zh-CN' = 'en') {
  const { fetch, calls } = fakeFetch(routes(users));
  const metrics = createMetricsApi(createClient({ fetch }));
  const mounted = await mount(<AnalyticsPage metrics={metrics} now={NOW} />, { fetch, locale });
  unmount = mounted.unmount;
  await settle();
  await settle();
  return { ...mounted, calls };
}

describe('AnalyticsPage', () => {
  it('shows time to value with human durations and the range of the filters', async () => {
    const { container, calls } = await render(4);
    expect(container.querySelector('[data-metric="ttv.medianMs"]')?.textContent).toBe('5 h');
    expect(container.querySelector('[data-metric="ttv.p90Ms"]')?.textContent).toBe('2 d 4 h');
    expect(container.querySelector('[data-metric="ttv.reachedShare"]')?.textContent).toBe('75%');
    const ttvCall = calls.find((c) => c.url.startsWith('/v1/metrics/ttv?'))!;
    expect(new URLSearchParams(ttvCall.url.split('?')[1]).get('from')).toBe(String(Date.parse('2025-12-29')));
    // Each chart has a summary and a data table behind a toggle.
    const toggle = Array.from(container.querySelectorAll('button')).find((b) => b.textContent === 'Show data table')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('figure table')).not.toBeNull();
  });

  it('says how to get events when there are none', async () => {
    const { container } = await render(0);
    expect(container.textContent).toContain('No events yet');
    expect(container.querySelector('a[href="#/install"]')).not.toBeNull();
  });

  it('speaks Chinese', async () => {
    const { container } = await render(4, 'zh-CN');
    expect(container.querySelector('[data-metric="ttv.p90Ms"]')?.textContent).toBe('2 天 4 小时');
  });
});
