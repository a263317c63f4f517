// Pure edits of a draft's steps: add, move, remove, change. Each returns a new draft (or the same
// one when nothing changes), so the editor keeps undo-free, testable state.
import { newStep, STEP_TYPES_BY_KIND, type Draft, type DraftStep, type StepType } from './starters';

/** `step-4`, the first free id of that shape. */
export function freeStepId(steps: readonly { id: string }[], base = 'step'): string {
  const taken = new Set(steps.map((s) => s.id));
  for (let n = steps.length + 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Appends a step of `type` (default: the kind's first step type) after `after` (default: last). */
export function addStep(draft: Draft, type: StepType = STEP_TYPES_BY_KIND[draft.kind][0] ?? 'modal', after = draft.steps.length - 1): Draft {
  const step = newStep(type, freeStepId(draft.steps));
  const steps = [...draft.steps];
  steps.splice(after + 1, 0, step);
  return { ...draft, steps };
}

/** Moves the step at `from` to `to` (clamped); the same draft when that is no move. */
export function moveStep(draft: Draft, from: number, to: number): Draft {
  const target = Math.max(0, Math.min(draft.steps.length - 1, to));
  if (from === target || from < 0 || from >= draft.steps.length) return draft;
  const steps = [...draft.steps];
  const [moved] = steps.splice(from, 1);
  if (moved === undefined) return draft;
  steps.splice(target, 0, moved);
  return { ...draft, steps };
}

/** Removes a step; the last one stays (a flow needs at least one). */
export function removeStep(draft: Draft, index: number): Draft {
  if (draft.steps.length <= 1 || index < 0 || index >= draft.steps.length) return draft;
  return { ...draft, steps: draft.steps.filter((_, i) => i !== index) };
}

/** Replaces step `index` with `update(step)`. */
export function updateStep(draft: Draft, index: number, update: (step: DraftStep) => DraftStep): Draft {
  const step = draft.steps[index];
  if (step === undefined) return draft;
  const steps = [...draft.steps];
  steps[index] = update(step);
  return { ...draft, steps };
}

/** Changes a step's type, keeping its id and content, and the fields that type uses. */
export function changeStepType(step: DraftStep, type: StepType): DraftStep {
  const fresh = newStep(type, step.id);
  return { ...fresh, content: step.content, ...(step.buttons && { buttons: step.buttons }), ...(step.advance && { advance: step.advance }) };
}

/** Where the selection goes after moving or removing: follows the moved step, stays in range. */
export const selectionAfterMove = (selected: number, from: number, to: number, length: number): number => {
  const target = Math.max(0, Math.min(length - 1, to));
  if (selected === from) return target;
  if (from < selected && target >= selected) return selected - 1;
  if (from > selected && target <= selected) return selected + 1;
  return selected;
};
export const selectionAfterRemove = (selected: number, removed: number, length: number): number =>
  Math.max(0, Math.min(length - 2, removed < selected ? selected - 1 : selected));

/** Content locales used anywhere in the step (en first), plus `extra`. */
export function stepLocales(step: DraftStep): string[] {
  const tags = new Set(['en', ...Object.keys(step.content)]);
  return [...tags];
}

/** Adds an empty locale to the step's content and button labels. */
export function addLocale(step: DraftStep, locale: string): DraftStep {
  if (locale in step.content) return step;
  return {
    ...step,
    content: { ...step.content, [locale]: {} },
  };
}

/** Removes a locale from the step's content (never the last one). */
export function removeLocale(step: DraftStep, locale: string): DraftStep {
  if (!(locale in step.content) || Object.keys(step.content).length <= 1) return step;
  const { [locale]: _gone, ...content } = step.content;
  return { ...step, content };
}
