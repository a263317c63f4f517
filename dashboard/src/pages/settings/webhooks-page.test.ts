import { webhookInputSchema } from '@onward/server/contracts';
import { describe, expect, it } from 'vitest';
import { toWebhookInput } from './webhooks-page';

describe('toWebhookInput', () => {
  it('sends a deep link only when both its fields are filled, in the shape the server accepts', () => {
    const draft = { url: ' https://hooks.example.com/onward ', description: '', events: ['user.dormant' as const], deepLinkUrl: 'https://app.example.com/', deepLinkFlow: '' };
    expect(toWebhookInput(draft)).toEqual({ url: 'https://hooks.example.com/onward', description: '', events: ['user.dormant'], active: true, deepLink: null });
    const linked = toWebhookInput({ ...draft, deepLinkFlow: 'welcome-back' });
    expect(linked.deepLink).toEqual({ url: 'https://app.example.com/', flowId: 'welcome-back' });
    expect(webhookInputSchema.safeParse(linked).success).toBe(true);
  });
});
