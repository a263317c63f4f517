// A sample vendor page inside the preview iframe, for tooltips and hotspots to point at. Built with
// the DOM and a constructable stylesheet: the dashboard's CSP allows no inline <style>.
const CSS = `
*{box-sizing:border-box}body{margin:0;font:13px/1.4 system-ui,sans-serif;color:#1f2937;background:#f5f6fa}
.bar{display:flex;align-items:center;gap:10px;padding:10px 14px;background:#fff;border-bottom:1px solid #e5e7eb}
.logo{font-weight:700;margin-inline-end:auto}.nav{color:#6b7280}
button{font:inherit;border:1px solid #d1d5db;background:#fff;border-radius:6px;padding:5px 10px}
.primary{background:#4f46e5;color:#fff;border-color:#4f46e5}
main{padding:18px 14px;display:grid;gap:12px;grid-template-columns:1fr 1fr}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px;min-height:70px}
.line{height:8px;border-radius:4px;background:#e5e7eb;margin:8px 0}.short{width:60%}
.placeholder{grid-column:1/-1;border:2px dashed #a5b4fc;color:#4f46e5;text-align:center;padding:10px;border-radius:8px}
`;

export const PLACEHOLDER_ID = 'onward-preview-target';

function el(doc: Document, tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Fills the iframe's document once; `placeholderText` labels where unknown targets point. */
export function buildFakePage(doc: Document, placeholderText: string): void {
  if (doc.body.querySelector('.bar')) return;
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in doc) {
    const sheet = new Sheet();
    sheet.replaceSync(CSS);
    doc.adoptedStyleSheets = [sheet];
  }
  const bar = el(doc, 'header', { class: 'bar' });
  bar.append(
    el(doc, 'span', { class: 'logo' }, 'Acme'),
    el(doc, 'span', { class: 'nav', id: 'reports' }, 'Reports'),
    el(doc, 'button', { id: 'settings', type: 'button', 'aria-label': 'Settings' }, '⚙'),
    el(doc, 'button', { id: 'invite', type: 'button' }, 'Invite'),
    el(doc, 'button', { id: 'new-project', type: 'button', class: 'primary' }, '+ New project'),
  );
  const main = el(doc, 'main');
  for (let i = 0; i < 4; i++) {
    const card = el(doc, 'div', { class: 'card' });
    card.append(el(doc, 'div', { class: 'line' }), el(doc, 'div', { class: 'line short' }));
    main.append(card);
  }
  main.append(el(doc, 'div', { class: 'placeholder', id: PLACEHOLDER_ID }, placeholderText));
  doc.body.append(bar, main);
}

/** The element a selector finds on the sample page; the placeholder when it finds none (or is invalid). */
export function resolveTarget(doc: Document, selector: string | undefined): { target: Element | null; found: boolean } {
  const placeholder = doc.getElementById(PLACEHOLDER_ID);
  if (selector === undefined || selector.trim() === '') return { target: placeholder, found: false };
  try {
    // The preview has no shadow roots or iframes: look at the last part of a piercing selector.
    const last = selector.split(/>>>|\|>/).pop()?.trim() ?? selector;
    const found = doc.querySelector(last);
    return found ? { target: found, found: true } : { target: placeholder, found: false };
  } catch {
    return { target: placeholder, found: false };
  }
}
