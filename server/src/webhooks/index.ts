// Outgoing webhooks: admin routes, the queue, fan-out of produced events, the delivery worker, signing.
export { webhookRoutes } from './routes';
export { createWebhookStore, type WebhookStore, type ActiveWebhook } from './store';
export { createDeliveryQueue, type DeliveryQueue } from './queue';
export { deliveriesFor, eventId, type ProducedEvent } from './fan-out';
export { createDeliveryWorker, type DeliveryWorker, type DeliveryReport } from './deliver';
export { sign, signedHeaders, verify } from './sign';
