// Hooks shared by the step components; every subscription is undone on unmount.
import type { Step } from '@onward/server/contracts';
import { useEffect } from 'preact/hooks';
import { anchor, follow, reveal } from '../position/anchor';

type ElRef<T> = { current: T | null };

/** Scrolls the target into view, then keeps `el` anchored to it until unmount. */
export function useAnchor(
  target: Element | null,
  el: ElRef<HTMLElement>,
  arrow: ElRef<HTMLElement>,
  placement: Step['placement'],
  smooth: boolean,
): void {
  useEffect(() => {
    if (!target || !el.current) return undefined;
    reveal(target, smooth);
    return anchor(target, el.current, arrow.current, placement);
  }, [target, placement]);
}

/** Keeps `el` placed by `place` over the target until unmount. */
export function useFollow(
  target: Element | null,
  el: ElRef<HTMLElement>,
  place: Parameters<typeof follow>[2],
): void {
  useEffect(() => (target && el.current ? follow(target, el.current, place) : undefined), [target]);
}

/** Moves focus into the element once it is shown (without scrolling the page). */
export function useFocusIn(el: ElRef<HTMLElement>, when: unknown = true): void {
  useEffect(() => {
    if (when) el.current?.focus({ preventScroll: true });
  }, [when]);
}

const FOCUSABLE = 'button:not([disabled]),[href],textarea:not([disabled]),input:not([disabled])';

/** keydown handler of a modal dialog: Tab and Shift+Tab cycle inside it. */
export function trapTab(event: KeyboardEvent): void {
  const box = event.currentTarget as HTMLElement | null;
  if (event.key !== 'Tab' || !box) return;
  const all = box.querySelectorAll<HTMLElement>(FOCUSABLE);
  const first = all[0];
  const last = all[all.length - 1];
  const at = (box.getRootNode() as Document | ShadowRoot).activeElement;
  const leaving = event.shiftKey ? at === first || at === box : at === last;
  if (!first || !last || leaving) {
    event.preventDefault();
    (event.shiftKey ? last : first)?.focus();
  }
}
