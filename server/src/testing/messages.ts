// Segment messages for tests, with unique messageIds; a null userId sends an anonymous visitor.
export const iso = (ms: number) => new Date(ms).toISOString();

let n = 0;
export const msg = (type: string, userId: string | null, at: number, extra: Record<string, unknown> = {}) => ({
  type,
  ...(userId === null ? { anonymousId: 'visitor' } : { userId }),
  timestamp: iso(at),
  messageId: `m${(n += 1)}`,
  ...extra,
});
export const track = (userId: string, event: string, at: number, properties?: object) =>
  msg('track', userId, at, { event, ...(properties ? { properties } : {}) });
export const page = (userId: string | null, at: number) => msg('page', userId, at);
export const group = (userId: string, groupId: string, at: number, traits: object = {}) => msg('group', userId, at, { groupId, traits });
export const survey = (userId: string, at: number, score: number) => track(userId, 'Onward Survey Responded', at, { flowId: 'nps', score });

/** The settings most metric tests share. */
export const METRIC_SETTINGS = {
  valueEvent: 'Report Created',
  activation: { events: ['Project Created', 'Teammate Invited'], windowDays: 7 },
  dormantAfterDays: 14,
  segments: [{ name: 'Key accounts', when: { account: 'tier', op: 'in', value: ['KA'] } }, { name: 'Rest' }],
};
