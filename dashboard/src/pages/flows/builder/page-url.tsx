// The vendor page the picker and the preview open, remembered per flow in localStorage
// (default: this server's /demo). Both controls of one editor share it.
import { useEffect, useState } from 'preact/hooks';
import { readStored, writeStored } from '../../../storage';
import { matchPath, pathOf } from '../../../shared/router';
import { useBuilderText } from './strings';

const CHANGED = 'onward:builder-page-url';
const keyOf = (flowId: string) => `onward:builder:page:${flowId}`;

/** The edited flow's id from the route (`#/flows/:id`), 'new' on an unsaved flow. */
export function currentFlowId(hash = window.location.hash): string {
  const path = pathOf(hash);
  return matchPath('/flows/:id', path)?.id ?? matchPath('/flows/:id/edit', path)?.id ?? 'new';
}

export const defaultPageUrl = () => `${window.location.origin}/demo`;

/** [url, setUrl] for this flow; every control of the page sees a change at once. */
export function usePageUrl(flowId: string): [string, (url: string) => void] {
  const read = () => readStored(keyOf(flowId)) ?? defaultPageUrl();
  const [url, setState] = useState(read);
  useEffect(() => {
    const sync = () => setState(read());
    sync();
    window.addEventListener(CHANGED, sync);
    return () => window.removeEventListener(CHANGED, sync);
  }, [flowId]); // read() depends on flowId only
  const set = (next: string) => {
    writeStored(keyOf(flowId), next.trim() === '' ? null : next);
    setState(next);
    window.dispatchEvent(new Event(CHANGED));
  };
  return [url, set];
}

/** The page URL input, compact, labelled for assistive technology. */
export function PageUrlInput({ value, onChange, grow = false }: { value: string; onChange: (url: string) => void; grow?: boolean }) {
  const text = useBuilderText();
  return (
    <input
      class="input input-sm mono"
      style={grow ? { flex: '1 1 8rem', minWidth: 0 } : { minWidth: 0 }}
      type="text"
      inputMode="url"
      aria-label={text('page')}
      title={text('pageHint')}
      value={value}
      spellcheck={false}
      autocomplete="off"
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
