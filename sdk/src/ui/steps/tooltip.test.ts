import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTarget, createView, mountForTest } from '../testing';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('tooltip step', () => {
  it('is a labelled, described, non-modal dialog with progress and buttons', async () => {
    const { show, $, buttons } = mountForTest();
    await show(createView({ target: createTarget(), index: 1, total: 4 }));
    const dialog = $('[role=dialog]');
    expect(dialog?.classList.contains('ow-tip')).toBe(true);
    expect(dialog?.hasAttribute('aria-modal')).toBe(false);
    expect($(`#${dialog?.getAttribute('aria-labelledby')}`)?.textContent).toBe('Hello');
    expect(dialog?.getAttribute('aria-describedby')).toBe('ow-b ow-p');
    expect($('#ow-b')?.innerHTML).toBe('<p>Start <strong>here</strong>.</p>');
    expect($('#ow-p')?.textContent).toBe('2 / 4');
    expect(buttons()).toEqual(['Close', 'Back', 'Next']);
    expect($$types()).toEqual(['button']);
    function $$types() {
      return [...new Set(Array.from(dialog?.querySelectorAll('button') ?? [], (b) => b.type))];
    }
  });

  it('calls next, back and dismiss from its buttons', async () => {
    const { show, $$, cb, click } = mountForTest();
    await show(createView({ target: createTarget(), index: 1, total: 3 }));
    const [close, back, next] = $$('button');
    await click(next ?? null);
    await click(back ?? null);
    await click(close ?? null);
    expect([cb.next, cb.back, cb.dismiss].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('shows Done on the last step and calls complete', async () => {
    const { show, $, cb, click } = mountForTest();
    await show(createView({ target: createTarget(), index: 2, total: 3 }));
    expect($('.ow-pri')?.textContent).toBe('Done');
    await click($('.ow-pri'));
    expect(cb.complete).toHaveBeenCalledTimes(1);
  });

  it('calls dismiss on Esc', async () => {
    const { show, cb, key } = mountForTest();
    await show(createView({ target: createTarget() }));
    await key('Escape');
    expect(cb.dismiss).toHaveBeenCalledTimes(1);
  });

  it('moves focus into the dialog without making the page inert', async () => {
    const { show, root } = mountForTest();
    const target = createTarget();
    await show(createView({ target }));
    expect(root.activeElement?.getAttribute('role')).toBe('dialog');
    expect(target.hasAttribute('inert')).toBe(false);
  });

  it('is positioned by floating-ui beside its target', async () => {
    const { show, $ } = mountForTest();
    await show(createView({ target: createTarget(), step: { placement: 'top' } }));
    await vi.waitFor(() => expect($('.ow-tip')?.getAttribute('data-side')).toBeTruthy());
    expect($('.ow-tip')?.style.top).toMatch(/px$/);
    expect($('.ow-tip')?.style.left).toMatch(/px$/);
  });

  it('draws a spotlight around the target when asked', async () => {
    const { show, $ } = mountForTest();
    const target = createTarget();
    vi.spyOn(target, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 50, 40, 20));
    await show(createView({ target, step: { spotlight: true } }));
    const spot = $('.ow-spot');
    expect(spot?.getAttribute('aria-hidden')).toBe('true');
    expect([spot?.style.left, spot?.style.top, spot?.style.width, spot?.style.height]).toEqual([
      '96px',
      '46px',
      '48px',
      '28px',
    ]);
  });

  it('scrolls an off-screen target to the centre first, smoothly unless motion is reduced', async () => {
    const { show } = mountForTest();
    const target = createTarget();
    vi.spyOn(target, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 5000, 40, 20));
    const scroll = vi.spyOn(target, 'scrollIntoView').mockImplementation(() => {});
    await show(createView({ target }));
    expect(scroll).toHaveBeenCalledWith({ block: 'center', inline: 'nearest', behavior: 'smooth' });
  });

  it('does not scroll a target that is already visible', async () => {
    const { show } = mountForTest();
    const target = createTarget();
    vi.spyOn(target, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 10, 40, 20));
    const scroll = vi.spyOn(target, 'scrollIntoView').mockImplementation(() => {});
    await show(createView({ target }));
    expect(scroll).not.toHaveBeenCalled();
  });

  it('scrolls without animation under prefers-reduced-motion', async () => {
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) => ({ matches: query.includes('reduce'), media: query }) as MediaQueryList,
    );
    const { show } = mountForTest();
    const target = createTarget();
    vi.spyOn(target, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, -400, 40, 20));
    const scroll = vi.spyOn(target, 'scrollIntoView').mockImplementation(() => {});
    await show(createView({ target }));
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ behavior: 'auto' }));
  });

  it.each(['tooltip', 'hotspot'] as const)(
    'a %s without a target is a centred modal',
    async (type) => {
      const { show, $ } = mountForTest();
      await show(createView({ target: null, step: { type, spotlight: true } }));
      expect($('[role=dialog]')?.classList.contains('ow-modal')).toBe(true);
      expect($('[role=dialog]')?.getAttribute('aria-modal')).toBe('true');
      expect($('.ow-beacon')).toBeNull();
      expect($('.ow-spot')).toBeNull();
    },
  );

  it('names a dialog without a title generically', async () => {
    const { show, $ } = mountForTest();
    await show(createView({ target: createTarget(), text: { body: 'Only a body' } }));
    expect($('[role=dialog]')?.getAttribute('aria-label')).toBe('Message');
    expect($('h2')).toBeNull();
  });

  it('renders configured CTA buttons and passes the button to cta', async () => {
    const { show, $$, cb, click } = mountForTest();
    const button = {
      label: { en: 'Docs', fr: 'Docs FR' },
      action: 'link',
      href: 'https://example.com',
    } as const;
    await show(
      createView({
        target: createTarget(),
        step: { buttons: [button] },
        buttonLabels: ['Docs FR'],
      }),
    );
    const cta = $$('button').find((b) => b.textContent === 'Docs FR');
    await click(cta ?? null);
    expect(cb.cta).toHaveBeenCalledWith(button);
  });
});
