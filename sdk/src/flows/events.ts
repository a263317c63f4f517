// The `Onward …` events the engine sends through the normal track path (CONTRACT.md §2), and
// the listener events (`Onward.on`) that mirror them.
import type { DeliveredFlow } from '@onward/server/contracts';
import type { OnwardEvent, OnwardEventName, Properties } from '../api/types';

/** Each `Onward <kind>` event, and the listener event it emits (0: none). */
const LISTENERS = {
  'Flow Started': 'flow:started',
  'Step Viewed': 'step:viewed',
  'Flow Completed': 'flow:completed',
  'Flow Dismissed': 'flow:dismissed',
  'Flow Held Out': 0,
  'Flow Target Missing': 0,
  'Survey Responded': 'survey:responded',
} as const;

export type OnwardEventKind = keyof typeof LISTENERS;

/** Sends `Onward <kind>` for a flow (at a step, when given) and emits its listener event. */
export type Report = (
  kind: OnwardEventKind,
  flow: DeliveredFlow,
  stepIndex?: number,
  extra?: Properties,
) => void;

/**
 * @example
 * const report = createReport({ track: onward.track, emit: events.emit });
 * report('Step Viewed', flow, 1); // Onward Step Viewed { flowId, flowVersion, stepId, stepIndex: 1 }
 */
export function createReport(deps: {
  track(event: string, properties: Properties): void;
  emit(name: OnwardEventName, event: OnwardEvent): void;
}): Report {
  return (kind, flow, stepIndex, extra) => {
    const step = stepIndex === undefined ? undefined : flow.steps[stepIndex];
    const properties = {
      flowId: flow.id,
      flowVersion: flow.version,
      ...(step && { stepId: step.id, stepIndex }),
      ...extra,
    };
    deps.track(`Onward ${kind}`, properties);
    const listener = LISTENERS[kind];
    if (listener) deps.emit(listener, properties as OnwardEvent);
  };
}
