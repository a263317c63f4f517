import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestApp } from '../testing/test-app';
import { createWebhookStore } from '../webhooks';
import { startReceiver } from '../webhooks/test-receiver';
import { createBackgroundJobs } from './background';
import { insertSurveyResponse } from './test-data';

describe('background jobs', () => {
  it('sweeps, delivers and prunes each interval, as main.ts runs them', async () => {
    let clock = Date.UTC(2025, 2, 1);
    const t = await createTestApp({ now: () => clock });
    const receiver = await startReceiver();
    onTestFinished(() => receiver.close());
    await createWebhookStore(t.db).create(1, { url: receiver.url, events: ['survey.responded'], active: true, description: '', deepLink: null });
    const jobs = createBackgroundJobs({ db: t.db, logger: { info: () => {}, error: () => {} }, intervalMs: 1000, webhookTimeoutMs: 2000, webhookMaxAttempts: 3, now: () => clock });
    expect((await jobs.runOnce()).map((o) => o.status)).toEqual(['ran', 'ran', 'ran']);
    await insertSurveyResponse(t.db, { userId: 'u1', at: clock, score: 10 });
    clock += 1000;
    await jobs.runOnce();
    expect(receiver.requests.map((r) => JSON.parse(r.body) as { type: string })).toMatchObject([{ type: 'survey.responded' }]);
  });
});
