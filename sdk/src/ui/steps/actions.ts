// Which buttons a step shows, in order: Back, the configured buttons, then Next or Done.
import type { Step } from '@onward/server/contracts';
import type { StepCallbacks, StepView } from '../types';

export type StepButton = NonNullable<Step['buttons']>[number];
export type Action = { label: string; run: () => void; primary: boolean };

const RUN: Record<StepButton['action'], (cb: StepCallbacks, b: StepButton) => void> = {
  next: (cb) => cb.next(),
  back: (cb) => cb.back(),
  done: (cb) => cb.complete(),
  skip: (cb) => cb.dismiss(),
  link: (cb, b) => cb.cta(b),
  flow: (cb, b) => cb.cta(b),
};

/**
 * The step's buttons. Configured buttons replace the default Back or Next/Done they duplicate;
 * the default Next/Done shows only when the step advances on Next (not for a lone banner).
 *
 * @example
 * actions(view, cb).map((a) => a.label); // ['Back', 'Learn more', 'Next']
 */
export function actions(view: StepView, cb: StepCallbacks): Action[] {
  const { step, index, total, buttonLabels } = view;
  const configured = step.buttons ?? [];
  const has = (...kinds: StepButton['action'][]) =>
    configured.some((b) => kinds.includes(b.action));
  const out: Action[] = [];
  if (index > 0 && !has('back')) out.push({ label: 'Back', run: () => cb.back(), primary: false });
  configured.forEach((b, i) => {
    const label = buttonLabels[i] ?? Object.values(b.label)[0] ?? b.action;
    out.push({
      label,
      run: () => RUN[b.action](cb, b),
      primary: b.action !== 'back' && b.action !== 'skip',
    });
  });
  const last = index >= total - 1;
  const lone = step.type === 'banner' && total <= 1;
  if (step.advance.on === 'next' && !has('next', 'done') && !lone) {
    out.push(
      last
        ? { label: 'Done', run: () => cb.complete(), primary: true }
        : { label: 'Next', run: () => cb.next(), primary: true },
    );
  }
  return out;
}
