import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { App } from '../../app/app';
import { fakeFetch, mount, settle, settleUntil } from '../../testing/render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const session = {
  member: { id: 'm1', email: 'ada@example.com', name: 'Ada', role: 'owner' },
  workspace: { id: 1, name: 'Analytical Engines', writeKey: 'pk_test' },
  csrfToken: 'csrf_1',
};

async function submit(container: HTMLElement, email: string, password: string) {
  const [emailInput, passwordInput] = [...container.querySelectorAll('input')];
  await act(() => {
    for (const [input, value] of [[emailInput, email], [passwordInput, password]] as const) {
      if (input === undefined) throw new Error('missing input');
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  await act(() => {
    container.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

describe('sign-in', () => {
  it('shows the sign-in page without a session, the field issue beside its field, then the shell', async () => {
    let attempts = 0;
    const { fetch, calls } = fakeFetch({
      'GET /v1/session': () => ({ status: 401, body: { error: { code: 'unauthorized', message: 'Not signed in' } } }),
      'POST /v1/session': () =>
        ++attempts === 1
          ? { status: 400, body: { error: { code: 'invalid_request', message: 'Invalid sign-in', issues: [{ path: 'email', message: 'Invalid email address' }] } } }
          : { body: session },
      'GET /v1/flows': () => ({ body: { flows: [] } }),
    });
    window.location.hash = '#/flows';
    const { container, unmount } = await mount(<App />, { fetch });
    cleanup = unmount;
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Sign in to Onward');

    await submit(container, 'ada', 'secret');
    const email = container.querySelector('input[type="email"]');
    const errorId = email?.getAttribute('aria-describedby');
    expect(container.querySelector(`[id="${errorId}"]`)?.textContent).toBe('Invalid email address');
    expect(container.querySelector('[role="alert"]')).toBeNull();

    await submit(container, 'ada@example.com', 'secret');
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ email: 'ada@example.com', password: 'secret' });
    // The Flows page is a chunk of its own: it arrives after the shell.
    await settleUntil(() => container.querySelector('h1')?.textContent === 'Flows');
    expect(container.querySelector('.workspace-name')?.textContent).toBe('Analytical Engines');
    expect(container.querySelector('[aria-current="page"]')?.textContent).toBe('Flows');
    expect(container.querySelector('h1')?.textContent).toBe('Flows');
  });
});
