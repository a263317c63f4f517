import { afterEach, describe, expect, it } from 'vitest';
import { createTarget, createView, mountForTest } from '../testing';

afterEach(() => document.body.replaceChildren());

function page() {
  const header = document.createElement('header');
  const main = document.createElement('main');
  const aside = document.createElement('aside');
  aside.setAttribute('inert', '');
  document.body.append(header, main, aside);
  return { header, main, aside };
}

describe('modal step', () => {
  it('is a modal dialog over a backdrop', async () => {
    const { show, $, buttons } = mountForTest();
    await show(createView({ step: { type: 'modal' } }));
    expect($('[role=dialog]')?.getAttribute('aria-modal')).toBe('true');
    expect($('.ow-back')).not.toBeNull();
    expect(buttons()).toEqual(['Close', 'Done']);
  });

  it('makes the rest of the page inert while open and restores exactly what it changed', async () => {
    const { header, main, aside } = page();
    const { ui, host, show } = mountForTest();
    await show(createView({ step: { type: 'modal' } }));
    expect([header, main, aside].map((el) => el.hasAttribute('inert'))).toEqual([true, true, true]);
    expect(host.hasAttribute('inert')).toBe(false);
    ui.clear();
    expect([header, main, aside].map((el) => el.hasAttribute('inert'))).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('restores inert when the next step is not a modal', async () => {
    const { main } = page();
    const { show } = mountForTest();
    await show(createView({ step: { type: 'modal' } }));
    await show(createView({ step: { id: 's2', type: 'banner' } }));
    expect(main.hasAttribute('inert')).toBe(false);
  });

  it('traps Tab inside the dialog', async () => {
    const { show, root, $, $$, key } = mountForTest();
    await show(createView({ index: 1, total: 2, step: { type: 'modal' } }));
    const dialog = $('[role=dialog]');
    const all = $$('[role=dialog] button');
    all.at(-1)?.focus();
    await key('Tab', dialog ?? document);
    expect(root.activeElement).toBe(all[0]);
    await key('Tab', all[0] ?? document, { shiftKey: true });
    expect(root.activeElement).toBe(all.at(-1));
  });

  it('moves focus in and back to where it was', async () => {
    const opener = createTarget('opener');
    opener.focus();
    const { ui, show, root } = mountForTest();
    await show(createView({ step: { type: 'modal' } }));
    expect(root.activeElement).toBe(root.querySelector('[role=dialog]'));
    ui.clear();
    expect(document.activeElement).toBe(opener);
  });

  it('calls complete from Done and dismiss from Esc', async () => {
    const { show, $, cb, click, key } = mountForTest();
    await show(createView({ step: { type: 'modal' } }));
    await click($('.ow-pri'));
    await key('Escape');
    expect(cb.complete).toHaveBeenCalledTimes(1);
    expect(cb.dismiss).toHaveBeenCalledTimes(1);
  });
});
