// The webhook routes of the admin API (README "Webhooks"), mounted on the admin API as `webhooks`.
import type { Webhook, WebhookDelivery, WebhookInput } from '@onward/server/contracts';
import type { Client } from './client';

const segment = (id: string) => encodeURIComponent(id);

export function webhooksApi(client: Client) {
  return {
    list: () => client.get<{ webhooks: Webhook[] }>('/v1/webhooks'),
    create: (input: WebhookInput) => client.post<Webhook>('/v1/webhooks', input),
    save: (id: string, input: WebhookInput) => client.put<Webhook>(`/v1/webhooks/${segment(id)}`, input),
    remove: (id: string) => client.del(`/v1/webhooks/${segment(id)}`),
    deliveries: (id: string, limit = 50) => client.get<{ deliveries: WebhookDelivery[] }>(`/v1/webhooks/${segment(id)}/deliveries?limit=${limit}`),
  };
}
