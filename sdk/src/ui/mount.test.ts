import type * as FloatingUi from '@floating-ui/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTarget, createView, mountForTest } from './testing';

const floating = vi.hoisted(() => ({ stops: [] as Array<() => void> }));
vi.mock('@floating-ui/dom', async (importOriginal) => {
  const mod = await importOriginal<typeof FloatingUi>();
  return {
    ...mod,
    autoUpdate: (...args: Parameters<typeof mod.autoUpdate>) => {
      const stop = vi.fn(mod.autoUpdate(...args));
      floating.stops.push(stop);
      return stop;
    },
  };
});

afterEach(() => {
  document.body.replaceChildren();
  floating.stops.length = 0;
  vi.restoreAllMocks();
});

describe('mountUi host', () => {
  it('adds one host under <body> with an open shadow root and an adopted stylesheet', () => {
    const { host, root } = mountForTest();
    expect(document.querySelectorAll('[data-onward-root]')).toHaveLength(1);
    expect(host.parentElement).toBe(document.body);
    expect(host.shadowRoot).toBe(root);
    expect(root.adoptedStyleSheets).toHaveLength(1);
    const css = Array.from(root.adoptedStyleSheets[0]?.cssRules ?? [], (r) => r.cssText).join('');
    expect(css).toContain(':host');
    expect(root.querySelector('style')).toBeNull();
  });

  it('falls back to a <style> in the shadow root without constructable stylesheets, and keeps it', async () => {
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => {
      throw new Error('unsupported');
    });
    const { root, show, $ } = mountForTest();
    await show(createView({ step: { type: 'modal' } }));
    expect(root.querySelector('style')?.textContent).toContain(':host');
    expect($('[role=dialog]')).not.toBeNull();
  });

  it('sets the theme as CSS custom properties on the host and the mode on the step root', async () => {
    const theme = {
      brandColor: '#0f766e',
      font: 'Inter, sans-serif',
      radius: 4,
      mode: 'dark',
    } as const;
    const { host, show, $ } = mountForTest({ theme });
    expect(host.style.getPropertyValue('--onward-brand')).toBe('#0f766e');
    expect(host.style.getPropertyValue('--onward-font')).toBe('Inter, sans-serif');
    expect(host.style.getPropertyValue('--onward-radius')).toBe('4px');
    await show(createView({ step: { type: 'modal' } }));
    expect($('.ow')?.getAttribute('data-mode')).toBe('dark');
  });

  it('ignores theme values that are not what the schema allows and defaults to light', async () => {
    const theme = { brandColor: 'url(https://tracker.example/p)', font: 'x;}:host{', radius: 99 };
    const { host, show, $ } = mountForTest({ theme });
    for (const name of ['brand', 'font', 'radius']) {
      expect(host.style.getPropertyValue(`--onward-${name}`)).toBe('');
    }
    await show(createView({ step: { type: 'modal' } }));
    expect($('.ow')?.getAttribute('data-mode')).toBe('light');
  });

  it('sets dir and lang from the content locale', async () => {
    const { show, $ } = mountForTest();
    await show(createView({ locale: 'ar', step: { type: 'modal' } }));
    expect($('.ow')?.getAttribute('dir')).toBe('rtl');
    expect($('.ow')?.getAttribute('lang')).toBe('ar');
    await show(createView({ locale: 'zh-CN', step: { id: 's2', type: 'modal' } }));
    expect($('.ow')?.getAttribute('dir')).toBe('ltr');
  });

  it('destroy removes the host and stops every autoUpdate', async () => {
    const { ui, show } = mountForTest();
    await show(createView({ target: createTarget(), step: { spotlight: true } }));
    expect(floating.stops.length).toBeGreaterThanOrEqual(2);
    ui.destroy();
    expect(document.querySelector('[data-onward-root]')).toBeNull();
    for (const stop of floating.stops) expect(stop).toHaveBeenCalledTimes(1);
  });

  it('clear stops autoUpdate and keeps the host for the next step', async () => {
    const { ui, show, host, $ } = mountForTest();
    await show(createView({ target: createTarget() }));
    ui.clear();
    expect(floating.stops[0]).toHaveBeenCalledTimes(1);
    expect(host.isConnected).toBe(true);
    expect($('[role=dialog]')).toBeNull();
  });
});

