// The ui chunk (preact + @floating-ui/dom) is fetched when a flow is first about to show, not when
// the engine starts: pages whose flows never trigger never download it. This adapter gives the
// engine a Ui at once and forwards to the real one when it arrives; only the last render counts.
import type { MountUi, StepCallbacks, StepView, Ui } from '../ui/types';

export function lazyMountUi(load: () => Promise<MountUi>, onError: (error: unknown) => void): MountUi {
  let loading: Promise<MountUi> | undefined;
  return (options) => {
    let ui: Ui | undefined;
    let pending: [StepView, StepCallbacks] | undefined;
    let destroyed = false;
    loading ??= load();
    loading.then(
      (mount) => {
        if (destroyed) return;
        ui = mount(options);
        if (pending) ui.render(...pending);
        pending = undefined;
      },
      (error: unknown) => {
        // A failed load is retried by the next flow that wants the screen.
        loading = undefined;
        onError(error);
      },
    );
    return {
      render: (view, callbacks) => (ui ? ui.render(view, callbacks) : void (pending = [view, callbacks])),
      clear: () => (ui ? ui.clear() : void (pending = undefined)),
      destroy() {
        destroyed = true;
        ui?.destroy();
      },
    };
  };
}
