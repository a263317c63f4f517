// Test factories for the ui (createView, createCallbacks, mountForTest). Imported by tests only.
/* eslint-disable no-restricted-globals -- test-only helpers; they build pages in happy-dom. */
import type { Step } from '@onward/server/contracts';
import { act } from 'preact/test-utils';
import { vi, type Mock } from 'vitest';
import { mountUi } from './index';
import type { StepCallbacks, StepView, UiOptions } from './types';

export type SpyCallbacks = { [K in keyof StepCallbacks]: Mock<StepCallbacks[K]> };

/** A step as the server's schema outputs it, with defaults filled in. */
export function createStep(step: Partial<Step> = {}): Step {
  return {
    id: 's1',
    type: 'tooltip',
    placement: 'auto',
    content: { en: { title: 'Hello' } },
    advance: { on: 'next' },
    spotlight: false,
    position: 'top',
    inline: false,
    ...step,
  };
}

/** A view of step 1 of 1 in English with a title and a body. */
export function createView(
  view: Partial<Omit<StepView, 'step'>> & { step?: Partial<Step> } = {},
): StepView {
  const { step, ...rest } = view;
  return {
    flowId: 'f1',
    index: 0,
    total: 1,
    text: { title: 'Hello', body: 'Start **here**.' },
    buttonLabels: [],
    target: null,
    locale: 'en',
    ...rest,
    step: createStep(step),
  };
}

export function createCallbacks(): SpyCallbacks {
  return {
    next: vi.fn(),
    back: vi.fn(),
    complete: vi.fn(),
    dismiss: vi.fn(),
    cta: vi.fn(),
    survey: vi.fn(),
    checklistItem: vi.fn(),
  };
}

/** Mounts a ui on the test document; every action runs inside act() so effects have run after it. */
export function mountForTest(options: Partial<UiOptions> = {}) {
  const ui = mountUi({ doc: document, ...options });
  const host = document.querySelector<HTMLElement>('[data-onward-root]');
  const root = host?.shadowRoot;
  if (!host || !root) throw new Error('no host');
  const cb = createCallbacks();
  const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const $$ = (selector: string) => Array.from(root.querySelectorAll<HTMLElement>(selector));
  return {
    ui,
    host,
    root,
    cb,
    $,
    $$,
    show: (view: StepView, callbacks: StepCallbacks = cb) => act(() => ui.render(view, callbacks)),
    click: (el: HTMLElement | null) => act(() => el?.click()),
    key: (key: string, target: EventTarget = document, init: KeyboardEventInit = {}) =>
      act(() => {
        target.dispatchEvent(
          new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init }),
        );
      }),
    buttons: () => $$('button').map((b) => b.getAttribute('aria-label') ?? b.textContent),
  };
}

/** A target element on the page. */
export function createTarget(id = 'target'): HTMLElement {
  const el = document.createElement('button');
  el.id = id;
  el.textContent = 'Target';
  document.body.append(el);
  return el;
}
