import { describe, expect, it, vi } from 'vitest';
import { createBootstrap, createFlow, createStep, settle, useEngines } from '../testing/guides';

const setupEngine = useEngines({ cleanBody: true });
const start = async (steps: Parameters<typeof createStep>[0][], setup = {}) => {
  const made = setupEngine(setup);
  made.engine.update(
    createBootstrap([createFlow({ id: 'f', version: 2, steps: steps.map(createStep) })]),
  );
  made.engine.show('f');
  await settle();
  return made;
};
const add = (html: string): Element => {
  document.body.insertAdjacentHTML('beforeend', html);
  return document.body.lastElementChild as Element;
};

describe('targets', () => {
  it('renders a tooltip on its target once it appears', async () => {
    const { ui, events } = await start([{ id: 'a', type: 'tooltip', target: '#save' }]);
    expect(ui.shown()).toBeNull();
    const button = add('<button id="save">Save</button>');
    await settle();
    expect(ui.view().target).toBe(button);
    expect(events()).toEqual(['Onward Flow Started f/0', 'Onward Step Viewed f/0']);
  });

  it('reports a target still missing after the bounded wait and shows the step centred', async () => {
    const { ui, sent } = await start([{ id: 'a', type: 'hotspot', target: '#nope' }], {
      targetWait: 300,
    });
    await settle(299);
    expect(ui.shown()).toBeNull();
    await settle(1);
    expect(ui.view().target).toBeNull();
    expect(sent.map((s) => s.event)).toEqual([
      'Onward Flow Started',
      'Onward Flow Target Missing',
      'Onward Step Viewed',
    ]);
    expect(sent[1]?.properties).toEqual({
      flowId: 'f',
      flowVersion: 2,
      stepId: 'a',
      stepIndex: 0,
      selector: '#nope',
      url: `${location.origin}/app`,
    });
  });

  it('finds targets inside open shadow roots with >>>', async () => {
    const host = add('<my-app></my-app>');
    const { ui } = await start([{ id: 'a', type: 'tooltip', target: 'my-app >>> .save' }]);
    const inner = document.createElement('button');
    inner.className = 'save';
    host.attachShadow({ mode: 'open' }).append(inner);
    await settle(250);
    expect(ui.view().target).toBe(inner);
  });
});

describe('advance', () => {
  it('on a click on the target, without stopping the click', async () => {
    const button = add('<button id="go">Go</button>');
    const { ui } = await start([
      { id: 'a', type: 'tooltip', target: '#go', advance: { on: 'click' } },
      { id: 'b' },
    ]);
    expect(ui.shown()).toBe('f/a');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    const seen = vi.fn();
    document.addEventListener('click', seen);
    button.dispatchEvent(click);
    document.removeEventListener('click', seen);
    expect(ui.shown()).toBe('f/b');
    expect(click.defaultPrevented).toBe(false);
    expect(seen).toHaveBeenCalledOnce();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(ui.shown()).toBe('f/b');
  });

  it('on an event the host app tracks', async () => {
    const { ui, track, events } = await start([
      { id: 'a', advance: { on: 'event', event: 'Project Created' } },
      { id: 'b' },
    ]);
    track('Something Else');
    expect(ui.shown()).toBe('f/a');
    track('Project Created');
    expect(ui.shown()).toBe('f/b');
    expect(events().at(-1)).toBe('Onward Step Viewed f/1');
  });

  it('on reaching a URL', async () => {
    const { ui } = await start([
      { id: 'a', advance: { on: 'url', url: '/app/projects/*' } },
      { id: 'b' },
    ]);
    history.pushState(null, '', '/app/settings');
    await settle();
    expect(ui.shown()).toBe('f/a');
    history.pushState(null, '', '/app/projects/42');
    await settle();
    expect(ui.shown()).toBe('f/b');
  });

  it('completes when the last step advances', async () => {
    const { events, track } = await start([{ id: 'a', advance: { on: 'event', event: 'Done' } }]);
    track('Done');
    expect(events().at(-1)).toBe('Onward Flow Completed f/0');
  });
});

describe('multi-page tours', () => {
  it('waits for the step URL, then shows the step; hides it again elsewhere', async () => {
    const { ui, events } = await start([{ id: 'a' }, { id: 'b', url: '/app/projects' }]);
    ui.cb().next();
    expect(ui.shown()).toBeNull();
    history.pushState(null, '', '/app/projects?tab=2');
    await settle();
    expect(ui.shown()).toBe('f/b');
    history.pushState(null, '', '/app/home');
    await settle();
    expect(ui.shown()).toBeNull();
    expect(events()).toEqual([
      'Onward Flow Started f/0',
      'Onward Step Viewed f/0',
      'Onward Step Viewed f/1',
    ]);
  });
});

describe('waiting', () => {
  it('keeps one bounded wait for a target across navigations on the step page', async () => {
    const { ui, events } = await start(
      [{ id: 'a', type: 'tooltip', target: '#late', url: '/app*' }],
      { targetWait: 1000 },
    );
    await settle(600);
    history.pushState(null, '', '/app#section');
    await settle(400);
    expect(ui.view().target).toBeNull();
    expect(events()).toContain('Onward Flow Target Missing f/0');
  });
});

describe('surveys', () => {
  it('sends Onward Survey Responded with the score, then with the comment', async () => {
    const { ui, sent, emitted } = await start([{ id: 'nps', type: 'survey' }]);
    ui.cb().survey(11);
    ui.cb().survey(7.5);
    ui.cb().survey(9);
    ui.cb().survey(9, '  Fast and clear  ');
    ui.cb().complete();
    const answers = sent.filter((s) => s.event === 'Onward Survey Responded');
    const base = { flowId: 'f', flowVersion: 2, stepId: 'nps', stepIndex: 0 };
    expect(answers.map((a) => a.properties)).toEqual([
      { ...base, score: 9 },
      { ...base, score: 9, comment: 'Fast and clear' },
    ]);
    expect(emitted.filter(([name]) => name === 'survey:responded').map(([, e]) => e.score)).toEqual(
      [9, 9],
    );
    expect(sent.at(-1)?.event).toBe('Onward Flow Completed');
  });
});
