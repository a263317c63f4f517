// The draft as the SDK would receive it (a DeliveredFlow), tolerant of half-edited steps, and the
// StepView for one step in one locale, with sample traits for {{user.firstName}} placeholders.
import { stepSchema, type DeliveredFlow, type Step } from '@onward/server/contracts';
import type { Draft, DraftStep } from '../editor/starters';
import { buildView, type StepView } from './sdk-ui';

const SAMPLE = { user: { firstName: 'Ada', name: 'Ada Lovelace' }, account: { name: 'Acme' } };

/** The step with the schema's defaults; a step the schema refuses still previews with defaults. */
export function previewStep(step: DraftStep): Step {
  const parsed = stepSchema.safeParse(step);
  if (parsed.success) return parsed.data;
  return { placement: 'auto', advance: { on: 'next' }, spotlight: false, position: 'top', inline: false, ...step } as Step;
}

export function previewView(draft: Draft, index: number, locale: string, target: Element | null): StepView | null {
  if (draft.steps[index] === undefined) return null;
  const flow = {
    id: draft.id ?? 'preview',
    name: draft.name,
    kind: draft.kind,
    steps: draft.steps.map(previewStep),
    version: 0,
    heldOut: false,
    progress: null,
  } as unknown as DeliveredFlow;
  return buildView({ flow, index, target, locale, traits: SAMPLE, done: new Set() });
}
