import { describe, expect, it } from 'vitest';
import { createMapStorage } from '../testing/fakes';
import { THROTTLE_KEY } from './throttle';
import { createBootstrap, createFlow, createStep, settle, useEngines } from '../testing/guides';

const HOUR = 36e5;
const onPage = (id: string, priority: number, url = '/app*') =>
  createFlow({ id, priority, trigger: { type: 'page', url, match: 'glob' } });
const onEvent = (id: string, priority: number, event: string) =>
  createFlow({ id, priority, trigger: { type: 'event', event } });

const setup = useEngines();

describe('one flow on screen, by priority', () => {
  it('shows the highest priority first; the next waits until it ends', async () => {
    const { engine, ui, events } = setup();
    engine.update(createBootstrap([onPage('high', 10), onPage('low', 1)]));
    await settle();
    expect(ui.shown()).toBe('high/s1');
    expect(events()).not.toContain('Onward Flow Started low/0');
    ui.cb().complete();
    await settle();
    expect(ui.shown()).toBe('low/s1');
  });

  it('pauses a lower-priority flow for a higher one, which it then follows at its step', async () => {
    const checklist = createFlow({
      id: 'low',
      priority: 1,
      trigger: { type: 'page', url: '/app*', match: 'glob' },
      steps: [createStep({ id: 'one' }), createStep({ id: 'two' })],
    });
    const { engine, ui, track, events } = setup();
    engine.update(createBootstrap([onEvent('nps', 20, 'Report Created'), checklist]));
    await settle();
    ui.cb().next();
    track('Report Created');
    await settle();
    expect(ui.shown()).toBe('nps/s1');
    ui.cb().complete();
    await settle();
    expect(ui.shown()).toBe('low/two');
    expect(events()).toEqual([
      'Onward Flow Started low/0',
      'Onward Step Viewed low/0',
      'Onward Step Viewed low/1',
      'Onward Flow Started nps/0',
      'Onward Step Viewed nps/0',
      'Onward Flow Completed nps/0',
      'Onward Step Viewed low/1',
    ]);
  });

  it('never pauses a flow of equal or higher priority: the newcomer waits', async () => {
    const { engine, ui, track } = setup();
    engine.update(createBootstrap([onPage('tour', 100), onEvent('tip', 5, 'Project Created')]));
    await settle();
    track('Project Created');
    await settle();
    expect(ui.shown()).toBe('tour/s1');
    ui.cb().complete();
    await settle();
    expect(ui.shown()).toBe('tip/s1');
  });
});

describe('page triggers', () => {
  it('takes a page-triggered flow away on other pages and brings it back at its step', async () => {
    const banner = createFlow({
      id: 'banner',
      trigger: { type: 'page', url: '/app/reports*', match: 'glob' },
      steps: [createStep({ id: 'x', type: 'banner' })],
    });
    history.replaceState(null, '', '/app/reports');
    const { engine, ui, events } = setup();
    engine.update(createBootstrap([banner]));
    await settle();
    expect(ui.shown()).toBe('banner/x');
    history.pushState(null, '', '/app/projects');
    await settle();
    expect(ui.shown()).toBeNull();
    history.pushState(null, '', '/app/reports/7');
    await settle();
    expect(ui.shown()).toBe('banner/x');
    expect(events()).toEqual([
      'Onward Flow Started banner/0',
      'Onward Step Viewed banner/0',
      'Onward Step Viewed banner/0',
    ]);
  });
});

describe('element triggers', () => {
  it('start the flow when the element first appears', async () => {
    const flow = createFlow({
      id: 'alert',
      trigger: { type: 'element', selector: '.billing-alert' },
    });
    const { engine, ui } = setup();
    engine.update(createBootstrap([flow]));
    await settle(1000);
    expect(ui.shown()).toBeNull();
    document.body.insertAdjacentHTML('beforeend', '<p class="billing-alert"></p>');
    await settle();
    expect(ui.shown()).toBe('alert/s1');
    document.querySelector('.billing-alert')?.remove();
  });
});

describe('throttle', () => {
  it('allows one unsolicited start per throttleHours, remembered in storage', async () => {
    const settings = { throttleHours: 2, theme: {} };
    const { engine, ui, storage, events } = setup();
    engine.update(createBootstrap([onPage('first', 2), onPage('second', 1)], { settings }));
    await settle();
    expect(storage.getItem(THROTTLE_KEY)).toBe(String(Date.now()));
    ui.cb().complete();
    await settle();
    expect(ui.shown()).toBeNull();
    // Onward.show is solicited: no throttle.
    engine.show('second');
    expect(ui.shown()).toBe('second/s1');
    expect(events().filter((e) => e.includes('Started'))).toEqual([
      'Onward Flow Started first/0',
      'Onward Flow Started second/0',
    ]);
  });

  it('drops an event inside the window (no start hours later); the next one after it starts', async () => {
    const settings = { throttleHours: 2, theme: {} };
    const storage = createMapStorage();
    storage.setItem(THROTTLE_KEY, String(Date.now() - HOUR));
    const { engine, ui, track, sink } = setup({ storage, debug: true });
    engine.update(createBootstrap([onEvent('tip', 1, 'Clicked')], { settings }));
    track('Clicked');
    await settle();
    expect(ui.shown()).toBeNull();
    expect(sink.log).toHaveBeenCalledWith(
      '[Onward] flow tip: throttled until 2024-05-01T01:00:00.000Z: trigger dropped',
    );
    await settle(HOUR);
    history.pushState(null, '', '/app/next');
    await settle();
    expect(ui.shown()).toBeNull();
    track('Clicked');
    await settle();
    expect(ui.shown()).toBe('tip/s1');
    expect(Number(storage.getItem(THROTTLE_KEY))).toBe(Date.now());
  });
});

describe('holdout', () => {
  it('sends Onward Flow Held Out once when the flow would start, and shows nothing', async () => {
    const heldOut = { ...onEvent('nps', 5, 'Report Created'), version: 2, heldOut: true };
    const { engine, ui, sent, track } = setup();
    engine.update(createBootstrap([heldOut]));
    await settle();
    expect(sent).toEqual([]);
    track('Report Created');
    await settle();
    track('Report Created');
    engine.show('nps');
    await settle();
    expect(ui.shown()).toBeNull();
    expect(ui.renders).toEqual([]);
    expect(sent).toEqual([
      { event: 'Onward Flow Held Out', properties: { flowId: 'nps', flowVersion: 2 } },
    ]);
  });
});

describe('return after dormancy', () => {
  it('starts for a user inactive at least dormantAfterDays (or afterDays) when the page loads', async () => {
    const back = createFlow({ id: 'back', trigger: { type: 'return' } });
    const soon = createFlow({
      id: 'soon',
      priority: 5,
      trigger: { type: 'return', afterDays: 30 },
    });
    const { engine, ui } = setup();
    const user = { verified: true, daysInactive: 20.5, dormantAfterDays: 14 };
    engine.update(createBootstrap([soon, back], { user }));
    await settle();
    expect(ui.shown()).toBe('back/s1');
    // Our own messages make the user active again: a refetch must not undo the return.
    ui.cb().complete();
    engine.update(createBootstrap([soon], { user: { ...user, daysInactive: 0 } }));
    await settle();
    expect(ui.shown()).toBeNull();
  });
});
