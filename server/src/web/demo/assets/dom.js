// Tiny DOM helpers. Text always goes in through text nodes, never innerHTML.

/**
 * h('button', { id: 'x', class: 'btn', onClick: fn, dataset: { testid: 'y' } }, 'Label', child)
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {...any} children strings, nodes, arrays, or null/false (skipped)
 */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'dataset') {
      for (const [name, v] of Object.entries(value)) el.dataset[name] = String(v);
    } else if (key === 'testid') {
      el.setAttribute('data-testid', String(value));
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Stroke icons on a 24×24 grid, drawn for this app.
const ICONS = {
  home: ['M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z'],
  projects: ['M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z'],
  reports: ['M3 3v18h18', 'M8 16v-4', 'M13 16V8', 'M18 16v-7'],
  teammates: [
    'M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2',
    'M13 7a4 4 0 1 1-8 0 4 4 0 0 1 8 0',
    'M22 21v-2a4 4 0 0 0-3-3.87',
    'M16 3.13a4 4 0 0 1 0 7.75',
  ],
  settings: [
    'M4 21v-7',
    'M4 10V3',
    'M12 21v-9',
    'M12 8V3',
    'M20 21v-5',
    'M20 12V3',
    'M1 14h6',
    'M9 8h6',
    'M17 16h6',
  ],
  plus: ['M12 5v14', 'M5 12h14'],
  signout: ['M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4', 'M16 17l5-5-5-5', 'M21 12H9'],
  arrowLeft: ['M19 12H5', 'M12 19l-7-7 7-7'],
  check: ['M20 6 9 17l-5-5'],
  mail: [
    'M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    'M22 6l-10 7L2 6',
  ],
};

/** @param {keyof typeof ICONS} name */
export function icon(name, size = 18) {
  return svg(
    'svg',
    {
      class: 'icon',
      width: size,
      height: size,
      viewBox: '0 0 24 24',
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': 2,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    ICONS[name].map((d) => svg('path', { d })),
  );
}

export function initials(name) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

/** A polite live region with short-lived toasts; `data-testid="toast"` on each. */
export function toast(message, kind = 'success') {
  let region = document.getElementById('toast-region');
  if (!region) {
    region = h('div', {
      id: 'toast-region',
      class: 'toast-region',
      role: 'status',
      'aria-live': 'polite',
    });
    document.body.append(region);
  }
  const item = h(
    'div',
    { class: `toast toast-${kind}`, testid: 'toast' },
    icon('check', 16),
    h('span', null, message),
  );
  region.append(item);
  while (region.children.length > 3) region.firstElementChild?.remove();
  setTimeout(() => item.classList.add('toast-leaving'), 3200);
  setTimeout(() => item.remove(), 3600);
}

/**
 * A labelled form control with an error slot wired through aria-describedby.
 * @param {{id: string, label: string, control: HTMLElement, hint?: string}} opts
 */
export function field({ id, label, control, hint }) {
  control.id = id;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint && h('p', { id: hintId, class: 'field-hint' }, hint),
    h('p', { id: errorId, class: 'field-error', hidden: true }),
  );
}

/** Shows (or clears, with an empty message) the error of a control made by field(). */
export function setError(control, message) {
  const error = document.getElementById(`${control.id}-error`);
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  if (!error) return;
  error.textContent = message;
  error.hidden = !message;
}

export function formatDate(iso, locale) {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

export function formatNumber(n, locale) {
  return new Intl.NumberFormat(locale).format(n);
}

export const isEmail = (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/**
 * The page's heading block; the h1 takes focus after each navigation.
 * @param {{title: string, subtitle?: string, actions?: Node | null}} opts
 */
export function pageHeader({ title, subtitle, actions }) {
  return h(
    'div',
    { class: 'page-header' },
    h(
      'div',
      { class: 'page-heading' },
      h('h1', { id: 'page-title', tabindex: '-1', testid: 'page-title' }, title),
      subtitle && h('p', { class: 'muted' }, subtitle),
    ),
    actions && h('div', { class: 'page-actions' }, actions),
  );
}

/**
 * Wires a button that reveals an inline form panel (no modal: tours must be able to point into it).
 * @returns {{open: () => void, close: () => void}}
 */
export function disclosure(button, panel) {
  panel.hidden = true;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', panel.id);
  const open = () => {
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    panel.querySelector('input, select, textarea')?.focus();
  };
  const close = () => {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };
  button.addEventListener('click', () => (panel.hidden ? open() : close()));
  return { open, close };
}

export function emptyState({ title, body, action }) {
  return h(
    'div',
    { class: 'empty', testid: 'empty-state' },
    h('div', { class: 'empty-art', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')),
    h('h2', null, title),
    h('p', { class: 'muted' }, body),
    action,
  );
}
