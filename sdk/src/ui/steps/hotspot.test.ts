import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTarget, createView, mountForTest } from '../testing';

afterEach(() => document.body.replaceChildren());

describe('hotspot step', () => {
  it('shows a beacon button on the target corner and no tip yet', async () => {
    const { show, $, root } = mountForTest();
    const target = createTarget();
    vi.spyOn(target, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 50, 40, 20));
    await show(createView({ target, step: { type: 'hotspot' }, text: { title: 'New filters' } }));
    const beacon = $('.ow-beacon');
    expect(beacon?.tagName).toBe('BUTTON');
    expect(beacon?.getAttribute('aria-label')).toBe('New filters');
    expect(beacon?.getAttribute('aria-expanded')).toBe('false');
    expect([beacon?.style.left, beacon?.style.top]).toEqual(['128px', '38px']);
    expect($('[role=dialog]')).toBeNull();
    expect(root.activeElement).toBeNull();
  });

  it('puts the beacon on the left corner in right-to-left content', async () => {
    const { show, $ } = mountForTest();
    const target = createTarget();
    vi.spyOn(target, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 50, 40, 20));
    await show(createView({ target, locale: 'he', step: { type: 'hotspot' } }));
    expect($('.ow-beacon')?.style.left).toBe('88px');
  });

  it('opens the tip on activation, focuses it, and dismisses when the tip is closed', async () => {
    const { show, $, root, cb, click } = mountForTest();
    await show(createView({ target: createTarget(), step: { type: 'hotspot' } }));
    await click($('.ow-beacon'));
    expect($('.ow-beacon')?.getAttribute('aria-expanded')).toBe('true');
    expect(root.activeElement).toBe($('[role=dialog]'));
    await click($('[aria-label=Close]'));
    expect(cb.dismiss).toHaveBeenCalledTimes(1);
  });

  it('dismisses on Esc', async () => {
    const { show, cb, key } = mountForTest();
    await show(createView({ target: createTarget(), step: { type: 'hotspot' } }));
    await key('Escape');
    expect(cb.dismiss).toHaveBeenCalledTimes(1);
  });
});
