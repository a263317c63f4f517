import { flowInputSchema } from '@onward/server/contracts';
import { describe, expect, it } from 'vitest';
import { addLocale, addStep, changeStepType, freeStepId, moveStep, removeLocale, removeStep, selectionAfterMove, selectionAfterRemove, updateStep } from './steps';
import { starter } from './starters';

const ids = (d: { steps: { id: string }[] }) => d.steps.map((s) => s.id);
const tour = starter('tour'); // welcome, new-project, invite

describe('step edits', () => {
  it('adds a step of the kind’s default type after the given one, with a free id', () => {
    const next = addStep(tour, undefined, 0);
    expect(ids(next)).toEqual(['welcome', 'step-4', 'new-project', 'invite']);
    expect(next.steps[1]?.type).toBe('tooltip');
    expect(flowInputSchema.safeParse(next).success).toBe(true);
    expect(tour.steps).toHaveLength(3);
  });

  it('picks ids that are not taken', () => {
    expect(freeStepId([{ id: 'step-2' }, { id: 'step-3' }])).toBe('step-4');
    expect(freeStepId([{ id: 'step-2' }])).toBe('step-3');
    expect(freeStepId([{ id: 'step-2' }, { id: 'x' }])).toBe('step-3');
  });

  it('moves steps and clamps out-of-range targets', () => {
    expect(ids(moveStep(tour, 0, 2))).toEqual(['new-project', 'invite', 'welcome']);
    expect(ids(moveStep(tour, 2, 0))).toEqual(['invite', 'welcome', 'new-project']);
    expect(ids(moveStep(tour, 1, 99))).toEqual(['welcome', 'invite', 'new-project']);
    expect(moveStep(tour, 0, -1)).toBe(tour);
  });

  it('removes a step but never the last one', () => {
    expect(ids(removeStep(tour, 1))).toEqual(['welcome', 'invite']);
    const one = removeStep(removeStep(tour, 0), 0);
    expect(ids(one)).toEqual(['invite']);
    expect(removeStep(one, 0)).toBe(one);
  });

  it('keeps the selection on the same step', () => {
    expect(selectionAfterMove(0, 0, 2, 3)).toBe(2);
    expect(selectionAfterMove(1, 0, 2, 3)).toBe(0);
    expect(selectionAfterMove(1, 2, 0, 3)).toBe(2);
    expect(selectionAfterMove(2, 0, 1, 3)).toBe(2);
    expect(selectionAfterRemove(2, 0, 3)).toBe(1);
    expect(selectionAfterRemove(2, 2, 3)).toBe(1);
    expect(selectionAfterRemove(0, 1, 3)).toBe(0);
  });

  it('changes a step’s type keeping id and content', () => {
    const step = tour.steps[1]!;
    const banner = changeStepType(step, 'banner');
    expect(banner).toMatchObject({ id: 'new-project', type: 'banner', content: step.content });
    expect(flowInputSchema.safeParse(updateStep(tour, 1, () => banner)).success).toBe(true);
  });

  it('adds and removes content locales, never the last', () => {
    const step = { ...tour.steps[0]!, content: { en: { title: 'Hi' } } };
    const withFr = addLocale(step, 'fr');
    expect(Object.keys(withFr.content)).toEqual(['en', 'fr']);
    expect(Object.keys(removeLocale(withFr, 'en').content)).toEqual(['fr']);
    expect(removeLocale(step, 'en')).toBe(step);
  });
});
