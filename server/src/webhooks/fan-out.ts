// Produced events → one delivery row per subscribed endpoint, with the exact body it will receive.
import { createHash } from 'node:crypto';
import type { WebhookEvent, WebhookEventData, WebhookEventType } from '../contracts/webhooks';
import { deepLinkUrl } from './deep-link';
import type { DeliveryRow } from './queue';
import type { ActiveWebhook } from './store';

/** An event as a job produces it; `key` names it uniquely within the workspace. */
export type ProducedEvent = {
  [T in WebhookEventType]: { workspaceId: number; key: string; type: T; data: WebhookEventData[T]; createdAt: number };
}[WebhookEventType];

/**
 * The event's id (body `id`, header `webhook-id`): derived from its key, so two servers producing
 * the same event give it the same id, and a receiver can de-duplicate on it.
 */
export function eventId(workspaceId: number, key: string): string {
  return `evt_${createHash('sha256').update(`${workspaceId}:${key}`).digest('hex').slice(0, 32)}`;
}

function dataFor(webhook: ActiveWebhook, event: ProducedEvent): ProducedEvent['data'] {
  if (event.type === 'user.dormant' && webhook.deepLink !== null) {
    return { ...event.data, deepLink: deepLinkUrl(webhook.deepLink.url, webhook.deepLink.flowId) };
  }
  return event.data;
}

export function deliveriesFor(webhooks: ActiveWebhook[], events: ProducedEvent[]): DeliveryRow[] {
  return events.flatMap((event) => {
    const id = eventId(event.workspaceId, event.key);
    return webhooks
      .filter((w) => w.events.includes(event.type))
      .map((webhook) => {
        const body = { type: event.type, id, createdAt: new Date(event.createdAt).toISOString(), workspaceId: event.workspaceId, data: dataFor(webhook, event) };
        return {
          workspaceId: event.workspaceId,
          webhookId: webhook.id,
          eventKey: event.key,
          messageId: id,
          type: event.type,
          payload: JSON.stringify(body satisfies WebhookEvent),
        };
      });
  });
}
