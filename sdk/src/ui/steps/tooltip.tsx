// A non-modal dialog anchored to the step's target, with an optional spotlight around the target.
import { useRef } from 'preact/hooks';
import { Chrome, dialogProps } from './chrome';
import { useAnchor, useFocusIn, useFollow } from './hooks';
import type { StepProps } from './props';

const GAP = 4;

/** A dimmed page with a hole around the target; clicks still reach the page. */
export function Spotlight({ target }: { target: Element }) {
  const ref = useRef<HTMLDivElement>(null);
  useFollow(target, ref, (r) => ({
    left: `${r.left - GAP}px`,
    top: `${r.top - GAP}px`,
    width: `${r.width + 2 * GAP}px`,
    height: `${r.height + 2 * GAP}px`,
  }));
  return <div ref={ref} class="ow-spot" aria-hidden="true" />;
}

/** Tooltip step (and the tip a hotspot opens). The root turns a target-less one into a modal. */
export function Tooltip(props: StepProps) {
  const { view, env } = props;
  const ref = useRef<HTMLDivElement>(null);
  const arrow = useRef<HTMLDivElement>(null);
  useAnchor(view.target, ref, arrow, view.step.placement, !env.reduced);
  useFocusIn(ref);
  return (
    <>
      {view.step.spotlight && view.target && <Spotlight target={view.target} />}
      <div ref={ref} class="ow-card ow-tip" tabIndex={-1} {...dialogProps(view)}>
        <Chrome {...props} />
        <div ref={arrow} class="ow-arr" />
      </div>
    </>
  );
}
