import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { mount, settle } from '../testing/render';
import { LoadMore } from '../ui';
import { usePages } from './use-pages';

type Letters = { letters: string[]; nextCursor: string | null };
const ALPHABET = 'abcdefg'.split('');

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** A list of letters two a page, upper-cased by a button; `fail` fails the next read once, `gate` holds reads. */
function harness() {
  const asked: (string | undefined)[] = [];
  const control: { fail: boolean; gate: Promise<void> | null } = { fail: false, gate: null };
  function List() {
    const [upper, setUpper] = useState(false);
    const list = usePages<Letters>(async (cursor) => {
      asked.push(cursor);
      if (control.gate !== null) await control.gate;
      if (control.fail) {
        control.fail = false;
        throw new Error('Failed to fetch');
      }
      const at = cursor === undefined ? 0 : Number(cursor);
      const letters = ALPHABET.slice(at, at + 2).map((l) => (upper ? l.toUpperCase() : l));
      return { letters, nextCursor: at + 2 < ALPHABET.length ? String(at + 2) : null };
    }, [upper]);
    return (
      <div>
        <button id="upper" onClick={() => setUpper(true)}>upper</button>
        <p id="rows">{list.pages.flatMap((p) => p.letters).join('')}</p>
        {list.hasMore && <LoadMore {...list.more} onLoad={list.loadMore} />}
      </div>
    );
  }
  return { List, asked, control };
}

const more = (c: HTMLElement) => c.querySelector<HTMLButtonElement>('.load-more button');
const rows = (c: HTMLElement) => c.querySelector('#rows')?.textContent;

describe('usePages', () => {
  it('appends each next page by its cursor until there is none', async () => {
    const { List, asked } = harness();
    const view = await mount(<List />);
    unmount = view.unmount;
    await settle();
    expect(rows(view.container)).toBe('ab');
    for (const expected of ['abcd', 'abcdef', 'abcdefg']) {
      await act(() => more(view.container)!.click());
      await settle();
      expect(rows(view.container)).toBe(expected);
    }
    expect(more(view.container)).toBeNull();
    expect(asked).toEqual([undefined, '2', '4', '6']);
  });

  it('says why a page failed, keeps the rows, and retries from the same cursor', async () => {
    const { List, asked, control } = harness();
    const view = await mount(<List />);
    unmount = view.unmount;
    await settle();
    control.fail = true;
    await act(() => more(view.container)!.click());
    await settle();
    expect(rows(view.container)).toBe('ab');
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('Failed to fetch');
    expect(more(view.container)?.textContent).toBe('Try again');
    await act(() => more(view.container)!.click());
    await settle();
    expect(rows(view.container)).toBe('abcd');
    expect(view.container.querySelector('[role="alert"]')).toBeNull();
    expect(asked).toEqual([undefined, '2', '2']);
  });

  it('starts over from the first page when its inputs change', async () => {
    const { List } = harness();
    const view = await mount(<List />);
    unmount = view.unmount;
    await settle();
    await act(() => more(view.container)!.click());
    await settle();
    expect(rows(view.container)).toBe('abcd');
    await act(() => view.container.querySelector<HTMLButtonElement>('#upper')!.click());
    await settle();
    expect(rows(view.container)).toBe('AB');
    await act(() => more(view.container)!.click());
    await settle();
    expect(rows(view.container)).toBe('ABCD');
  });

  it('drops a page that arrives after its first page was replaced', async () => {
    const { List, control } = harness();
    const view = await mount(<List />);
    unmount = view.unmount;
    await settle();
    let open!: () => void;
    control.gate = new Promise<void>((resolve) => (open = resolve));
    await act(() => more(view.container)!.click());
    control.gate = null;
    await act(() => view.container.querySelector<HTMLButtonElement>('#upper')!.click());
    await settle();
    open();
    await settle();
    expect(rows(view.container)).toBe('AB');
  });
});
