import { afterEach, describe, expect, it } from 'vitest';
import { createView, mountForTest } from '../testing';
import type { ChecklistItemView } from '../types';

afterEach(() => document.body.replaceChildren());

const items: ChecklistItemView[] = [
  { id: 'a', text: { title: 'Create a project' }, done: true, action: { flowId: 'project-tour' } },
  { id: 'b', text: { title: 'Invite a teammate' }, done: false, action: { href: '/team' } },
  { id: 'c', text: { title: 'Read the guide' }, done: false },
];
const view = (list = items) =>
  createView({ step: { type: 'checklist' }, items: list, text: { title: 'Get started' } });

describe('checklist step', () => {
  it('shows progress as a progressbar on the launcher', async () => {
    const { show, $ } = mountForTest();
    await show(view());
    const bar = $('[role=progressbar]');
    expect(bar?.textContent).toBe('1/3');
    expect(bar?.getAttribute('aria-valuenow')).toBe('1');
    expect(bar?.getAttribute('aria-valuemin')).toBe('0');
    expect(bar?.getAttribute('aria-valuemax')).toBe('3');
  });

  it('expands and collapses the list from the launcher', async () => {
    const { show, $, click } = mountForTest();
    await show(view());
    const launcher = $('.ow-launch button');
    expect(launcher?.getAttribute('aria-expanded')).toBe('false');
    expect($('#ow-panel')).toBeNull();
    await click(launcher);
    expect(launcher?.getAttribute('aria-expanded')).toBe('true');
    expect($('#ow-panel')?.getAttribute('aria-label')).toBe('Get started');
    await click(launcher);
    expect($('#ow-panel')).toBeNull();
  });

  it('lists items with their done state; items with an action are buttons that call back', async () => {
    const { show, $$, cb, click } = mountForTest();
    await show(view(items.map((i) => ({ ...i, done: false }))));
    await show(view());
    const rows = $$('.ow-items li');
    expect(rows.map((li) => li.classList.contains('ow-done'))).toEqual([true, false, false]);
    expect(rows[0]?.textContent).toContain('(done)');
    expect(rows.map((li) => li.querySelector('button') !== null)).toEqual([true, true, false]);
    await click(rows[1]?.querySelector('button') ?? null);
    expect(cb.checklistItem).toHaveBeenCalledWith(items[1]);
  });

  it('keeps its open state when the engine re-renders it with new progress', async () => {
    const { show, $ } = mountForTest();
    const none = items.map((i) => ({ ...i, done: false }));
    await show(view(none));
    expect($('#ow-panel')).not.toBeNull();
    await show(view(none.map((i, n) => ({ ...i, done: n < 2 }))));
    expect($('#ow-panel')).not.toBeNull();
    expect($('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('2');
  });

  it('can always be closed: the close button and Esc dismiss', async () => {
    const { show, $, cb, click, key } = mountForTest();
    await show(view());
    await click($('[aria-label=Close]'));
    await key('Escape');
    expect(cb.dismiss).toHaveBeenCalledTimes(2);
  });

  it('does not take focus when it appears', async () => {
    const { show, root } = mountForTest();
    await show(view());
    expect(root.activeElement).toBeNull();
  });
});
