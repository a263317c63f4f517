// Loading, error and ready states of one API read, with reload. A late answer of a superseded
// load is dropped, so fast typing never shows stale rows; data stays on screen while refreshing.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, networkError } from '../api/errors';

export type Resource<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError }
  | { status: 'ready'; data: T; error?: undefined };

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    loader.current(controller.signal).then(
      (data) => controller.signal.aborted || setState({ status: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: error instanceof ApiError ? error : networkError(error) });
      },
    );
    return () => controller.abort();
    // The caller lists what the load depends on; the latest closure is read through the ref.
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { ...state, reload, setData };
}
