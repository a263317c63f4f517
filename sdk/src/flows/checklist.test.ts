import { describe, expect, it } from 'vitest';
import { createMapStorage } from '../testing/fakes';
import { createBootstrap, createFlow, createStep, settle, useEngines } from '../testing/guides';
import { checklistKey } from './checklist';

const checklist = createFlow({
  id: 'start',
  kind: 'checklist',
  trigger: { type: 'page', url: '/app*', match: 'glob' },
  frequency: 'until_completed',
  steps: [
    createStep({
      id: 'list',
      type: 'checklist',
      items: [
        {
          id: 'project',
          content: { en: { title: 'Create a project' } },
          completeOn: { event: 'Project Created' },
          action: { href: '/app/projects' },
        },
        {
          id: 'tour',
          content: { en: { title: 'Take the tour' } },
          completeOn: { flow: 'tour' },
          action: { flowId: 'tour' },
        },
      ],
    }),
  ],
});
const tour = createFlow({ id: 'tour' });

const setup = useEngines();
/** The items on screen as `id:done`. */
const ticks = (ui: ReturnType<typeof setup>['ui']) =>
  (ui.view().items ?? []).map((item) => `${item.id}:${item.done}`);

describe('checklists', () => {
  it('ticks items on their event and on their flow completing, then completes', async () => {
    const { engine, ui, track, storage, events } = setup();
    engine.update(createBootstrap([checklist, tour]));
    await settle();
    expect(ticks(ui)).toEqual(['project:false', 'tour:false']);
    expect(ui.view().items?.[0]).toMatchObject({
      text: { title: 'Create a project' },
      action: { href: '/app/projects' },
    });
    track('Project Created');
    expect(ticks(ui)).toEqual(['project:true', 'tour:false']);
    expect(storage.getItem(checklistKey('start'))).toBe('["project"]');
    // Clicking an item with a flow starts it (asked for); finishing it ticks the item.
    ui.cb().checklistItem({ id: 'tour', text: {}, done: false, action: { flowId: 'tour' } });
    expect(ui.shown()).toBe('tour/s1');
    ui.cb().complete();
    await settle();
    expect(events().slice(-2)).toEqual([
      'Onward Step Viewed start/0',
      'Onward Flow Completed start/0',
    ]);
    expect(ui.shown()).toBeNull();
  });

  it('remembers items done in this browser across page loads, and opens item links', async () => {
    const storage = createMapStorage();
    storage.setItem(checklistKey('start'), '["project"]');
    const { engine, ui, navigate } = setup({ storage });
    engine.update(createBootstrap([checklist, tour]));
    await settle();
    expect(ticks(ui)).toEqual(['project:true', 'tour:false']);
    ui.cb().checklistItem({
      id: 'project',
      text: {},
      done: true,
      action: { href: '/app/projects' },
    });
    expect(navigate).toHaveBeenCalledWith('/app/projects');
  });

  it('records events even while the checklist is not on screen', async () => {
    const { engine, ui, track } = setup();
    engine.update(createBootstrap([{ ...checklist, trigger: { type: 'manual' } }, tour]));
    track('Project Created');
    engine.show('start');
    expect(ticks(ui)).toEqual(['project:true', 'tour:false']);
  });
});
