// Whole-flow preview on the real page (?onward_preview=): waits for the flow from the dashboard,
// checks it, and runs it with the real engine and ui, started at once (no audience, frequency,
// trigger or throttle). Nothing is sent: `Onward …` events and listeners are cut off, and the
// engine's writes (checklist progress, throttle) stay in memory, so the numbers stay clean.
import type { DeliveredFlow } from '@onward/server/contracts';
import type { Guides, GuidesDeps, Importer } from '../api/guides-contract';
import type { Store } from '../shared/storage';
import type { Bridge } from './bridge';
import { createOverlay } from './overlay';
import { toPreviewFlow } from './validate';
import type { Words } from './words';

export type PreviewDeps = {
  doc: Document;
  win: Window;
  bridge: Bridge;
  engine: GuidesDeps;
  importer: Importer;
  words: Words;
};

/** Reads the real store (traits personalise the steps) but writes to memory only. */
function sandboxStore(real: Store): Store {
  const memory = new Map<string, string | null>();
  return {
    get: (key) => (memory.has(key) ? (memory.get(key) ?? null) : real.get(key)),
    set: (key, value) => void memory.set(key, value),
    remove: (key) => void memory.set(key, null),
  };
}

export function createPreview({ doc, win, bridge, engine, importer, words }: PreviewDeps): Guides {
  const ui = createOverlay(doc, 'preview');
  const bar = ui.make('div', 'bar');
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', words.preview);
  const status = ui.make('span', 'status', words.waiting);
  status.setAttribute('role', 'status');
  const restart = ui.button(words.restart, () => flow && run(flow));
  restart.hidden = true;
  bar.append(status, restart, ui.button(words.exit, exit, 'primary'));

  let flow: DeliveredFlow | undefined;
  let running: Guides | undefined;
  let token = 0;
  const say = (text: string): void => void (status.textContent = text);

  function run(next: DeliveredFlow): void {
    flow = next;
    running?.stop();
    running = undefined;
    const mine = ++token;
    const name = next.name;
    say(words.previewing(name));
    restart.hidden = false;
    importer()
      .then((module) => {
        if (mine !== token) return;
        running = module.createGuides(
          {
            ...engine,
            store: sandboxStore(engine.store),
            track: () => {},
            emit: (event) => {
              if (event === 'flow:completed' || event === 'flow:dismissed')
                say(words.ended(name, event === 'flow:completed'));
            },
          },
          importer,
        );
        running.update({
          flows: [next],
          settings: { throttleHours: 0, theme: {} },
          user: { verified: true, daysInactive: null, dormantAfterDays: 14 },
        });
        running.show(next.id);
        bridge.send('onward:previewing', { flowId: next.id });
      })
      .catch(() => say(words.noGuides));
  }

  const stopListening = bridge.on('onward:preview', (message) => {
    const checked = toPreviewFlow(message.flow);
    if ('error' in checked) {
      say(words.invalid(checked.error));
      bridge.send('onward:preview-error', { message: checked.error });
    } else run(checked.flow);
  });

  function stop(): void {
    token++;
    stopListening();
    running?.stop();
    running = undefined;
    ui.remove();
  }
  function exit(): void {
    stop();
    bridge.send('onward:preview-closed');
    win.close();
  }

  return {
    update: () => {},
    saw: (input) => running?.saw(input),
    show: () => {},
    dismiss: () => running?.dismiss(),
    stop,
  };
}
