// A pulsing beacon on the target; activating it opens a tip. Closing the tip dismisses the step.
import { useRef, useState } from 'preact/hooks';
import { direction } from '../content/locale';
import { useFollow } from './hooks';
import type { StepProps } from './props';
import { Tooltip } from './tooltip';

const HALF = 12;

/** Hotspot step: the beacon sits on the target's top end corner. */
export function Hotspot(props: StepProps) {
  const { view } = props;
  const [open, setOpen] = useState(false);
  const beacon = useRef<HTMLButtonElement>(null);
  const rtl = direction(view.locale) === 'rtl';
  useFollow(view.target, beacon, (r) => ({
    left: `${(rtl ? r.left : r.right) - HALF}px`,
    top: `${r.top - HALF}px`,
  }));
  return (
    <>
      <button
        ref={beacon}
        type="button"
        class="ow-beacon"
        aria-label={view.text.title || 'Open tip'}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      />
      {open && <Tooltip {...props} />}
    </>
  );
}
