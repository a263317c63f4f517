// What the ui draws for a step: text in the user's locale, personalised, with button labels
// and checklist items (flows → ui contract in ui/types.ts).
import type { DeliveredFlow, Step } from '@onward/server/contracts';
import type { StepView } from '../ui/types';
import { localize, personalize } from './content';
import type { Personal } from './content';

/**
 * @example
 * buildView({ flow, index: 0, target: null, locale: 'zh-CN', traits, done: new Set() });
 */
export function buildView(input: {
  flow: DeliveredFlow;
  index: number;
  target: Element | null;
  /** The wanted locale: the `locale` trait, else the browser's. */
  locale: string | undefined;
  traits: Personal;
  /** Checklist item ids done. */
  done: Set<string>;
}): StepView {
  const { flow, index, locale, traits } = input;
  const step = flow.steps[index] as Step;
  const text = (values: Record<string, { title?: string; body?: string }>) => {
    const [content, tag] = localize(values, locale);
    const filled = {
      title: personalize(content?.title, traits),
      body: personalize(content?.body, traits),
    };
    return [filled, tag] as const;
  };
  const [shown, tag] = text(step.content);
  return {
    flowId: flow.id,
    index,
    total: flow.steps.length,
    step,
    text: shown,
    buttonLabels: (step.buttons ?? []).map(
      (button) => personalize(localize(button.label, locale)[0], traits) ?? '',
    ),
    target: input.target,
    items: step.items?.map((item) => ({
      id: item.id,
      text: text(item.content)[0],
      done: input.done.has(item.id),
      ...(item.action && { action: item.action }),
    })),
    locale: tag,
  };
}
