import { describe, expect, it, vi } from 'vitest';
import type { MountUi, StepCallbacks, StepView, Ui } from '../ui/types';
import { lazyMountUi } from './lazy-ui';

const view = (flowId: string) => ({ flowId }) as StepView;
const callbacks = {} as StepCallbacks;

function fakeUi() {
  const ui: Ui = { render: vi.fn(), clear: vi.fn(), destroy: vi.fn() };
  const mount: MountUi = vi.fn(() => ui);
  return { ui, mount };
}

describe('lazyMountUi', () => {
  it('loads the ui once, on the first mount, and renders the last view asked for meanwhile', async () => {
    const { ui, mount } = fakeUi();
    const load = vi.fn(() => Promise.resolve(mount));
    const mountUi = lazyMountUi(load, () => {});
    const lazy = mountUi({ doc: document });
    lazy.render(view('a'), callbacks);
    lazy.render(view('b'), callbacks);
    await Promise.resolve();
    await Promise.resolve();
    expect(load).toHaveBeenCalledTimes(1);
    expect(ui.render).toHaveBeenCalledTimes(1);
    expect(ui.render).toHaveBeenCalledWith(view('b'), callbacks);
    lazy.render(view('c'), callbacks);
    expect(ui.render).toHaveBeenLastCalledWith(view('c'), callbacks);
    mountUi({ doc: document });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('draws nothing cleared or destroyed before the chunk arrived', async () => {
    const { ui, mount } = fakeUi();
    const mountUi = lazyMountUi(() => Promise.resolve(mount), () => {});
    const cleared = mountUi({ doc: document });
    cleared.render(view('a'), callbacks);
    cleared.clear();
    const destroyed = mountUi({ doc: document });
    destroyed.render(view('b'), callbacks);
    destroyed.destroy();
    await new Promise((r) => setTimeout(r, 0));
    expect(ui.render).not.toHaveBeenCalled();
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load and tries again on the next mount', async () => {
    const { mount } = fakeUi();
    const errors: unknown[] = [];
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(mount);
    const mountUi = lazyMountUi(load, (e) => errors.push(e));
    mountUi({ doc: document });
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
    mountUi({ doc: document });
    await new Promise((r) => setTimeout(r, 0));
    expect(load).toHaveBeenCalledTimes(2);
    expect(mount).toHaveBeenCalledTimes(1);
  });
});
