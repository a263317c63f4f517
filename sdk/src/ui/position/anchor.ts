// @floating-ui/dom wrappers. Each returns autoUpdate's cleanup, which its owner must call.
import {
  arrow,
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  type Placement,
} from '@floating-ui/dom';
import type { Step } from '@onward/server/contracts';

const OPPOSITE = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' } as const;
type Side = keyof typeof OPPOSITE;
const PAD = 8;

/**
 * Keeps the fixed element `el` beside `target` (flip, shift, arrow), following scrolls, resizes
 * and layout shifts. `auto` tries below, then above, then the sides.
 */
export function anchor(
  target: Element,
  el: HTMLElement,
  tip: HTMLElement | null,
  placement: Step['placement'],
): () => void {
  const first: Placement = placement === 'auto' ? 'bottom' : placement;
  const preferred = first.split('-')[0] as Side;
  const middleware = [
    offset(12),
    // Flip on the main axis only (shift handles the cross axis); a 320 px screen has no room at
    // the sides, so fall back below or above rather than over the target.
    flip({
      crossAxis: false,
      padding: PAD,
      fallbackPlacements: [OPPOSITE[preferred], 'bottom', 'top', 'right', 'left'],
    }),
    shift({ padding: PAD }),
    tip && arrow({ element: tip, padding: PAD }),
  ];
  const update = () => {
    computePosition(target, el, { strategy: 'fixed', placement: first, middleware })
      .then(({ x, y, placement: at, middlewareData }) => {
        Object.assign(el.style, { left: `${x}px`, top: `${y}px` });
        const a = middlewareData.arrow;
        const side = at.split('-')[0] as Side;
        el.setAttribute('data-side', side);
        // The arrow sits half outside the edge that faces the target.
        if (tip && a) {
          Object.assign(tip.style, { left: px(a.x), top: px(a.y), right: '', bottom: '' });
          tip.style.setProperty(OPPOSITE[side], '-5px');
        }
      })
      .catch(() => {});
  };
  return autoUpdate(target, el, update);
}

const px = (n: number | undefined) => (n === undefined ? '' : `${n}px`);

/** Calls `place` with the target's viewport rectangle whenever it may have moved. */
export function follow(
  target: Element,
  el: HTMLElement,
  place: (rect: DOMRect) => Partial<Record<'left' | 'top' | 'width' | 'height', string>>,
): () => void {
  return autoUpdate(target, el, () =>
    Object.assign(el.style, place(target.getBoundingClientRect())),
  );
}

/** Scrolls the target to the middle of its scroll containers unless it is fully visible. */
export function reveal(target: Element, smooth: boolean): void {
  const win = target.ownerDocument.defaultView;
  const r = target.getBoundingClientRect();
  if (
    !win ||
    (r.top >= 0 && r.left >= 0 && r.bottom <= win.innerHeight && r.right <= win.innerWidth)
  ) {
    return;
  }
  target.scrollIntoView({
    block: 'center',
    inline: 'nearest',
    behavior: smooth ? 'smooth' : 'auto',
  });
}
