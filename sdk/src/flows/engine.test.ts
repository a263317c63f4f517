import { describe, expect, it } from 'vitest';
import { createBootstrap, createFlow, createStep, settle, useEngines } from '../testing/guides';

const tour = (extra: Parameters<typeof createFlow>[0] = { id: 'tour' }) =>
  createFlow({
    steps: [createStep({ id: 'a' }), createStep({ id: 'b' }), createStep({ id: 'c' })],
    trigger: { type: 'page', url: '/app*', match: 'glob' },
    version: 3,
    ...extra,
  });

const setup = useEngines();

describe('a flow from start to end', () => {
  it('sends Started and Step Viewed, then one Step Viewed per step, then Completed', async () => {
    const { engine, ui, sent, emitted } = setup();
    engine.update(createBootstrap([tour()]));
    await settle();
    expect(ui.shown()).toBe('tour/a');
    expect(ui.view()).toMatchObject({
      flowId: 'tour',
      index: 0,
      total: 3,
      target: null,
      locale: 'en',
    });
    ui.cb().next();
    ui.cb().next();
    ui.cb().next();
    expect(ui.shown()).toBeNull();
    const flow = { flowId: 'tour', flowVersion: 3 };
    expect(sent).toEqual([
      { event: 'Onward Flow Started', properties: { ...flow, stepId: 'a', stepIndex: 0 } },
      { event: 'Onward Step Viewed', properties: { ...flow, stepId: 'a', stepIndex: 0 } },
      { event: 'Onward Step Viewed', properties: { ...flow, stepId: 'b', stepIndex: 1 } },
      { event: 'Onward Step Viewed', properties: { ...flow, stepId: 'c', stepIndex: 2 } },
      { event: 'Onward Flow Completed', properties: { ...flow, stepId: 'c', stepIndex: 2 } },
    ]);
    expect(emitted.map(([name, e]) => `${name} ${e.stepIndex}`)).toEqual([
      'flow:started 0',
      'step:viewed 0',
      'step:viewed 1',
      'step:viewed 2',
      'flow:completed 2',
    ]);
  });

  it('goes back a step, and dismisses where the user is', async () => {
    const { engine, ui, events, emitted } = setup();
    engine.update(createBootstrap([tour()]));
    await settle();
    ui.cb().next();
    ui.cb().back();
    expect(ui.shown()).toBe('tour/a');
    ui.cb().next();
    ui.cb().dismiss();
    expect(events()).toEqual([
      'Onward Flow Started tour/0',
      'Onward Step Viewed tour/0',
      'Onward Step Viewed tour/1',
      'Onward Step Viewed tour/0',
      'Onward Step Viewed tour/1',
      'Onward Flow Dismissed tour/1',
    ]);
    expect(emitted.at(-1)).toEqual([
      'flow:dismissed',
      { flowId: 'tour', flowVersion: 3, stepId: 'b', stepIndex: 1 },
    ]);
  });

  it('ignores callbacks of a step that is no longer on screen (a double click on Next)', async () => {
    const { engine, ui, events } = setup();
    engine.update(createBootstrap([tour()]));
    await settle();
    const first = ui.cb();
    first.next();
    first.next();
    first.dismiss();
    expect(ui.shown()).toBe('tour/b');
    expect(events().filter((e) => e.includes('Viewed'))).toHaveLength(2);
  });

  it('maps buttons: done completes, skip dismisses', async () => {
    const { engine, ui, events } = setup();
    engine.update(createBootstrap([tour(), tour({ id: 'other', priority: -1 })]));
    await settle();
    ui.cb().cta({ label: { en: 'Done' }, action: 'done' });
    await settle();
    expect(events()).toContain('Onward Flow Completed tour/0');
    ui.cb().cta({ label: { en: 'Skip' }, action: 'skip' });
    expect(events()).toContain('Onward Flow Dismissed other/0');
  });
});

describe('resume', () => {
  it('resumes at the step the server remembers, without a second Started', async () => {
    const { engine, ui, events } = setup();
    const progress = {
      version: 3,
      status: 'started' as const,
      stepIndex: 2,
      at: Date.now() - 1000,
    };
    engine.update(createBootstrap([tour({ id: 'tour', progress })]));
    await settle();
    expect(ui.shown()).toBe('tour/c');
    expect(events()).toEqual(['Onward Step Viewed tour/2']);
  });

  it('does not restart a flow that ended in this page session until the server says so', async () => {
    const { engine, ui, events } = setup();
    engine.update(createBootstrap([tour()]));
    await settle();
    ui.cb().dismiss();
    const endedAt = Date.now();
    // A refetch (identify) before the server has the dismissal: still delivered, no progress yet.
    engine.update(createBootstrap([tour()]));
    history.pushState(null, '', '/app/again');
    await settle();
    expect(ui.shown()).toBeNull();
    // The server has it and, by the flow's frequency, delivers it again.
    const progress = { version: 3, status: 'dismissed' as const, stepIndex: 0, at: endedAt };
    engine.update(createBootstrap([tour({ id: 'tour', progress })]));
    await settle();
    expect(ui.shown()).toBe('tour/a');
    expect(events().filter((e) => e.startsWith('Onward Flow Started'))).toHaveLength(2);
  });
});