describe('mountUi keyboard and focus', () => {
  it('Esc dismisses only while a step is shown', async () => {
    const { ui, cb, show, key } = mountForTest();
    await key('Escape');
    expect(cb.dismiss).not.toHaveBeenCalled();
    await show(createView({ step: { type: 'banner' } }));
    await key('Escape');
    expect(cb.dismiss).toHaveBeenCalledTimes(1);
    ui.clear();
    await key('Escape');
    expect(cb.dismiss).toHaveBeenCalledTimes(1);
  });

  it('Esc still works when the page stops propagation of keydown', async () => {
    const { cb, show, key } = mountForTest();
    const input = document.createElement('input');
    document.body.append(input);
    input.addEventListener('keydown', (e) => e.stopPropagation());
    await show(createView({ step: { type: 'banner' } }));
    await key('Escape', input);
    expect(cb.dismiss).toHaveBeenCalledTimes(1);
  });

  it('moves focus into a dialog and gives it back on clear', async () => {
    const before = createTarget('before');
    before.focus();
    const { ui, show, root } = mountForTest();
    await show(createView({ step: { type: 'modal' } }));
    expect(root.activeElement?.getAttribute('role')).toBe('dialog');
    await show(createView({ index: 1, total: 2, step: { id: 's2', type: 'modal' } }));
    ui.clear();
    expect(document.activeElement).toBe(before);
  });

  it('does not steal focus back when the user has moved it elsewhere on the page', async () => {
    const before = createTarget('before');
    const elsewhere = createTarget('elsewhere');
    before.focus();
    const { ui, show } = mountForTest();
    await show(createView({ step: { type: 'banner' } }));
    elsewhere.focus();
    ui.clear();
    expect(document.activeElement).toBe(elsewhere);
  });
});

describe('mountUi inline banners', () => {
  it.each([
    ['top', 'firstElementChild'],
    ['bottom', 'lastElementChild'],
  ] as const)('puts the host in the page flow at the %s of <body>', async (position, edge) => {
    const page = document.createElement('main');
    document.body.append(page);
    const { ui, host, show, $ } = mountForTest();
    document.body.append(document.createElement('footer'));
    await show(createView({ step: { type: 'banner', inline: true, position } }));
    expect(document.body[edge]).toBe(host);
    expect(host.hasAttribute('data-flow')).toBe(true);
    expect($('.ow-ban')?.hasAttribute('data-inline')).toBe(true);
    ui.clear();
    expect(host.hasAttribute('data-flow')).toBe(false);
  });

  it('keeps a floating banner out of the page flow', async () => {
    const { host, show, $ } = mountForTest();
    await show(createView({ step: { type: 'banner', position: 'bottom' } }));
    expect(host.hasAttribute('data-flow')).toBe(false);
    expect($('.ow-ban')?.getAttribute('data-pos')).toBe('bottom');
  });
});

describe('mountUi errors', () => {
  it('contains a render error: nothing shows, nothing throws, the next step renders', async () => {
    const { ui, show, $ } = mountForTest();
    const text = {
      get title(): string {
        throw new Error('broken getter');
      },
    };
    await expect(show(createView({ step: { type: 'modal' }, text }))).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect($('[role=dialog]')).toBeNull();
    await show(createView({ step: { id: 's2', type: 'modal' } }));
    expect($('[role=dialog]')).not.toBeNull();
    expect(() => ui.render(null as never, null as never)).not.toThrow();
  });

  it('keeps a throwing callback inside the ui', async () => {
    const { cb, show, $, click } = mountForTest();
    cb.next.mockImplementation(() => {
      throw new Error('engine bug');
    });
    await show(createView({ total: 2, step: { type: 'modal' } }));
    const next = $('.ow-pri');
    await expect(click(next)).resolves.toBeUndefined();
    await click(next);
    expect(cb.next).toHaveBeenCalledTimes(2);
  });

  it('calls the callbacks as methods of the object the engine passed', async () => {
    class Engine {
      dismissed = 0;
      next() {}
      back() {}
      complete() {}
      dismiss() {
        this.dismissed += 1;
      }
      cta() {}
      survey() {}
      checklistItem() {}
    }
    const engine = new Engine();
    const { show, key } = mountForTest();
    await show(createView({ step: { type: 'banner' } }), engine);
    await key('Escape');
    expect(engine.dismissed).toBe(1);
  });

  it('announces non-dialog steps through a polite live region', async () => {
    const { show, $ } = mountForTest();
    await show(createView({ step: { type: 'banner' }, text: { title: 'New: reports' } }));
    expect($('[aria-live=polite]')?.textContent).toBe('New: reports');
    await show(createView({ step: { id: 's2', type: 'modal' }, text: { title: 'Welcome' } }));
    expect($('[aria-live=polite]')?.textContent).toBe('');
  });
});
