// The only module that names the browser globals (STYLE.md: no window/document/localStorage
// elsewhere). Each accessor is a function, so nothing is read at import time and server-side
// rendering or a Web Worker simply gets `undefined`.

/** The browser window, or `undefined` outside a browser. */
export function getWindow(): Window | undefined {
  return typeof window === 'undefined' ? undefined : window;
}

/** The document, or `undefined` outside a browser. */
export function getDocument(): Document | undefined {
  return getWindow()?.document;
}

/** The navigator, or `undefined` outside a browser. */
export function getNavigator(): Navigator | undefined {
  return getWindow()?.navigator;
}

/**
 * `window.localStorage`, or `undefined` when it is missing or even reading it throws
 * (sandboxed iframes and some privacy modes throw a SecurityError on access).
 */
export function getLocalStorage(): Storage | undefined {
  try {
    return getWindow()?.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Adds a DOM listener and returns the function that removes it. */
export function listen(
  target: EventTarget | undefined,
  type: string,
  handler: (event: Event) => void,
): () => void {
  if (!target) return () => {};
  target.addEventListener(type, handler);
  return () => target.removeEventListener(type, handler);
}

/** The subset of `fetch` the transport uses, so tests can pass a fake. */
export type FetchLike = (url: string, init: RequestInit) => Promise<FetchResponse>;
/** The subset of `Response` the transport reads. */
export type FetchResponse = {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
};
/** `navigator.sendBeacon`. */
export type BeaconLike = (url: string, body: Blob) => boolean;

/** `window.fetch`, called as a method (a detached fetch throws "Illegal invocation"). */
export function getFetch(): FetchLike | undefined {
  const win = getWindow();
  return win?.fetch && ((url, init) => win.fetch(url, init));
}

/** `navigator.sendBeacon`, called as a method; `undefined` where it does not exist. */
export function getSendBeacon(): BeaconLike | undefined {
  const nav = getNavigator();
  return nav?.sendBeacon && ((url, body) => nav.sendBeacon(url, body));
}
