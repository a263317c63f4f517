import { afterEach, describe, expect, it } from 'vitest';
import { createView, mountForTest } from '../testing';

afterEach(() => document.body.replaceChildren());

describe('banner step', () => {
  it('is a labelled region with the body, a CTA and a close button, and takes no focus', async () => {
    const before = document.createElement('input');
    document.body.append(before);
    before.focus();
    const { show, $, buttons } = mountForTest();
    const cta = { label: { en: 'See what is new' }, action: 'flow', flowId: 'whats-new' } as const;
    await show(
      createView({ step: { type: 'banner', buttons: [cta] }, buttonLabels: ['See what is new'] }),
    );
    const region = $('[role=region]');
    expect(region?.getAttribute('aria-label')).toBe('Hello');
    expect(region?.querySelector('.ow-body')?.textContent).toBe('Start here.');
    expect(buttons()).toEqual(['Close', 'See what is new']);
    expect(document.activeElement).toBe(before);
  });

  it('calls cta with the flow button and dismiss from the close button', async () => {
    const { show, $$, cb, click } = mountForTest();
    const cta = { label: { en: 'Go' }, action: 'flow', flowId: 'next-flow' } as const;
    await show(createView({ step: { type: 'banner', buttons: [cta] }, buttonLabels: ['Go'] }));
    const [close, go] = $$('button');
    await click(go ?? null);
    await click(close ?? null);
    expect(cb.cta).toHaveBeenCalledWith(cta);
    expect(cb.dismiss).toHaveBeenCalledTimes(1);
  });

  it('falls back to a generic name without a title', async () => {
    const { show, $ } = mountForTest();
    await show(createView({ step: { type: 'banner' }, text: { body: 'Maintenance tonight' } }));
    expect($('[role=region]')?.getAttribute('aria-label')).toBe('Announcement');
  });
});
