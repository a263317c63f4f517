// A workspace worth looking at: ~240 users over the last 10 weeks in 30 accounts (Key accounts and
// self-serve), with value events, activation events, weekly returns, NPS answers with comments and
// an mrr history with upgrades, downgrades and churn. Deterministic (seeded PRNG) relative to `now`.
import { randomUUID } from 'node:crypto';
import { seededRandom } from '../../support/random';

export const DAY = 86_400_000;
const HOUR = 3_600_000;

export const SETTINGS = {
  valueEvent: 'Report Created',
  activation: { events: ['Project Created', 'Teammate Invited'], windowDays: 7 },
  dormantAfterDays: 14,
  segments: [{ name: 'Key accounts', when: { account: 'tier', op: 'in', value: ['KA'] } }, { name: 'Self-serve' }],
};

const COMMENTS = ['Setup was quick', 'The reports are great', 'Hard to invite my team', 'Too slow on big projects', 'Love the onboarding tour', 'Pricing is confusing'];

type Message = Record<string, unknown>;

export function seedMessages(now: number, users = 240, accounts = 30): { messages: Message[]; userIds: string[]; accountIds: string[] } {
  const rand = seededRandom(0x0b0a4d);
  const messages: Message[] = [];
  const latest = now - HOUR;
  const at = (t: number) => new Date(Math.min(t, latest)).toISOString();
  const push = (m: Message) => messages.push({ messageId: randomUUID(), ...m });
  const accountIds = Array.from({ length: accounts }, (_, i) => `acct-${String(i + 1).padStart(2, '0')}`);
  const userIds: string[] = [];

  for (let i = 0; i < users; i++) {
    const userId = `user-${String(i + 1).padStart(3, '0')}`;
    userIds.push(userId);
    const accountIndex = i % accounts;
    const accountId = accountIds[accountIndex]!;
    const start = now - 70 * DAY + Math.floor(rand() * 68 * DAY);
    const ts = (t: number) => at(t);
    push({ type: 'identify', userId, timestamp: ts(start), traits: { createdAt: new Date(start).toISOString(), email: `${userId}@example.com`, name: `User ${i + 1}` } });
    if (i < accounts) {
      // The account's first user carries its traits and mrr history, set before the range begins.
      const mrr = 100 * (accountIndex + 1);
      push({ type: 'group', userId, groupId: accountId, timestamp: at(now - 80 * DAY), traits: { name: `Account ${accountIndex + 1}`, tier: accountIndex % 5 === 0 ? 'KA' : 'SS', seats: 5 + (accountIndex % 7), mrr, contractStart: new Date(now - 80 * DAY).toISOString() } });
      const change = accountIndex % 6;
      const later = change === 0 ? mrr * 1.5 : change === 1 ? mrr * 0.5 : change === 2 ? 0 : null;
      if (later !== null) push({ type: 'group', userId, groupId: accountId, timestamp: at(now - 20 * DAY), traits: { mrr: later } });
    } else {
      push({ type: 'group', userId, groupId: accountId, timestamp: ts(start), traits: {} });
    }
    push({ type: 'page', userId, timestamp: ts(start + 1000), name: 'Home', properties: { path: '/app' } });
    if (rand() < 0.75) push({ type: 'track', userId, event: 'Project Created', timestamp: ts(start + rand() * 3 * DAY) });
    if (rand() < 0.55) push({ type: 'track', userId, event: 'Teammate Invited', timestamp: ts(start + rand() * 6 * DAY) });
    if (rand() < 0.65) push({ type: 'track', userId, event: 'Report Created', timestamp: ts(start + 0.5 * HOUR + rand() * rand() * 10 * DAY) });
    for (let k = 1; k < 10; k++) {
      if (start + 7 * k * DAY >= latest) break;
      if (rand() < 0.6 * 0.85 ** k) push({ type: 'page', userId, timestamp: ts(start + 7 * k * DAY + rand() * 6 * DAY), name: 'Home', properties: { path: '/app' } });
    }
    const answeredAt = start + DAY + rand() * 20 * DAY;
    if (rand() < 0.45 && answeredAt < latest) {
      const score = Math.min(10, Math.floor(rand() * 11 + rand() * 3));
      const comment = rand() < 0.5 ? COMMENTS[Math.floor(rand() * COMMENTS.length)] : undefined;
      push({ type: 'track', userId, event: 'Onward Survey Responded', timestamp: ts(answeredAt), properties: { flowId: 'nps', score, ...(comment === undefined ? {} : { comment }) } });
    }
  }
  return { messages, userIds, accountIds };
}
