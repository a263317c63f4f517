// Polls GET /v1/events/recent every 2 s while the page is open and visible; `fresh` holds the ids
// that arrived after the first poll, so the panel can mark them as they come in.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/errors';
import type { RecentEvent } from '../../api/types';
import { useApi } from '../../shared/session';
import { cursorOf, mergeEvents } from './recent-events';

export const POLL_MS = 2000;

type Live = { loaded: boolean; events: RecentEvent[]; fresh: ReadonlySet<number>; received: number; error: ApiError | null };

export function useLiveEvents(): Live {
  const api = useApi();
  const [live, setLive] = useState<Live>({ loaded: false, events: [], fresh: new Set(), received: 0, error: null });

  useEffect(() => {
    let after: number | undefined;
    let first = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const tick = async () => {
      if (document.visibilityState !== 'hidden') {
        try {
          const { events } = await api.events.recent(after);
          if (stopped) return;
          const arrived = first ? [] : events.filter((e) => after === undefined || e.id > after).map((e) => e.id);
          after = cursorOf(events, after);
          setLive((s) => ({
            loaded: true,
            events: mergeEvents(s.events, events),
            fresh: new Set([...s.fresh, ...arrived]),
            received: s.received + arrived.length,
            error: null,
          }));
          first = false;
        } catch (error) {
          if (stopped) return;
          setLive((s) => ({ ...s, loaded: true, error: error as ApiError }));
        }
      }
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api]);

  return live;
}
