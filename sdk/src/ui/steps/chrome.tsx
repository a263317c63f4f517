// The parts every card-like step shares: close button, title, rich-text body, progress, buttons.
import { markdown } from '../content/markdown';
import type { StepView } from '../types';
import { actions } from './actions';
import type { StepProps } from './props';

/** The always-present close button (an icon with an accessible name). */
export function CloseButton({ onClose }: { onClose: () => void }) {
  return (
    <button type="button" class="ow-x" aria-label="Close" onClick={onClose}>
      ×
    </button>
  );
}

/** role=dialog labelled by the title (or named generically) and described by the body. */
export function dialogProps(view: StepView) {
  const described = [view.text.body && 'ow-b', view.total > 1 && 'ow-p'].filter(Boolean).join(' ');
  return {
    role: 'dialog',
    'aria-labelledby': view.text.title ? 'ow-t' : undefined,
    'aria-label': view.text.title ? undefined : 'Message',
    'aria-describedby': described || undefined,
  } as const;
}

/** Title, body and footer of a tooltip, modal, hotspot tip or banner. */
export function Chrome({ view, cb, env }: StepProps) {
  const { title, body } = view.text;
  const buttons = actions(view, cb);
  const progress = view.total > 1;
  return (
    <>
      <CloseButton onClose={env.close} />
      {title && <h2 id="ow-t">{title}</h2>}
      {body && (
        <div id="ow-b" class="ow-body">
          {markdown(body)}
        </div>
      )}
      {(progress || buttons.length > 0) && (
        <div class="ow-foot">
          {progress && (
            <span id="ow-p" class="ow-prog">
              {view.index + 1} / {view.total}
            </span>
          )}
          {buttons.map((a) => (
            <button type="button" class={a.primary ? 'ow-btn ow-pri' : 'ow-btn'} onClick={a.run}>
              {a.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
