import type { Flow } from '@onward/server/contracts';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDashboard } from '../../../shared/session';
import { fakeFetch, mount, settle } from '../../../testing/render';
import { FlowEditorPage } from './flow-editor';
import { starter } from './starters';

const session = {
  member: { id: 'm1', email: 'ada@example.com', name: 'Ada', role: 'owner' },
  workspace: { id: 1, name: 'Analytical Engines', writeKey: 'pk_test' },
  csrfToken: 'csrf_1',
};
const flow: Flow = {
  ...(starter('tour') as Omit<Flow, 'id' | 'status' | 'publishedVersion' | 'createdAt' | 'updatedAt'>),
  id: 'welcome',
  status: 'draft',
  publishedVersion: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  vi.unstubAllGlobals();
});

/** Renders once the session is signed in, as the shell does. */
function SignedIn() {
  const { state } = useDashboard();
  return state.status === 'signed-in' ? <FlowEditorPage id="welcome" /> : null;
}

describe('flow editor', () => {
  it('sends the edited flow and shows the API’s issue next to its field', async () => {
    const { fetch, calls } = fakeFetch({
      'GET /v1/session': () => ({ body: session }),
      'GET /v1/flows/welcome': () => ({ body: flow }),
      'PUT /v1/flows/welcome': () => ({
        status: 400,
        body: { error: { code: 'invalid_request', message: 'Invalid flow', issues: [{ path: 'steps.0.content.en.title', message: 'Say it shorter' }] } },
      }),
    });
    vi.stubGlobal('fetch', fetch);
    const { container, unmount } = await mount(<SignedIn />, { fetch });
    cleanup = unmount;
    await settle();
    await settle();

    const name = container.querySelector<HTMLInputElement>('input.input');
    expect(name?.value).toBe('Welcome tour');
    await act(() => {
      name!.value = 'Hello tour';
      name!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const save = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Save draft');
    await act(() => save?.click());
    await settle();

    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toMatchObject({ id: 'welcome', name: 'Hello tour', kind: 'tour' });
    expect(put?.headers['X-CSRF-Token']).toBe('csrf_1');
    const title = [...container.querySelectorAll('label')].find((l) => l.textContent === 'Title (en)');
    const input = container.querySelector<HTMLInputElement>(`[id="${title?.getAttribute('for')}"]`);
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    const described = input?.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(described.map((id) => container.querySelector(`[id="${id}"]`)?.textContent)).toContain('Say it shorter');
  });
});
