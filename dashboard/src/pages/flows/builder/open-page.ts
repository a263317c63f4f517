// The dashboard's side of builder mode: opens the vendor's page with ?onward_builder=<nonce> (the
// element picker) or ?onward_preview=<nonce> (the whole flow on the real page) and talks to the
// SDK there by postMessage. A message counts only from that window, at the page's origin, with
// the nonce; the SDK answers to this dashboard's origin (the Onward server it loads from).

export type Picked = { selector: string; matches: number; text: string; url: string };

/** Why a picker or preview ended without a result. */
export type BuilderFailure = 'blocked' | 'cancelled' | 'closed' | 'invalid-url';

export class BuilderError extends Error {
  constructor(readonly reason: BuilderFailure) {
    super(`builder: ${reason}`);
  }
}

type Host = Pick<Window, 'open' | 'addEventListener' | 'removeEventListener' | 'location' | 'crypto'> & { document?: Document };

/** 128 random bits as hex (getRandomValues works on plain http too, unlike randomUUID). */
export function newNonce(host: Host = window): string {
  const bytes = host.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `pageUrl` (absolute, or a path on this server) with the builder parameter set, and the language the page's toolbar should speak. */
export function builderUrl(pageUrl: string, param: 'onward_builder' | 'onward_preview', nonce: string, base: string, lang = ''): URL {
  let url: URL;
  try {
    url = new URL(pageUrl.trim(), base);
  } catch {
    throw new BuilderError('invalid-url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BuilderError('invalid-url');
  url.searchParams.set(param, nonce);
  if (lang !== '') url.searchParams.set('onward_lang', lang);
  return url;
}

type Session = {
  popup: Window;
  origin: string;
  nonce: string;
  /** Resolves when the window is closed (polled) or `stop()` is called. */
  closed: Promise<void>;
  stop(): void;
};

/** Opens the page and routes its messages with our nonce to `onMessage`. */
function openSession(
  pageUrl: string,
  param: 'onward_builder' | 'onward_preview',
  onMessage: (data: Record<string, unknown>, session: Session) => void,
  host: Host,
): Session {
  const nonce = newNonce(host);
  const url = builderUrl(pageUrl, param, nonce, host.location.href, host.document?.documentElement.lang);
  // Not noopener: the SDK answers through window.opener. One builder window at a time.
  const popup = host.open(url.href, 'onward-builder');
  if (!popup) throw new BuilderError('blocked');
  let stopped = false;
  let finish = () => {};
  const session: Session = {
    popup,
    origin: url.origin,
    nonce,
    closed: new Promise<void>((resolve) => (finish = resolve)),
    stop() {
      if (stopped) return;
      stopped = true;
      host.removeEventListener('message', listener);
      clearInterval(timer);
      finish();
    },
  };
  const listener = (event: MessageEvent) => {
    const data = event.data as Record<string, unknown> | null;
    if (event.source !== popup || event.origin !== session.origin) return;
    if (typeof data !== 'object' || data === null || data.nonce !== nonce) return;
    onMessage(data, session);
  };
  host.addEventListener('message', listener);
  const timer = setInterval(() => popup.closed && session.stop(), 400);
  return session;
}

/**
 * Lets the user pick an element on `pageUrl`; resolves with its selector, rejects with a
 * `BuilderError` when the window is blocked, cancelled or closed.
 *
 * @example
 * const { selector, matches } = await openPicker('https://app.example.com/projects');
 */
export function openPicker(pageUrl: string, host: Host = window): Promise<Picked> {
  return new Promise((resolve, reject) => {
    const session = openSession(
      pageUrl,
      'onward_builder',
      (data, s) => {
        if (data.type === 'onward:picked' && typeof data.selector === 'string') {
          const { selector, matches, text, url } = data;
          resolve({ selector, matches: Number(matches) || 0, text: String(text ?? ''), url: String(url ?? '') });
        } else if (data.type === 'onward:cancelled') reject(new BuilderError('cancelled'));
        else return;
        s.stop();
        s.popup.close();
      },
      host,
    );
    void session.closed.then(() => reject(new BuilderError('closed')));
  });
}

export type PreviewSession = {
  /** Sends a new definition; the page restarts the preview with it. */
  update(flow: unknown): void;
  close(): void;
  /** Resolves when the preview window is gone. */
  closed: Promise<void>;
};

/**
 * Runs `flow` on `pageUrl` in a new window (no analytics, no targeting); the flow is sent each
 * time the SDK there says it is ready, so a reload keeps the preview. `onError` gets the SDK's
 * reason when it refuses the definition.
 *
 * @example
 * const preview = previewOnPage('/demo', draft, (message) => setError(message));
 */
export function previewOnPage(pageUrl: string, flow: unknown, onError: (message: string) => void = () => {}, host: Host = window): PreviewSession {
  let current = flow;
  const send = (s: Session) => s.popup.postMessage({ type: 'onward:preview', nonce: s.nonce, flow: current }, s.origin);
  const session = openSession(
    pageUrl,
    'onward_preview',
    (data, s) => {
      if (data.type === 'onward:ready') send(s);
      else if (data.type === 'onward:preview-error') onError(String(data.message ?? ''));
      else if (data.type === 'onward:preview-closed') s.stop();
    },
    host,
  );
  return {
    update(flow) {
      current = flow;
      if (!session.popup.closed) send(session);
    },
    close() {
      session.stop();
      session.popup.close();
    },
    closed: session.closed,
  };
}
