// Debug mode: for each flow, why it is or is not on screen.
import type { DeliveredFlow } from '@onward/server/contracts';
import { describeTrigger } from '../triggers';

export type FlowState = {
  flow: DeliveredFlow;
  /** The trigger holds (or held: events, elements and returns stay fired). */
  active: boolean;
  /** Resumes at this step (progress from the server, or paused here). */
  at: number | null;
  /** What it is doing when it is on screen. */
  status?: string;
  /** How it ended in this page session (completed, dismissed, held out). */
  done?: string;
  /** Its page matches (for a resume: the step's URL, or the page trigger). */
  pageOk: boolean;
  /** The throttle's end, 0 when not throttled. */
  throttledUntil: number;
  /** The flow holding its place on screen. */
  blockedBy?: string;
};

/**
 * One line for the console.
 *
 * @example
 * explain(state); // 'trigger not matched yet: page /demo/reports* (glob)'
 */
export function explain(state: FlowState): string {
  const { flow, at } = state;
  if (state.status) return state.status;
  if (state.done) return `ended in this page session: ${state.done}`;
  if (at !== null) {
    if (!state.pageOk) return `resumes at step ${at + 1} when its page is open`;
  } else {
    if (!state.active) return `trigger not matched yet: ${describeTrigger(flow.trigger)}`;
    if (flow.heldOut) return 'held out';
    if (state.throttledUntil)
      return `throttled until ${new Date(state.throttledUntil).toISOString()}`;
  }
  return `waiting: ${state.blockedBy ?? 'another flow'} is on screen`;
}