describe('show and dismiss', () => {
  it('starts a manual flow now; starting it again is a no-op', async () => {
    const { engine, ui, events } = setup();
    engine.update(createBootstrap([createFlow({ id: 'help' })]));
    await settle();
    expect(ui.shown()).toBeNull();
    engine.show('help');
    engine.show('help');
    expect(ui.shown()).toBe('help/s1');
    expect(events()).toEqual(['Onward Flow Started help/0', 'Onward Step Viewed help/0']);
    engine.dismiss();
    expect(ui.shown()).toBeNull();
    expect(events().at(-1)).toBe('Onward Flow Dismissed help/0');
  });

  it('runs show calls made before the first bootstrap once it arrives', async () => {
    const { engine, ui } = setup();
    engine.show('help');
    engine.update(createBootstrap([createFlow({ id: 'help' })]));
    await settle();
    expect(ui.shown()).toBe('help/s1');
  });

  it('says in debug mode why a flow that is not delivered does not show', async () => {
    const { engine, ui, sink } = setup({ debug: true });
    engine.update(
      createBootstrap([], {
        excluded: [{ flowId: 'promo', reason: 'audience: all.0 {"trait":"plan"}' }],
      }),
    );
    engine.show('promo');
    expect(ui.shown()).toBeNull();
    expect(sink.log).toHaveBeenCalledWith(
      '[Onward] flow promo: Onward.show: not delivered to this user: audience: all.0 {"trait":"plan"}',
    );
  });

  it('pauses the flow on screen for the one asked for, then resumes it at its step', async () => {
    const { engine, ui, events } = setup();
    engine.update(createBootstrap([tour(), createFlow({ id: 'help' })]));
    await settle();
    ui.cb().next();
    engine.show('help');
    expect(ui.shown()).toBe('help/s1');
    ui.cb().complete();
    await settle();
    expect(ui.shown()).toBe('tour/b');
    expect(events().filter((e) => e.includes('Started'))).toEqual([
      'Onward Flow Started tour/0',
      'Onward Flow Started help/0',
    ]);
  });

  it('starts from a deep link ?onward_flow=<id> on any page, once per URL', async () => {
    history.replaceState(null, '', '/elsewhere?onward_flow=help');
    const { engine, ui, events } = setup();
    engine.update(createBootstrap([createFlow({ id: 'help' })]));
    await settle();
    expect(ui.shown()).toBe('help/s1');
    ui.cb().complete();
    engine.update(createBootstrap([createFlow({ id: 'help' })]));
    await settle();
    expect(ui.shown()).toBeNull();
    expect(events().filter((e) => e.includes('Started'))).toHaveLength(1);
  });

  it('CTA buttons: a flow button completes this flow and starts that one; a link navigates', async () => {
    const steps = [
      createStep({
        id: 'a',
        buttons: [
          { label: { en: 'Docs' }, action: 'link', href: '/docs' },
          { label: { en: 'Tour' }, action: 'flow', flowId: 'tour' },
        ],
      }),
      createStep({ id: 'b' }),
    ];
    const { engine, ui, events, navigate } = setup();
    engine.update(
      createBootstrap([
        createFlow({ id: 'menu', steps }),
        tour({ id: 'tour', trigger: { type: 'manual' } }),
      ]),
    );
    engine.show('menu');
    expect(ui.view().buttonLabels).toEqual(['Docs', 'Tour']);
    ui.cb().cta({ label: { en: 'Docs' }, action: 'link', href: '/docs' });
    expect(navigate).toHaveBeenCalledWith('/docs');
    expect(ui.shown()).toBe('menu/b');
    engine.dismiss();
    engine.show('menu');
    ui.cb().cta({ label: { en: 'Tour' }, action: 'flow', flowId: 'tour' });
    expect(ui.shown()).toBe('tour/a');
    expect(events()).toContain('Onward Flow Completed menu/0');
  });
});

describe('lifecycle', () => {
  it('stop() takes the flow off screen, destroys the ui and ignores later calls', async () => {
    const { engine, ui, sent } = setup();
    engine.update(createBootstrap([tour()]));
    await settle();
    engine.stop();
    expect(ui.shown()).toBeNull();
    expect(ui.destroyed()).toBe(1);
    const count = sent.length;
    engine.show('tour');
    history.pushState(null, '', '/app/x');
    await settle();
    expect(sent).toHaveLength(count);
  });

  it('mounts the ui with the workspace theme and the flow overrides', async () => {
    const { engine, ui } = setup();
    const theme = { brandColor: '#112233', radius: 4 };
    engine.update(
      createBootstrap([tour({ id: 'tour', theme: { radius: 12 } })], {
        settings: { throttleHours: 0, theme },
      }),
    );
    await settle();
    expect(ui.mounts).toEqual([{ doc: document, theme: { brandColor: '#112233', radius: 12 } }]);
  });
});
