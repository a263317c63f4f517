// The builder's own surface: one open shadow root under <html> with its own stylesheet, fixed
// over the page and transparent to the pointer except for its bar. It never styles the page.
import { adoptStyles } from '../ui/styles/adopt';

const CSS = `
.box{position:fixed;display:none;box-sizing:border-box;pointer-events:none;border:2px solid #4f46e5;border-radius:3px;background:rgba(79,70,229,.12)}
.label{position:fixed;display:none;pointer-events:none;max-width:min(520px,90vw);padding:3px 7px;border-radius:4px;background:#1e1b4b;color:#fff;font:12px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.bar{position:fixed;left:50%;bottom:16px;transform:translateX(-50%);display:flex;gap:8px;align-items:center;max-width:calc(100vw - 32px);box-sizing:border-box;padding:8px 10px;border-radius:10px;background:#111827;color:#f9fafb;font:13px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;box-shadow:0 8px 24px rgba(0,0,0,.3);pointer-events:auto}
.bar strong{font-weight:600}
.status{min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
button{font:inherit;padding:4px 10px;border-radius:6px;border:1px solid #4b5563;background:#1f2937;color:inherit;cursor:pointer;white-space:nowrap}
button[aria-pressed=true],button.primary{background:#4f46e5;border-color:#4f46e5}
button:focus-visible{outline:2px solid #a5b4fc;outline-offset:2px}
`;

export type Overlay = {
  host: HTMLElement;
  /** An element in the shadow root: `make('div', 'bar')`. */
  make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K];
  /** A button that runs `onClick` (errors stay inside). */
  button(text: string, onClick: () => void, className?: string): HTMLButtonElement;
  /** Whether an event went through the overlay (its path crosses the host). */
  isOurs(event: Event): boolean;
  remove(): void;
};

export function createOverlay(doc: Document, name: string): Overlay {
  const host = doc.createElement('div');
  host.setAttribute('data-onward-builder', name);
  // Our own element's inline style (CSSOM): nothing the page's CSS can change, or that changes it.
  host.style.cssText =
    'all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483647;display:block';
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, shadow, CSS);
  (doc.documentElement ?? doc.body).append(host);
  const make: Overlay['make'] = (tag, className, text) => {
    const el = doc.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    shadow.append(el);
    return el;
  };
  return {
    host,
    make,
    button(text, onClick, className) {
      const el = doc.createElement('button');
      el.type = 'button';
      el.textContent = text;
      if (className) el.className = className;
      el.addEventListener('click', () => {
        try {
          onClick();
        } catch {
          // A builder bug must not reach the page.
        }
      });
      return el;
    },
    isOurs: (event) => event.composedPath().includes(host),
    remove: () => host.remove(),
  };
}
