// The one typed contract between the guides engine (flows/) and the lazily loaded renderer (ui/).
// The ui never sends anything itself: it renders what it is given and calls back. The dashboard's
// live preview uses the very same mountUi with its own callbacks.
import type { Step, Theme } from '@onward/server/contracts';

/** Text already chosen for the user's locale and personalised ({{user.firstName|there}} filled in). */
export type StepText = { title?: string; body?: string };

export type ChecklistItemView = {
  id: string;
  text: StepText;
  done: boolean;
  /** Clicking the item: start a flow or open a link; absent = informational. */
  action?: { flowId: string } | { href: string };
};

/** Everything needed to draw one step. */
export type StepView = {
  flowId: string;
  /** For aria labels: "Step 2 of 4". */
  index: number;
  total: number;
  step: Step;
  text: StepText;
  /** Button labels, already localised, in `step.buttons` order. */
  buttonLabels: string[];
  /** The resolved target; null draws tooltips and hotspots as a centred modal (target missing). */
  target: Element | null;
  /** Checklist steps only. */
  items?: ChecklistItemView[];
  /** BCP-47 tag of the chosen content, e.g. "zh-CN"; sets lang and dir (rtl for ar, he, fa, ur). */
  locale: string;
};

/** What the user did. The engine turns each into progress, `Onward …` events and listeners. */
export type StepCallbacks = {
  next(): void;
  back(): void;
  /** Done on the last step, or an explicit "done" button. */
  complete(): void;
  /** Close button, Esc, or "skip". */
  dismiss(): void;
  /** A button with action link or flow. */
  cta(button: NonNullable<Step['buttons']>[number]): void;
  /** NPS: the 0–10 score (sent at once) then, optionally, a comment. */
  survey(score: number, comment?: string): void;
  checklistItem(item: ChecklistItemView): void;
};

export type UiOptions = {
  /** The document to render into (the host page's). */
  doc: Document;
  theme?: Theme;
};

/** A mounted renderer: one shadow root under <body>, removed by destroy(). */
export type Ui = {
  /** Replaces whatever is on screen with this step. */
  render(view: StepView, callbacks: StepCallbacks): void;
  /** Removes the step from the screen (the shadow root host stays for the next one). */
  clear(): void;
  /** Removes everything, disconnects observers and autoUpdate. */
  destroy(): void;
};

/** The ui chunk's only export. */
export type MountUi = (options: UiOptions) => Ui;
