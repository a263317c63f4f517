// mountUi: one open shadow root under <body> that shows one step at a time. Owns the things that
// outlive a single step: the host element, the stylesheet, Esc, focus return, and the guards that
// keep every error inside the SDK.
import { h, render as draw } from 'preact';
import { guard } from '../shared/guard';
import { Screen } from './root';
import type { StepEnv, StepProps } from './steps/props';
import { adoptStyles, applyTheme } from './styles/adopt';
import { CSS } from './styles/sheet';
import type { StepCallbacks, StepView, Ui, UiOptions } from './types';

const ignore = () => {};

const CALLBACKS = [
  'next',
  'back',
  'complete',
  'dismiss',
  'cta',
  'survey',
  'checklistItem',
] as const;

/** Every callback wrapped: a throwing engine listener must not break the UI or the page. */
function guarded(cb: StepCallbacks): StepCallbacks {
  const safe: Record<string, (...args: never[]) => void> = {};
  for (const name of CALLBACKS) {
    safe[name] = guard(
      (...args: unknown[]) => (cb[name] as (...a: unknown[]) => void)(...args),
      undefined,
      ignore,
    );
  }
  return safe as StepCallbacks;
}

/** An inline banner puts the host in the page's flow, first or last in <body>; else it floats. */
function placeHost(host: HTMLElement, body: HTMLElement, view: StepView | null): void {
  const step = view?.step;
  const flow = step?.type === 'banner' && step.inline ? step.position : null;
  host.toggleAttribute('data-flow', flow !== null);
  if (flow === 'top' && body.firstChild !== host) body.prepend(host);
  if (flow === 'bottom' && body.lastChild !== host) body.append(host);
}

/** Gives focus back after a step, unless the user has since put it somewhere on the page. */
function restoreFocus(doc: Document, host: Element, to: Element | null): void {
  const now = doc.activeElement;
  if (to?.isConnected && (!now || now === doc.body || now === host) && 'focus' in to) {
    (to as HTMLElement).focus({ preventScroll: true });
  }
}

/** See `MountUi` in ./types. */
export function createUi({ doc, theme }: UiOptions): Ui {
  const body = doc.body ?? doc.documentElement;
  const host = doc.createElement('div');
  host.setAttribute('data-onward-root', '');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, shadow, CSS);
  applyTheme(host, theme);
  // preact owns this container alone (it would remove a fallback <style> beside it).
  const container = doc.createElement('div');
  shadow.append(container);
  body.append(host);

  let closer: () => void = ignore;
  let shown: { returnTo: Element | null; stopKeys: () => void } | null = null;
  const env: StepEnv = {
    doc,
    host,
    reduced: !!doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
    mode: theme?.mode ?? 'light',
    close: () => closer(),
    setClose: (fn) => {
      closer = fn;
    },
  };
  const paint = (props: StepProps | null) => {
    try {
      draw(h(Screen, { props }), container);
    } catch {
      draw(null, container);
    }
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' || event.key === 'Esc') closer();
  };
  const clear = () => {
    paint(null);
    placeHost(host, body, null);
    if (!shown) return;
    shown.stopKeys();
    restoreFocus(doc, host, shown.returnTo);
    shown = null;
  };
  const show = (view: StepView, callbacks: StepCallbacks) => {
    const cb = guarded(callbacks);
    placeHost(host, body, view);
    if (!shown) {
      const active = doc.activeElement;
      doc.addEventListener('keydown', onKey, true);
      shown = {
        returnTo: active === host ? null : active,
        stopKeys: () => doc.removeEventListener('keydown', onKey, true),
      };
    }
    closer = cb.dismiss;
    paint({ view, cb, env });
  };
  const safeClear = guard(clear, undefined, ignore);
  return {
    render: guard(show, undefined, safeClear),
    clear: safeClear,
    destroy: guard(
      () => {
        safeClear();
        host.remove();
      },
      undefined,
      ignore,
    ),
  };
}
