import type { StepCallbacks, StepView } from '../types';

/** What the mount gives every step component besides the view and the (guarded) callbacks. */
export type StepEnv = {
  doc: Document;
  /** The shadow host: kept out of `inert` by modal steps. */
  host: HTMLElement;
  /** prefers-reduced-motion: no smooth scroll. */
  reduced: boolean;
  mode: 'light' | 'dark' | 'auto';
  /** Close button and Esc: dismiss unless the step said otherwise. */
  close(): void;
  /** A step that is already answered (survey) closes by completing instead. */
  setClose(fn: () => void): void;
};

export type StepProps = { view: StepView; cb: StepCallbacks; env: StepEnv };
