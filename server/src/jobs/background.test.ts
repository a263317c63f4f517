import { describe, expect, it, onTestFinished } from 'vitest';
import { createScoreSnapshots, scoreAndStoreIn } from '../accounts/snapshot';
import { createSettingsStore } from '../settings/store';
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
    await t.post('/v1/batch', { batch: [{ type: 'group', userId: 'u1', groupId: 'acme', traits: { seats: 5 }, messageId: 'g1' }] });
    // Every scoring counts as slow, so the job keeps a snapshot.
    const accountScores = createScoreSnapshots(t.db, scoreAndStoreIn(t.db), () => clock, 0);
    const jobs = createBackgroundJobs({ db: t.db, logger: { info: () => {}, error: () => {} }, intervalMs: 1000, webhookTimeoutMs: 2000, webhookMaxAttempts: 3, accountScores, now: () => clock });
    expect((await jobs.runOnce()).map((o) => o.status)).toEqual(['ran', 'ran', 'ran', 'ran']);
    // The account scores were refreshed for the listings.
    expect((await accountScores.current(1, await createSettingsStore(t.db).get(1)))?.accounts.map((a) => a.id)).toEqual(['acme']);
    await insertSurveyResponse(t.db, { userId: 'u1', at: clock, score: 10 });
    clock += 1000;
    await jobs.runOnce();
    expect(receiver.requests.map((r) => JSON.parse(r.body) as { type: string })).toMatchObject([{ type: 'survey.responded' }]);
  });
});
