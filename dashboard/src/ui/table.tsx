import type { ComponentChildren } from 'preact';

export type SortOrder = 'asc' | 'desc';

export type Column<T> = {
  key: string;
  header: ComponentChildren;
  cell: (row: T) => ComponentChildren;
  /** Set when the column can sort; the table then renders a header button. */
  sortable?: boolean;
  align?: 'start' | 'end';
};

type TableProps<T> = {
  /** Read by screen readers; visually hidden (the page or card title is the visible one). */
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  sort?: { key: string; order: SortOrder };
  onSort?: (key: string) => void;
  /** Shown in place of the body when there are no rows. */
  empty?: ComponentChildren;
};

/** A data table with optional sortable headers (aria-sort on the sorted one). */
export function Table<T>({ caption, columns, rows, rowKey, sort, onSort, empty }: TableProps<T>) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const sorted = sort?.key === c.key ? sort.order : undefined;
              return (
                <th
                  key={c.key}
                  scope="col"
                  class={c.align === 'end' ? 'num' : undefined}
                  aria-sort={sorted === undefined ? undefined : sorted === 'asc' ? 'ascending' : 'descending'}
                >
                  {c.sortable && onSort !== undefined ? (
                    <button type="button" class="th-sort" onClick={() => onSort(c.key)}>
                      {c.header}
                      <span class="th-arrow" aria-hidden="true">
                        {sorted === 'asc' ? '↑' : sorted === 'desc' ? '↓' : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} class={c.align === 'end' ? 'num' : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && empty !== undefined && <div class="table-empty">{empty}</div>}
    </div>
  );
}
