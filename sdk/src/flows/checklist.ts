// Checklist items done in this browser, kept in storage `onward:checklist:<flowId>` (a JSON array
// of item ids). An item completes on its event, or when its flow completes, seen here.
import type { DeliveredFlow } from '@onward/server/contracts';
import type { Store } from '../shared/storage';

type Item = NonNullable<DeliveredFlow['steps'][number]['items']>[number];

export const checklistKey = (flowId: string): string => `onward:checklist:${flowId}`;

/** The ids of the flow's items done so far. */
export function doneItems(store: Store, flowId: string): Set<string> {
  try {
    const ids: unknown = JSON.parse(store.get(checklistKey(flowId)) ?? '[]');
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Every checklist item of the flow. */
export const itemsOf = (flow: DeliveredFlow): Item[] =>
  flow.steps.flatMap((step) => (step.type === 'checklist' ? (step.items ?? []) : []));

/**
 * Marks the items `isDone` selects; true when one was new.
 *
 * @example
 * markItems(store, flow, (on) => 'event' in on && on.event === 'Project Created');
 */
export function markItems(
  store: Store,
  flow: DeliveredFlow,
  isDone: (on: Item['completeOn']) => boolean,
): boolean {
  const done = doneItems(store, flow.id);
  const before = done.size;
  for (const item of itemsOf(flow)) if (isDone(item.completeOn)) done.add(item.id);
  if (done.size !== before) store.set(checklistKey(flow.id), JSON.stringify([...done]));
  return done.size !== before;
}
