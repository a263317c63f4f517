import type { JSX } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mount, settle } from '../testing/render';
import { lazyPage } from './lazy-page';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('lazyPage', () => {
  it('shows a spinner until the page module arrives, then the page with its props; loads once', async () => {
    const module = deferred<(p: { name: string }) => JSX.Element>();
    let loads = 0;
    const Page = lazyPage(() => ((loads += 1), module.promise));
    const first = await mount(<Page name="Ada" />);
    unmount = first.unmount;
    expect(first.container.querySelector('[role="status"]')).not.toBeNull();
    module.resolve(({ name }) => <h1>Hello {name}</h1>);
    await settle();
    expect(first.container.querySelector('h1')?.textContent).toBe('Hello Ada');
    first.unmount();
    const again = await mount(<Page name="Bo" />);
    unmount = again.unmount;
    expect(again.container.querySelector('h1')?.textContent).toBe('Hello Bo');
    expect(loads).toBe(1);
  });

  it('offers a reload when the chunk cannot be fetched, and fetches again on the next visit', async () => {
    let loads = 0;
    const Page = lazyPage<object>(() => ((loads += 1), Promise.reject(new Error('Failed to fetch dynamically imported module'))));
    const first = await mount(<Page />);
    await settle();
    expect(first.container.textContent).toContain('Onward may have been updated');
    expect(first.container.querySelector('button')?.textContent).toBe('Reload');
    first.unmount();
    const again = await mount(<Page />);
    unmount = again.unmount;
    await settle();
    expect(loads).toBe(2);
  });
});
