import type { OnwardOptions } from '../api/types';

/**
 * Options from the SDK's own `<script data-write-key=… data-api-host=… data-auto-page=…>`.
 * The API host defaults to the script's origin, so a self-hosted server needs no setting.
 * Returns undefined when no script carries a write key.
 *
 * @example
 * readScriptConfig(document); // { writeKey: 'pk_…', apiHost: 'https://onward.example.com', autoPage: true }
 */
export function readScriptConfig(doc: Document | undefined): OnwardOptions | undefined {
  if (!doc) return undefined;
  // currentScript is set while a classic script (async included) first runs.
  const current = doc.currentScript;
  const script = current?.dataset.writeKey
    ? current
    : doc.querySelector<HTMLScriptElement>('script[data-write-key]');
  const writeKey = script?.dataset.writeKey;
  if (!script || !writeKey) return undefined;
  const src = script.getAttribute('src');
  let origin = doc.location?.origin ?? '';
  try {
    if (src) origin = new URL(src, doc.baseURI).origin;
  } catch {
    // An unparsable src: keep the page origin.
  }
  const apiHost = (script.dataset.apiHost || origin).replace(/\/+$/, '');
  return { writeKey, apiHost, autoPage: script.dataset.autoPage !== 'false' };
}
