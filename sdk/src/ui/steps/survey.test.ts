import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { createView, mountForTest } from '../testing';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

const view = () =>
  createView({
    step: { type: 'survey' },
    text: { title: 'How likely are you to recommend Acme?', body: 'What could we do better?' },
  });

describe('survey step', () => {
  it('asks the question with eleven score buttons from 0 to 10 and end labels', async () => {
    const { show, $, $$ } = mountForTest();
    await show(view());
    const group = $('[role=group]');
    expect($(`#${group?.getAttribute('aria-labelledby')}`)?.textContent).toBe(
      'How likely are you to recommend Acme?',
    );
    const scores = $$('.ow-scale button');
    expect(scores.map((b) => b.textContent)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(scores[0]?.getAttribute('aria-label')).toBe('0, Not likely');
    expect(scores[10]?.getAttribute('aria-label')).toBe('10, Very likely');
  });

  it('sends the score at once, then the comment, then thanks and completes', async () => {
    const { show, $, $$, root, cb, click } = mountForTest();
    await show(view());
    await click($$('.ow-scale button')[9] ?? null);
    expect(cb.survey).toHaveBeenCalledWith(9);
    const box = $<HTMLTextAreaElement>('textarea');
    expect($('label[for=ow-c]')?.textContent).toBe('What could we do better?');
    expect(root.activeElement).toBe(box);
    await act(() => {
      if (box) box.value = '  More reports  ';
      box?.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click($$('button').find((b) => b.textContent === 'Send') ?? null);
    expect(cb.survey).toHaveBeenLastCalledWith(9, 'More reports');
    expect($('[role=status]')?.textContent).toBe('Thank you!');
    expect(cb.complete).not.toHaveBeenCalled();
    await act(() => {
      vi.advanceTimersByTime(2500);
    });
    expect(cb.complete).toHaveBeenCalledTimes(1);
    expect(cb.dismiss).not.toHaveBeenCalled();
  });

  it('sends no second answer when the comment is left empty', async () => {
    const { show, $$, cb, click } = mountForTest();
    await show(view());
    await click($$('.ow-scale button')[3] ?? null);
    await click($$('button').find((b) => b.textContent === 'Send') ?? null);
    expect(cb.survey.mock.calls).toEqual([[3]]);
  });

  it('dismisses on close before a score, but completes once a score is in', async () => {
    const first = mountForTest();
    await first.show(view());
    await first.key('Escape');
    expect(first.cb.dismiss).toHaveBeenCalledTimes(1);
    first.ui.destroy();

    const second = mountForTest();
    await second.show(view());
    await second.click(second.$$('.ow-scale button')[10] ?? null);
    await second.key('Escape');
    await second.click(second.$('[aria-label=Close]'));
    expect(second.cb.dismiss).not.toHaveBeenCalled();
    expect(second.cb.complete).toHaveBeenCalledTimes(2);
  });

  it('stops its thank-you timer when cleared', async () => {
    const { ui, show, $$, cb, click } = mountForTest();
    await show(view());
    await click($$('.ow-scale button')[5] ?? null);
    await click($$('button').find((b) => b.textContent === 'Send') ?? null);
    ui.clear();
    vi.advanceTimersByTime(5000);
    expect(cb.complete).not.toHaveBeenCalled();
  });
});
