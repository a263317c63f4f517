import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMapStorage } from '../testing/fakes';
import { disposeInstances, setupOnward as setup } from '../testing/onward-harness';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2024, 4, 1, 10) });
  history.replaceState(null, '', '/dashboard?tab=1');
  document.title = 'Dashboard';
});
afterEach(() => {
  disposeInstances();
  vi.useRealTimers();
});

describe('messages', () => {
  it('sends Segment-format track messages with context', async () => {
    const { onward, sent } = setup();
    onward.track('Report Created', { format: 'pdf' });
    const [message] = await sent();
    expect(message).toMatchObject({
      type: 'track',
      event: 'Report Created',
      properties: { format: 'pdf' },
      timestamp: '2024-05-01T10:00:00.000Z',
      sentAt: '2024-05-01T10:00:00.000Z',
      context: {
        page: {
          url: `${location.origin}/dashboard?tab=1`,
          path: '/dashboard',
          search: '?tab=1',
          title: 'Dashboard',
          referrer: '',
        },
        library: { name: '@onward/sdk', version: expect.any(String) },
        userAgent: navigator.userAgent,
        locale: navigator.language,
        screen: { width: expect.any(Number), height: expect.any(Number) },
      },
    });
    expect(message?.messageId).toMatch(V7);
    expect(message?.anonymousId).toMatch(V7);
    expect(message?.userId).toBeUndefined();
  });

  it('stamps the user and account from identify and group on later messages', async () => {
    const { onward, sent, storage } = setup();
    onward.identify(
      'u_42',
      { email: 'ada@example.com', createdAt: new Date(Date.UTC(2024, 0, 2)) },
      { userHash: 'abc' },
    );
    onward.group(7, { name: 'Acme', plan: 'pro' });
    onward.track('Clicked');
    const [identify, group, track] = await sent();
    expect(identify).toMatchObject({
      type: 'identify',
      userId: 'u_42',
      traits: { email: 'ada@example.com', createdAt: '2024-01-02T00:00:00.000Z' },
    });
    expect(group).toMatchObject({
      type: 'group',
      userId: 'u_42',
      groupId: '7',
      traits: { name: 'Acme', plan: 'pro' },
    });
    expect(track).toMatchObject({ userId: 'u_42', context: { groupId: '7' } });
    // The hash signs the user id: only identify carries it, for the server's verification.
    expect(identify?.context).toMatchObject({ userHash: 'abc' });
    expect(group?.context).not.toHaveProperty('userHash');
    expect(track?.context).not.toHaveProperty('userHash');
    expect(storage.getItem('onward:userHash')).toBe('abc');
  });

  it('accepts identify(traits) for the current user', async () => {
    const { onward, sent } = setup();
    onward.identify('u_1');
    onward.identify({ plan: 'pro' });
    const messages = await sent();
    expect(messages[1]).toMatchObject({ type: 'identify', userId: 'u_1', traits: { plan: 'pro' } });
  });

  it('sends page with analytics.js default properties', async () => {
    const { onward, sent } = setup();
    onward.page('Pricing', { plan: 'pro' });
    onward.page({ section: 'faq' });
    const [named, short] = await sent();
    expect(named).toMatchObject({
      type: 'page',
      name: 'Pricing',
      properties: {
        name: 'Pricing',
        plan: 'pro',
        path: '/dashboard',
        url: `${location.origin}/dashboard?tab=1`,
        search: '?tab=1',
        title: 'Dashboard',
        referrer: '',
      },
    });
    expect(short).toMatchObject({
      type: 'page',
      properties: { section: 'faq', path: '/dashboard' },
    });
  });

  it('reset forgets the user and starts a new anonymous id', async () => {
    const { onward, sent } = setup();
    onward.identify('u_1');
    onward.group('acme');
    onward.track('Before');
    onward.reset();
    onward.track('After');
    const [, , before, after] = await sent();
    expect(before).toMatchObject({ userId: 'u_1', context: { groupId: 'acme' } });
    expect(after?.userId).toBeUndefined();
    expect(after?.context).not.toHaveProperty('groupId');
    expect(after?.anonymousId).not.toBe(before?.anonymousId);
  });

  it('keeps the anonymous id across reloads', async () => {
    const storage = createMapStorage();
    const first = setup({ storage });
    first.onward.track('A');
    const [a] = await first.sent();
    const second = setup({ storage });
    second.onward.track('B');
    const [b] = await second.sent();
    expect(b?.anonymousId).toBe(a?.anonymousId);
  });
});

describe('automatic pages', () => {
  it('sends a page after calls made right after start, then one per SPA navigation', async () => {
    const { onward, server } = setup({ autoPage: true });
    onward.identify('u_1');
    await vi.advanceTimersByTimeAsync(0);
    history.pushState({}, '', '/projects/1');
    history.replaceState({}, '', '/projects/1');
    await vi.advanceTimersByTimeAsync(1000);
    await onward.flush();
    const pages = server.messages().filter((m) => m.type === 'page');
    expect(server.messages().map((m) => m.type)).toEqual(['identify', 'page', 'page']);
    expect(pages.map((m) => (m.properties as { path: string }).path)).toEqual([
      '/dashboard',
      '/projects/1',
    ]);
    expect(pages[0]?.userId).toBe('u_1');
  });

  it('stops watching navigation on dispose', async () => {
    const { onward, server } = setup({ autoPage: true });
    await vi.advanceTimersByTimeAsync(0);
    onward.dispose();
    history.pushState({}, '', '/later');
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.messages().map((m) => m.type)).toEqual([]);
  });
});

describe('debug', () => {
  it('turns logging on and remembers it', () => {
    const { onward, sink, storage } = setup();
    onward.debug(true);
    expect(storage.getItem('onward:debug')).toBe('1');
    onward.track('');
    expect(sink.warn).toHaveBeenCalledOnce();
    onward.debug(false);
    expect(storage.getItem('onward:debug')).toBeNull();
  });

  it('starts on with ?onward_debug=1', () => {
    history.replaceState(null, '', '/?onward_debug=1');
    const { onward, sink } = setup();
    onward.track('');
    expect(sink.warn).toHaveBeenCalledOnce();
  });
});
