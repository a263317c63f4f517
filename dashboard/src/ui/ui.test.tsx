import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { mount } from '../testing/render';
import { Field } from './field';
import { Table } from './table';
import { Tabs } from './tabs';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('Field', () => {
  it('labels its control and wires hint and error to it', async () => {
    const { container, unmount } = await mount(
      <Field label="Window" hint="in days" error="Too small">
        {(p) => <input {...p} />}
      </Field>,
    );
    cleanup = unmount;
    const input = container.querySelector('input');
    const label = container.querySelector('label');
    expect(label?.htmlFor).toBe(input?.id);
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    const described = (input?.getAttribute('aria-describedby') ?? '').split(' ').map((id) => container.querySelector(`[id="${id}"]`)?.textContent);
    expect(described).toEqual(['in days', 'Too small']);
  });
});

describe('Table', () => {
  it('marks the sorted column and asks for a new sort from its header button', async () => {
    const onSort = vi.fn();
    const rows = [{ id: 'a', health: 40 }, { id: 'b', health: 90 }];
    const { container, unmount } = await mount(
      <Table
        caption="Accounts"
        rows={rows}
        rowKey={(r) => r.id}
        sort={{ key: 'health', order: 'asc' }}
        onSort={onSort}
        columns={[
          { key: 'id', header: 'Id', cell: (r) => r.id },
          { key: 'health', header: 'Health', sortable: true, cell: (r) => r.health },
        ]}
      />,
    );
    cleanup = unmount;
    const headers = container.querySelectorAll('th');
    expect(headers[1]?.getAttribute('aria-sort')).toBe('ascending');
    expect(headers[0]?.hasAttribute('aria-sort')).toBe(false);
    headers[1]?.querySelector('button')?.click();
    expect(onSort).toHaveBeenCalledWith('health');
    expect([...container.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual(['a40', 'b90']);
  });
});

describe('Tabs', () => {
  it('moves between tabs with the arrow keys and shows one panel', async () => {
    const { container, unmount } = await mount(
      <Tabs label="Details" tabs={[{ id: 'a', label: 'A', render: () => 'panel A' }, { id: 'b', label: 'B', render: () => 'panel B' }]} />,
    );
    cleanup = unmount;
    const tabs = () => [...container.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(container.querySelector('[role="tabpanel"]')?.textContent).toBe('panel A');
    await act(() => {
      tabs()[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(tabs().map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(tabs().map((t) => t.tabIndex)).toEqual([-1, 0]);
    expect(container.querySelector('[role="tabpanel"]')?.textContent).toBe('panel B');
  });
});
