// A centred modal dialog: backdrop, focus trap, and the page behind made inert until it closes.
import { useEffect, useRef } from 'preact/hooks';
import { Chrome, dialogProps } from './chrome';
import { trapTab, useFocusIn } from './hooks';
import type { StepProps } from './props';

/**
 * Sets `inert` on every other child of <body> and returns the function that removes it again
 * from exactly those it added (elements the page had made inert itself stay inert).
 */
export function makeInert(doc: Document, keep: Element): () => void {
  const added = Array.from(doc.body?.children ?? []).filter(
    (el) => el !== keep && !el.hasAttribute('inert'),
  );
  added.forEach((el) => el.setAttribute('inert', ''));
  return () => added.forEach((el) => el.removeAttribute('inert'));
}

/** Modal step; also tooltips and hotspots whose target is missing. */
export function Modal(props: StepProps) {
  const { view, env } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => makeInert(env.doc, env.host), []);
  useFocusIn(ref);
  return (
    <>
      <div class="ow-back" />
      <div
        ref={ref}
        class="ow-card ow-modal"
        tabIndex={-1}
        aria-modal="true"
        onKeyDown={trapTab}
        {...dialogProps(view)}
      >
        <Chrome {...props} />
      </div>
    </>
  );
}
