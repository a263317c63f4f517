import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMapStorage, createSpyConsole } from '../testing/fakes';
import { createBootstrap, createFakeApi, createFakeGuides, createFlow } from '../testing/guides';
import type { Importer } from './guides-contract';
import { createStore } from '../shared/storage';
import { createOnward } from './create-onward';
import { INHERITED_WAIT_MS } from './guides';
import type { OnwardApi } from './types';

const instances: OnwardApi[] = [];
beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/app');
});
afterEach(() => {
  instances.splice(0).forEach((onward) => onward.dispose());
  vi.useRealTimers();
});

function setup(
  flows: ReturnType<typeof createFlow>[] = [],
  options: { debug?: boolean; importer?: Importer; storage?: Storage } = {},
) {
  const api = createFakeApi(() => createBootstrap(flows));
  const guides = createFakeGuides();
  const sink = createSpyConsole();
  const onward = createOnward(
    { writeKey: 'pk_test', apiHost: 'https://api.test', autoPage: false, debug: options.debug },
    {
      store: createStore(() => options.storage ?? createMapStorage()),
      fetch: api.fetch,
      sendBeacon: undefined,
      console: sink.console,
      loadGuides: options.importer ?? guides.importer,
    },
  );
  instances.push(onward);
  return { onward, api, guides, sink };
}
const tick = () => vi.advanceTimersByTimeAsync(0);

describe('loading the guides chunk', () => {
  it('does not load it when the bootstrap has no flow for this user', async () => {
    const { onward, api, guides } = setup();
    onward.track('Signed In');
    await tick();
    expect(api.bootstraps).toHaveLength(1);
    expect(guides.importer).not.toHaveBeenCalled();
    await onward.flush();
    expect(api.messages().map((m) => m.event)).toEqual(['Signed In']);
  });

  it('loads it once when flows come, and replays earlier calls in order (pages excluded)', async () => {
    const { onward, api, guides } = setup([createFlow({ id: 'tour' })]);
    onward.identify('u_1', { firstName: 'Ada' });
    onward.page();
    onward.track('Signed In');
    await tick();
    await tick();
    expect(guides.importer).toHaveBeenCalledOnce();
    expect(guides.calls).toEqual(['saw identify', 'saw track', 'update 1 flows']);
    onward.group('acme');
    await tick();
    expect(guides.calls.slice(3)).toEqual(['saw group', 'update 1 flows']);
    expect(api.bootstraps.map((url) => url.searchParams.get('groupId'))).toEqual([null, 'acme']);
    expect(api.bootstraps[0]?.searchParams.get('userId')).toBe('u_1');
  });

  it('loads it for Onward.show even with no flow, and passes the call on', async () => {
    const { onward, guides } = setup();
    onward.show('help');
    onward.dismiss();
    await tick();
    await tick();
    expect(guides.calls).toEqual(['show help', 'dismiss', 'update 0 flows']);
  });

  it('loads it for a ?onward_flow= deep link', async () => {
    history.replaceState(null, '', '/app?onward_flow=help');
    const { guides } = setup();
    await tick();
    await tick();
    expect(guides.importer).toHaveBeenCalledOnce();
  });

  it('refetches after identify, group and reset (one request per burst)', async () => {
    const { onward, api, guides } = setup([createFlow({ id: 'tour' })]);
    await tick();
    onward.identify('u_2');
    onward.group('g');
    await tick();
    onward.reset();
    await tick();
    expect(api.bootstraps.map((url) => url.searchParams.get('userId'))).toEqual([
      null,
      'u_2',
      null,
    ]);
    expect(guides.calls).toContain('saw reset');
  });

  it('asks with debug=1 after Onward.debug(true)', async () => {
    const { onward, api } = setup();
    await tick();
    onward.debug(true);
    await tick();
    expect(api.bootstraps.map((url) => url.searchParams.get('debug'))).toEqual([null, '1']);
  });

  it('logs a failed chunk load in debug mode and tries again on the next show', async () => {
    const guides = createFakeGuides();
    const importer = vi.fn<Importer>().mockRejectedValueOnce(new TypeError('Failed to fetch'));
    importer.mockImplementation(guides.importer);
    const { onward, sink } = setup([], { debug: true, importer });
    onward.show('a');
    await tick();
    expect(sink.warn).toHaveBeenCalledWith('[Onward] guides', expect.any(TypeError));
    onward.show('b');
    await tick();
    await tick();
    expect(importer).toHaveBeenCalledTimes(2);
    expect(guides.calls).toEqual(['show a', 'update 0 flows', 'show b']);
  });

  it('stops the engine on dispose, and one that arrives after dispose', async () => {
    const first = setup([createFlow({ id: 'tour' })]);
    await tick();
    await tick();
    first.onward.dispose();
    expect(first.guides.calls.at(-1)).toBe('stop');
    const late = setup();
    late.onward.show('x');
    late.onward.dispose();
    await tick();
    expect(late.guides.calls).toEqual(['stop']);
  });
});

