import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOnward } from '../api/create-onward';
import type { GuidesDeps, Importer } from '../api/guides-contract';
import { createClock } from '../shared/clock';
import { createLogger } from '../shared/logger';
import { createMemoryStore } from '../shared/storage';
import { createSpyConsole } from '../testing/fakes';
import { createFakeApi, createFakeGuides } from '../testing/guides';
import { createBuilder } from '.';
import { readMode } from './bridge';
import { toPreviewFlow } from './validate';
import { wordsFor } from './words';

const DASHBOARD = 'https://onward.example.com';
const NONCE = 'n0nce-1234abcd';
let posted: { message: Record<string, unknown>; origin: string }[] = [];
const stops: (() => void)[] = [];

beforeEach(() => {
  posted = [];
  const postMessage = (message: Record<string, unknown>, origin: string) => posted.push({ message, origin });
  Object.defineProperty(window, 'opener', { configurable: true, value: { postMessage } });
  document.body.innerHTML = '<nav id="menu"><a href="/reports" class="nav-link">Reports</a></nav>';
});
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  history.replaceState(null, '', '/');
  document.body.innerHTML = '';
});

function engineDeps(track = vi.fn()): GuidesDeps {
  return {
    options: { apiHost: DASHBOARD },
    store: createMemoryStore(),
    clock: createClock(),
    logger: createLogger(false),
    track,
    emit: vi.fn(),
    watchUrl: () => () => {},
  };
}
function start(search: string, importer: Importer = createFakeGuides().importer) {
  history.replaceState(null, '', `/app${search}`);
  const builder = createBuilder(engineDeps(), importer);
  stops.push(builder.stop);
  return builder;
}
const fromDashboard = (data: unknown, origin = DASHBOARD) =>
  window.dispatchEvent(new MessageEvent('message', { data, origin }));
const types = () => posted.map((p) => p.message.type);

describe('builder mode in the core', () => {
  it.each([
    ['?onward_builder=n0nce-1234abcd', true],
    ['?x=1&onward_preview=n0nce-1234abcd', true],
    ['?onward_flow=tour', false],
    ['', false],
  ])('%s loads the builder chunk instead of the bootstrap: %s', async (search, builder) => {
    history.replaceState(null, '', `/app${search}`);
    const api = createFakeApi();
    const guides = createFakeGuides();
    const loadBuilder = vi.fn(createFakeGuides().importer);
    const onward = createOnward(
      { writeKey: 'pk_test', apiHost: DASHBOARD, autoPage: false },
      { store: createMemoryStore(), fetch: api.fetch, console: createSpyConsole().console, loadGuides: guides.importer, loadBuilder },
    );
    stops.push(onward.dispose);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loadBuilder).toHaveBeenCalledTimes(builder ? 1 : 0);
    expect(api.bootstraps).toHaveLength(builder ? 0 : 1);
  });
});

