// The element picker (?onward_builder=): hovering outlines the element under the pointer with the
// proposed selector and its match count; a click (or Enter on the focused element) picks it and
// Esc cancels. While picking, the page gets no clicks; "Pick element" pauses so the user can
// navigate the app first (sign in, open a menu) and then pick.
import { createOverlay } from './overlay';
import { proposeSelector } from './selector';
import type { Proposal } from './selector';
import type { Words } from './words';

export type Picked = Proposal & { text: string; url: string };

export type PickerDeps = {
  doc: Document;
  win: Window;
  words: Words;
  onPick(picked: Picked): void;
  onCancel(): void;
};

// Pointer and mouse events the page must not see while picking (a link would navigate).
const SWALLOWED = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick', 'submit'];

/** A short human description of the element: its text, else its label. */
export function textOf(el: Element): string {
  const field = el as HTMLInputElement;
  const text =
    el.textContent?.trim() ||
    el.getAttribute('aria-label') ||
    (typeof field.value === 'string' ? field.value : '') ||
    el.getAttribute('placeholder') ||
    el.getAttribute('alt') ||
    el.getAttribute('title') ||
    '';
  return text.replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** Starts picking; `stop()` removes the overlay and every listener. */
export function createPicker({ doc, win, words, onPick, onCancel }: PickerDeps): { stop(): void } {
  const ui = createOverlay(doc, 'picker');
  const box = ui.make('div', 'box');
  const label = ui.make('div', 'label');
  const bar = ui.make('div', 'bar');
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', words.picker);
  const status = ui.make('span', 'status');
  status.setAttribute('role', 'status');
  const toggle = ui.button(words.pick, () => setPicking(!picking));
  bar.append(ui.make('strong', '', 'Onward'), status, toggle, ui.button(words.cancel, cancel));

  let picking = true;
  let current: { el: Element; proposal: Proposal } | undefined;
  const stops: (() => void)[] = [];

  function setPicking(on: boolean): void {
    picking = on;
    toggle.setAttribute('aria-pressed', String(on));
    status.textContent = on
      ? words.picking
      : words.paused;
    if (!on) show(undefined);
  }

  function show(el: Element | undefined): void {
    if (!el) {
      current = undefined;
      box.style.display = label.style.display = 'none';
      return;
    }
    if (current?.el !== el) current = { el, proposal: proposeSelector(el) };
    const r = el.getBoundingClientRect();
    Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    const { selector, matches } = current.proposal;
    label.textContent = `${selector}  ·  ${words.matches(matches)}`;
    const above = r.top > 28;
    Object.assign(label.style, { display: 'block', top: `${above ? r.top - 26 : r.bottom + 4}px` });
    // Kept inside the viewport: right-aligned elements get their label pulled left.
    const left = Math.min(r.left, doc.documentElement.clientWidth - label.offsetWidth - 4);
    label.style.left = `${Math.max(0, left)}px`;
  }

  function pick(el: Element): void {
    show(el);
    const { proposal } = current as { proposal: Proposal };
    setPicking(false);
    status.textContent = words.picked(proposal.selector, words.matches(proposal.matches));
    onPick({ ...proposal, text: textOf(el), url: win.location.href });
  }

  function cancel(): void {
    stop();
    onCancel();
  }

  const targetOf = (event: Event): Element | undefined => {
    const first = event.composedPath()[0] as Node | undefined;
    return first && first.nodeType === 1 && !ui.isOurs(event) ? (first as Element) : undefined;
  };
  const deepActive = (): Element | null => {
    let active = doc.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };
  const on = (type: string, handler: (event: Event) => void, target: EventTarget = win): void => {
    const safe = (event: Event): void => {
      try {
        handler(event);
      } catch {
        // Never into the page.
      }
    };
    target.addEventListener(type, safe, true);
    stops.push(() => target.removeEventListener(type, safe, true));
  };
  const swallow = (event: Event): boolean => {
    if (!picking || !targetOf(event)) return false;
    event.preventDefault();
    event.stopImmediatePropagation();
    return true;
  };

  on('pointermove', (event) => picking && show(targetOf(event)));
  on('focusin', (event) => picking && show(targetOf(event)));
  SWALLOWED.forEach((type) => on(type, swallow));
  on('click', (event) => {
    const el = targetOf(event);
    if (swallow(event) && el) pick(el);
  });
  on('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (!picking) return;
    const active = deepActive();
    if (key === 'Escape' || key === 'Esc') cancel();
    else if (key === 'Enter' && !ui.isOurs(event) && active && active !== doc.body) pick(active);
    else return;
    event.preventDefault();
    event.stopImmediatePropagation();
  });
  on('scroll', () => current && show(current.el), doc);
  on('resize', () => current && show(current.el));
  setPicking(true);

  function stop(): void {
    stops.splice(0).forEach((fn) => fn());
    ui.remove();
  }
  return { stop };
}
