// Checks a flow definition sent for preview before the engine sees it (the SDK carries no zod):
// the shape the engine relies on, with the server's defaults filled in. The preview runs it as
// delivered flow version 0, with a manual trigger and no audience, frequency or holdout.
import type { DeliveredFlow } from '@onward/server/contracts';

const STEP_TYPES = ['tooltip', 'modal', 'hotspot', 'banner', 'checklist', 'survey'];
const ADVANCES = ['next', 'click', 'event', 'url'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** What is wrong with step `i`, or undefined. */
function stepProblem(step: unknown, i: number): string | undefined {
  const at = `steps.${i}`;
  if (!isObject(step)) return `${at} must be an object`;
  if (!isText(step.id)) return `${at}.id must be a non-empty string`;
  if (!STEP_TYPES.includes(step.type as string)) return `${at}.type must be one of ${STEP_TYPES.join(', ')}`;
  const content = step.content;
  if (!isObject(content) || !Object.values(content).some(isObject))
    return `${at}.content needs at least one locale`;
  if (step.target !== undefined && typeof step.target !== 'string') return `${at}.target must be a string`;
  if (step.advance !== undefined && !(isObject(step.advance) && ADVANCES.includes(step.advance.on as string)))
    return `${at}.advance.on must be one of ${ADVANCES.join(', ')}`;
  for (const list of ['buttons', 'items'] as const)
    if (step[list] !== undefined && !Array.isArray(step[list])) return `${at}.${list} must be an array`;
  return undefined;
}

/**
 * @example
 * toPreviewFlow({ name: 'Tour', kind: 'tour', steps: [{ id: 'a', type: 'modal', content: { en: { title: 'Hi' } } }] });
 * // { flow: { id: 'preview', version: 0, trigger: { type: 'manual' }, … } }
 */
export function toPreviewFlow(input: unknown): { flow: DeliveredFlow } | { error: string } {
  if (!isObject(input)) return { error: 'the flow must be an object' };
  const steps = input.steps;
  if (!Array.isArray(steps) || steps.length === 0 || steps.length > 50)
    return { error: 'steps must hold 1 to 50 steps' };
  const problem = steps.map(stepProblem).find(Boolean);
  if (problem) return { error: problem };
  const flow = {
    kind: 'tour',
    frequency: 'once',
    priority: 0,
    holdout: 0,
    ...input,
    id: isText(input.id) ? input.id : 'preview',
    name: isText(input.name) ? input.name : 'Preview',
    theme: isObject(input.theme) ? input.theme : undefined,
    trigger: { type: 'manual' },
    steps: steps.map((step: Record<string, unknown>) => ({
      placement: 'auto',
      advance: { on: 'next' },
      spotlight: false,
      position: 'top',
      inline: false,
      ...step,
    })),
    version: 0,
    heldOut: false,
    progress: null,
  };
  return { flow: flow as unknown as DeliveredFlow };
}
