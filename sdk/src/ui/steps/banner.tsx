// A bar at the top or bottom: floating (fixed overlay) or inline (the mount puts the host in
// the page's flow so the bar pushes content down or up).
import { Chrome } from './chrome';
import type { StepProps } from './props';

/** Banner step: a labelled region that does not take focus. */
export function Banner(props: StepProps) {
  const { step, text } = props.view;
  return (
    <div
      class="ow-ban"
      role="region"
      aria-label={text.title || 'Announcement'}
      data-pos={step.position}
      data-inline={step.inline ? '' : undefined}
    >
      <Chrome {...props} />
    </div>
  );
}
