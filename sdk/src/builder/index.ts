// The builder chunk (builder mode only, loaded by the core when the dashboard opens a page with
// ?onward_builder= or ?onward_preview=): the element picker and the whole-flow preview. It stands
// in for the guides engine, so the page's own flows stay off screen while the builder runs.
import type { Guides, GuidesDeps, Importer } from '../api/guides-contract';
import { getDocument, getWindow } from '../shared/env';
import { createBridge, dashboardOrigin, readMode } from './bridge';
import { createPicker } from './picker';
import { createPreview } from './preview';
import { wordsFor } from './words';

const idle: Guides = { update() {}, saw() {}, show() {}, dismiss() {}, stop() {} };

/**
 * Starts the picker or the preview for this page, as the URL says.
 *
 * @example
 * const builder = createBuilder(engineDeps, () => import('./guides'));
 */
export function createBuilder(deps: GuidesDeps, importer: Importer): Guides {
  const win = getWindow();
  const doc = getDocument();
  if (!win || !doc) throw Error('no document');
  const mode = readMode(win.location.search);
  if (!mode) return idle;
  const bridge = createBridge(win, dashboardOrigin(deps.options.apiHost, win.location.href), mode.nonce);
  const words = wordsFor(win.location.search);
  let builder: Guides;
  if (mode.kind === 'preview') {
    builder = createPreview({ doc, win, bridge, engine: deps, importer, words });
  } else {
    const picker = createPicker({
      doc,
      win,
      words,
      onPick: (picked) => bridge.send('onward:picked', picked),
      onCancel: () => bridge.send('onward:cancelled'),
    });
    const stopCancel = bridge.on('onward:cancel', () => picker.stop());
    builder = { ...idle, stop: () => (stopCancel(), picker.stop()) };
  }
  deps.logger.debug(`builder: ${mode.kind} mode`);
  bridge.send('onward:ready', { mode: mode.kind, url: win.location.href });
  return builder;
}
