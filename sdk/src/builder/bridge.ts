// The builder's line to the dashboard that opened this page: messages go to `window.opener` at
// the dashboard's origin only (the Onward server, i.e. the SDK's API host), and come back in only
// from that origin with this session's nonce.

/** `?onward_builder=<nonce>` (element picker) or `?onward_preview=<nonce>` (whole-flow preview). */
export type BuilderMode = { kind: 'builder' | 'preview'; nonce: string };

/**
 * @example
 * readMode('?onward_builder=3f9a0c1d2e4b5a6c'); // { kind: 'builder', nonce: '3f9a0c1d2e4b5a6c' }
 */
export function readMode(search: string): BuilderMode | undefined {
  const found = /[?&]onward_(builder|preview)=([\w-]{8,128})(?:&|$)/.exec(search);
  return found ? { kind: found[1] as BuilderMode['kind'], nonce: found[2] as string } : undefined;
}

/** The dashboard's origin: the API host's (a relative or missing host means this page's). */
export function dashboardOrigin(apiHost: string | undefined, pageHref: string): string {
  try {
    return new URL(apiHost || pageHref, pageHref).origin;
  } catch {
    return new URL(pageHref).origin;
  }
}

export type Message = { type: string; nonce: string; [key: string]: unknown };

export type Bridge = {
  /** Posts `{ type, nonce, ...fields }` to the opener at the dashboard's origin. */
  send(type: string, fields?: Record<string, unknown>): void;
  /** Calls `handler` for messages of `type` from the dashboard with our nonce; returns stop(). */
  on(type: string, handler: (message: Message) => void): () => void;
};

export function createBridge(win: Window, origin: string, nonce: string): Bridge {
  return {
    send(type, fields) {
      try {
        win.opener?.postMessage({ ...fields, type, nonce }, origin);
      } catch {
        // The dashboard closed, or navigated away from its origin: nobody is listening.
      }
    },
    on(type, handler) {
      const listener = (event: MessageEvent): void => {
        const data = event.data as Partial<Message> | null;
        if (event.origin !== origin || !data || data.nonce !== nonce || data.type !== type) return;
        handler(data as Message);
      };
      win.addEventListener('message', listener);
      return () => win.removeEventListener('message', listener);
    },
  };
}