describe('the element picker', () => {
  it('says it is ready, then sends the clicked element to the dashboard origin only', () => {
    const pageClicks = vi.fn();
    document.addEventListener('click', pageClicks);
    start(`?onward_builder=${NONCE}`);
    expect(posted[0]).toEqual({ message: { type: 'onward:ready', nonce: NONCE, mode: 'builder', url: location.href }, origin: DASHBOARD });
    expect(document.querySelector('[data-onward-builder]')?.shadowRoot?.textContent).toContain('Pick element');
    (document.querySelector('.nav-link') as HTMLElement).click();
    expect(pageClicks).not.toHaveBeenCalled();
    expect(posted[1]).toEqual({
      message: { type: 'onward:picked', nonce: NONCE, selector: 'a.nav-link', matches: 1, text: 'Reports', url: location.href },
      origin: DASHBOARD,
    });
    document.removeEventListener('click', pageClicks);
  });

  it("speaks the dashboard's language: onward_lang=zh-CN gives Chinese words, anything else English", () => {
    start(`?onward_builder=${NONCE}&onward_lang=zh-CN`);
    const bar = () => document.querySelector('[data-onward-builder]')?.shadowRoot?.textContent;
    expect(bar()).toContain('选择元素');
    (document.querySelector('.nav-link') as HTMLElement).click();
    expect(bar()).toContain('已选择 a.nav-link（1 个匹配）');
    expect(wordsFor('?onward_lang=fr').pick).toBe('Pick element');
    expect(wordsFor('?onward_language=zh').pick).toBe('Pick element');
  });

  it('picks the focused element on Enter, and cancels on Escape', () => {
    start(`?onward_builder=${NONCE}`);
    (document.querySelector('.nav-link') as HTMLElement).focus();
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(types()).toEqual(['onward:ready', 'onward:picked']);
    (document.querySelector('[data-onward-builder]')?.shadowRoot?.querySelector('button') as HTMLElement).click();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(types()).toEqual(['onward:ready', 'onward:picked', 'onward:cancelled']);
    expect(document.querySelector('[data-onward-builder]')).toBeNull();
  });

  it('ignores a cancel from another origin or with another nonce', () => {
    start(`?onward_builder=${NONCE}`);
    fromDashboard({ type: 'onward:cancel', nonce: NONCE }, 'https://evil.example');
    fromDashboard({ type: 'onward:cancel', nonce: 'someone-else' });
    expect(document.querySelector('[data-onward-builder]')).not.toBeNull();
    fromDashboard({ type: 'onward:cancel', nonce: NONCE });
    expect(document.querySelector('[data-onward-builder]')).toBeNull();
  });
});

describe('the preview', () => {
  const flow = { id: 'tour', name: 'Tour', kind: 'tour', trigger: { type: 'page', url: '/elsewhere' }, steps: [{ id: 'a', type: 'modal', content: { en: { title: 'Hi' } } }] };

  it('runs the flow sent with the nonce, at once, with events cut off', async () => {
    const guides = createFakeGuides();
    start(`?onward_preview=${NONCE}`, guides.importer);
    fromDashboard({ type: 'onward:preview', nonce: 'wrong-nonce-1', flow });
    await Promise.resolve();
    expect(guides.importer).not.toHaveBeenCalled();
    fromDashboard({ type: 'onward:preview', nonce: NONCE, flow });
    await vi.waitFor(() => expect(guides.calls).toEqual(['update 1 flows', 'show tour']));
    const deps = guides.deps[0] as GuidesDeps;
    deps.track('Onward Step Viewed', {});
    deps.store.set('onward:checklist:tour', '["x"]');
    expect(types()).toEqual(['onward:ready', 'onward:previewing']);
  });

  it('answers an invalid flow with the reason and runs nothing', () => {
    const guides = createFakeGuides();
    start(`?onward_preview=${NONCE}`, guides.importer);
    fromDashboard({ type: 'onward:preview', nonce: NONCE, flow: { steps: [{ id: 'a', type: 'popup' }] } });
    expect(posted[1]?.message).toMatchObject({ type: 'onward:preview-error', message: expect.stringContaining('steps.0.type') });
    expect(guides.importer).not.toHaveBeenCalled();
  });
});

describe('helpers', () => {
  it('reads the mode and refuses short or odd nonces', () => {
    expect(readMode('?a=1&onward_preview=abcdefgh12')).toEqual({ kind: 'preview', nonce: 'abcdefgh12' });
    expect(readMode('?onward_builder=short')).toBeUndefined();
    expect(readMode('?onward_builder=<script>alert(1)</script>')).toBeUndefined();
  });

  it('fills the defaults and forces a manual trigger for the preview', () => {
    const checked = toPreviewFlow({ name: 'T', kind: 'tip', trigger: { type: 'event', event: 'x' }, steps: [{ id: 's', type: 'tooltip', target: '#a', content: { en: { title: 'x' } } }] });
    expect(checked).toMatchObject({
      flow: { id: 'preview', kind: 'tip', trigger: { type: 'manual' }, version: 0, heldOut: false, progress: null, steps: [{ advance: { on: 'next' }, placement: 'auto' }] },
    });
    expect(toPreviewFlow({ steps: [] })).toEqual({ error: 'steps must hold 1 to 50 steps' });
    expect(toPreviewFlow({ steps: [{ id: 's', type: 'modal', content: {} }] })).toEqual({ error: 'steps.0.content needs at least one locale' });
  });
});