describe('the first bootstrap after a reload', () => {
  /** A page load that queued a message and went away before sending it. */
  const leftBehind = () => {
    const storage = createMapStorage();
    setup([], { storage }).onward.track('Onward Flow Started', { flowId: 'tour' });
    instances.pop()?.dispose();
    return storage;
  };
  const requests = (api: ReturnType<typeof createFakeApi>) =>
    api.fetch.mock.calls.map(([url]) => new URL(url).pathname);

  it('waits for what the earlier load left, so the server knows the flow is under way', async () => {
    const { api } = setup([], { storage: leftBehind() });
    await tick();
    await tick();
    expect(requests(api)).toEqual(['/v1/batch', '/v1/sdk/bootstrap']);
    expect(api.messages().map((m) => m.event)).toEqual(['Onward Flow Started']);
  });

  it('asks at once when nothing was left', async () => {
    const { onward, api } = setup();
    onward.track('Signed In');
    await tick();
    expect(requests(api)).toEqual(['/v1/sdk/bootstrap']);
  });

  it(`asks anyway after ${INHERITED_WAIT_MS} ms when that send hangs`, async () => {
    const storage = leftBehind();
    const { api } = setup([], { storage });
    const answer = api.fetch.getMockImplementation()!;
    api.fetch.mockImplementation((url, init) =>
      url.includes('/v1/batch') ? new Promise(() => {}) : answer(url, init),
    );
    await vi.advanceTimersByTimeAsync(INHERITED_WAIT_MS - 1);
    expect(requests(api)).toEqual(['/v1/batch']);
    // The wait's timer, then the bootstrap's own next-tick timer.
    await vi.advanceTimersByTimeAsync(2);
    expect(api.bootstraps).toHaveLength(1);
  });
});

describe('what the engine gets', () => {
  it('sends Onward events through the outbox and emits listener events', async () => {
    const { onward, api, guides } = setup([createFlow({ id: 'tour' })]);
    const heard = vi.fn();
    onward.on('flow:started', heard);
    await tick();
    await tick();
    const deps = guides.deps[0];
    const properties = { flowId: 'tour', flowVersion: 1, stepId: 's1', stepIndex: 0 };
    deps?.track('Onward Flow Started', properties);
    deps?.emit('flow:started', properties);
    await onward.flush();
    expect(api.messages()).toMatchObject([
      { type: 'track', event: 'Onward Flow Started', properties },
    ]);
    expect(heard).toHaveBeenCalledWith(properties);
    expect(deps?.options).toMatchObject({ writeKey: 'pk_test' });
  });

  it('checks show() arguments like every other method', async () => {
    const { onward, guides, sink } = setup([], { debug: true });
    onward.show('' as never);
    onward.show({} as never);
    await tick();
    expect(guides.importer).not.toHaveBeenCalled();
    expect(sink.warn).toHaveBeenCalledWith(
      '[Onward] show: TypeError: flowId is invalid; call ignored',
    );
  });
});
