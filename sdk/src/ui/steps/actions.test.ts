import { describe, expect, it } from 'vitest';
import { createCallbacks, createView } from '../testing';
import { actions, type StepButton } from './actions';

const link: StepButton = { label: { en: 'Docs' }, action: 'link', href: 'https://example.com' };

describe('actions', () => {
  it.each([
    ['only step', { index: 0, total: 1 }, ['Done']],
    ['first of three', { index: 0, total: 3 }, ['Next']],
    ['middle', { index: 1, total: 3 }, ['Back', 'Next']],
    ['last', { index: 2, total: 3 }, ['Back', 'Done']],
  ])('%s', (_, position, labels) => {
    expect(actions(createView(position), createCallbacks()).map((a) => a.label)).toEqual(labels);
  });

  it('hides Next when the step advances on a click on its target', () => {
    const view = createView({ index: 1, total: 3, step: { advance: { on: 'click' } } });
    expect(actions(view, createCallbacks()).map((a) => a.label)).toEqual(['Back']);
  });

  it('puts configured buttons between Back and Next, with their localised labels', () => {
    const view = createView({
      index: 1,
      total: 3,
      step: { buttons: [link] },
      buttonLabels: ['Read the docs'],
    });
    expect(actions(view, createCallbacks()).map((a) => [a.label, a.primary])).toEqual([
      ['Back', false],
      ['Read the docs', true],
      ['Next', true],
    ]);
  });

  it('lets configured navigation buttons replace the default ones', () => {
    const buttons: StepButton[] = [
      { label: { en: 'Skip tour' }, action: 'skip' },
      { label: { en: 'Previous' }, action: 'back' },
      { label: { en: 'Got it' }, action: 'done' },
    ];
    const view = createView({
      index: 1,
      total: 3,
      step: { advance: { on: 'event', event: 'X' }, buttons },
    });
    expect(actions(view, createCallbacks()).map((a) => a.label)).toEqual([
      'Skip tour',
      'Previous',
      'Got it',
    ]);
  });

  it('falls back to the first label when no localised label was given', () => {
    const view = createView({ step: { buttons: [link] } });
    expect(actions(view, createCallbacks())[0]?.label).toBe('Docs');
  });

  it('gives a single banner no default Done (its close button is enough)', () => {
    expect(actions(createView({ step: { type: 'banner' } }), createCallbacks())).toEqual([]);
  });

  it.each([
    ['next', 'next'],
    ['back', 'back'],
    ['done', 'complete'],
    ['skip', 'dismiss'],
    ['link', 'cta'],
    ['flow', 'cta'],
  ] as const)('a %s button calls %s', (action, callback) => {
    const button: StepButton = { label: { en: 'B' }, action, href: '/x', flowId: 'other' };
    const cb = createCallbacks();
    const view = createView({ step: { buttons: [button], advance: { on: 'click' } } });
    actions(view, cb)[0]?.run();
    expect(cb[callback]).toHaveBeenCalledTimes(1);
    if (callback === 'cta') expect(cb.cta).toHaveBeenCalledWith(button);
  });
});
