// Factories for flow definitions in tests.
import type { FlowInput } from '../contracts/flows';

type StepInput = FlowInput['steps'][number];

export function createStep(over: Partial<StepInput> = {}): StepInput {
  return {
    id: 'step-1',
    type: 'tooltip',
    target: '#new-project',
    content: { en: { title: 'Create a project', body: 'Start **here**.' } },
    ...over,
  };
}

export function createFlow(over: Partial<FlowInput> = {}): FlowInput {
  return {
    id: 'welcome-tour',
    name: 'Welcome tour',
    kind: 'tour',
    trigger: { type: 'page', url: '/demo*' },
    steps: [createStep()],
    ...over,
  };
}
