// The guides chunk (dist/guides-<hash>.js for the script tag; a split chunk of `@onward/sdk`):
// the engine (triggers, runner, throttle, debug). The core loads it only when there are flows;
// it loads the preact ui (dist/ui-<hash>.js) only when a flow first wants the screen.
// Importing it touches nothing.
import type { Guides, GuidesDeps } from '../api/guides-contract';
import { createEngine } from '../flows/engine';
import { getDocument, getNavigator, getWindow } from '../shared/env';
import { lazyMountUi } from '../loader/lazy-ui';

/** `targetWait` option, else `data-target-wait` on the script tag, else 5 s. */
const targetWait = (deps: GuidesDeps, doc: Document): number => {
  const attribute = doc.querySelector('[data-target-wait]')?.getAttribute('data-target-wait');
  const ms = deps.options.targetWait ?? (attribute ? Number(attribute) : 5000);
  return ms >= 0 ? ms : 5000;
};

/**
 * Starts the engine in this page.
 *
 * @example
 * const { createGuides } = await import('./guides');
 * const guides = createGuides(deps);
 */
export function createGuides(deps: GuidesDeps): Guides {
  const win = getWindow();
  const doc = getDocument();
  // The core loads this chunk in browsers only; anywhere else it refuses (the loader logs it).
  if (!win || !doc) throw Error('no document');
  return createEngine({
    ...deps,
    mountUi: lazyMountUi(
      () => import('../ui').then((ui) => ui.mountUi),
      (error) => deps.logger.debug(`the ui chunk failed to load: ${String(error)}`),
    ),
    doc,
    where: () => win.location,
    navigate(href) {
      const url = new URL(href, win.location.href);
      if (url.origin === win.location.origin) win.location.assign(url.href);
      else win.open(url.href, '_blank', 'noopener');
    },
    language: () => getNavigator()?.language,
    targetWait: targetWait(deps, doc),
  });
}
