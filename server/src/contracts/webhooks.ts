// Outgoing webhooks (README "Webhooks"): endpoint configuration, the delivery log, and event bodies.
import { z } from 'zod';

export const WEBHOOK_EVENT_TYPES = [
  'user.dormant',
  'user.reactivated',
  'account.expansion',
  'account.health_dropped',
  'survey.responded',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2000);

export const webhookInputSchema = z.strictObject({
  url: httpUrl,
  /** Which event types this endpoint receives; repeats are dropped. */
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1, 'must name at least one event type')
    .transform((types) => [...new Set(types)]),
  /** An inactive endpoint is sent nothing, and events produced meanwhile are not kept for it. */
  active: z.boolean().default(true),
  description: z.string().trim().max(200).default(''),
  /** `user.dormant` events then carry `deepLink`: `url` with `onward_flow=<flowId>` (CONTRACT.md §2). */
  deepLink: z
    .strictObject({ url: httpUrl, flowId: z.string().trim().min(1).max(200) })
    .nullable()
    .default(null),
});
export type WebhookInput = z.input<typeof webhookInputSchema>;
export type WebhookSettings = z.output<typeof webhookInputSchema>;

export type Webhook = WebhookSettings & {
  id: string;
  /** Standard Webhooks signing secret (`whsec_` + base64 key); read-only. */
  secret: string;
  createdAt: string;
  updatedAt: string;
};

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One entry of `GET /v1/webhooks/:id/deliveries`. */
export type WebhookDelivery = {
  id: number;
  type: WebhookEventType;
  /** The `webhook-id` header: the same on every retry of this event. */
  idempotencyKey: string;
  eventKey: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  event: WebhookEvent;
};

export const deliveryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The JSON body of every webhook request. */
export type WebhookEvent<T extends WebhookEventType = WebhookEventType> = {
  type: T;
  /** Same as the `webhook-id` header. */
  id: string;
  createdAt: string;
  workspaceId: number;
  data: WebhookEventData[T];
};

export type WebhookEventData = {
  'user.dormant': {
    userId: string;
    accountId: string | null;
    lastSeen: string;
    dormantSince: string;
    dormantAfterDays: number;
    deepLink?: string;
  };
  'user.reactivated': {
    userId: string;
    accountId: string | null;
    returnedAt: string;
    lastSeenBefore: string;
    inactiveDays: number;
  };
  'survey.responded': {
    responseId: number;
    userId: string;
    accountId: string | null;
    flowId: string | null;
    score: number;
    comment: string | null;
    respondedAt: string;
  };
  'account.expansion': { accountId: string; health: number };
  'account.health_dropped': { accountId: string; health: number; previousHealth: number; drop: number };
};
