// The ui chunk (lazy): preact steps in a shadow root. The engine (flows/) loads it through the
// loader and drives it with StepView + StepCallbacks; the dashboard preview reuses it.
import { createUi } from './mount';
import type { MountUi } from './types';

/**
 * Mounts the renderer under `doc.body`.
 *
 * @example
 * const ui = mountUi({ doc: document, theme: { brandColor: '#0f766e' } });
 * ui.render(view, { next, back, complete, dismiss, cta, survey, checklistItem });
 * ui.clear(); // before navigating away or between flows
 * ui.destroy();
 */
export const mountUi: MountUi = createUi;

export type * from './types';
