// A list read page by page through the API's cursors: the first page loads like any resource, each
// loadMore appends the page after the last one. The pages after the first belong to that first
// page: when new inputs (or a reload) bring another, they are dropped, late ones included.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, networkError } from '../api/errors';
import { useResource } from './use-resource';

export type Page = { nextCursor: string | null };
/** The next page's state, in the shape of LoadMore's props. */
type More = { busy: boolean; error: string | undefined };
const IDLE: More = { busy: false, error: undefined };

export function usePages<P extends Page>(load: (cursor: string | undefined, signal: AbortSignal) => Promise<P>, deps: readonly unknown[]) {
  const first = useResource((signal) => load(undefined, signal), deps);
  const [more, setMore] = useState<{ after: P | undefined; pages: P[]; state: More }>({ after: undefined, pages: [], state: IDLE });
  const loader = useRef(load);
  loader.current = load;
  const pending = useRef<AbortController | null>(null);
  useEffect(() => () => pending.current?.abort(), []);

  const head = first.status === 'ready' ? first.data : undefined;
  const current = more.after === head ? more : { after: head, pages: [], state: IDLE };
  const pages = head === undefined ? [] : [head, ...current.pages];
  const cursor = pages.at(-1)?.nextCursor ?? null;

  const loadMore = useCallback(() => {
    if (cursor === null || head === undefined) return;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    const base = current.pages;
    setMore({ after: head, pages: base, state: { busy: true, error: undefined } });
    const settle = (next: { pages: P[]; state: More }) =>
      controller.signal.aborted || setMore((m) => (m.after === head ? { after: head, ...next } : m));
    loader.current(cursor, controller.signal).then(
      (page) => settle({ pages: [...base, page], state: IDLE }),
      (error: unknown) => settle({ pages: base, state: { busy: false, error: (error instanceof ApiError ? error : networkError(error)).message } }),
    );
  }, [cursor, head, current.pages]);

  return { first, pages, hasMore: cursor !== null, more: current.state, loadMore };
}
