// Event names to choose from: every track event seen (/v1/events/names) and the latest messages
// (/v1/events/recent). Either may fail or be empty; free text always works.
import { useEffect, useState } from 'preact/hooks';
import { useApi } from '../../shared/session';

export function useEventNames(): string[] {
  const api = useApi();
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let stopped = false;
    const seen = api.events.names().then((r) => r.events.map((e) => e.event), () => []);
    const recent = api.events.recent(undefined, 100).then(
      (r) => r.events.filter((e) => e.type === 'track' && e.event !== null).map((e) => e.event as string),
      () => [],
    );
    void Promise.all([seen, recent]).then(([a, b]) => stopped || setNames([...new Set([...a, ...b])]));
    return () => {
      stopped = true;
    };
  }, [api]);
  return names;
}
