// Selector inference for the element picker: the most robust selector that finds exactly the
// picked element. Order: a stable #id, test attributes, aria-label, form names, stable classes,
// then a short structural path anchored at the nearest ancestor that has one of those.

/** What the picker proposes, and how many elements the selector finds right now. */
export type Proposal = { selector: string; matches: number };

const TEST_ATTRIBUTES = ['data-testid', 'data-test', 'data-onward', 'data-cy', 'data-test-id', 'data-qa'];

// React useId (:r1:), Ember (ember123), Ext JS, MUI, Radix, Headless UI, uuids, long numbers.
const GENERATED_ID =
  /^[\d-]|[:.]|\d{4,}|[\da-f]{8}-|[a-z]\d[a-z]\d|^(ember|ext-gen|yui_|mui-|radix-|headlessui-|react-|rc[-_]|__|ng-|j_id|gwt-|uid)/i;
// CSS-in-JS and CSS-module hashes (css-1x2y3, sc-bdVaJa, jsx-123, Button_primary__3xYz1).
const HASHED_CLASS =
  /^(css|sc|jsx|emotion|styled|svelte|chakra|mui|jss|makeStyles|tw)-|^_|(^|[-_])(?=[a-z\d]*\d)(?=[a-z\d]*[a-z])[a-z\d]{5,}$/i;
// Utility classes (Tailwind and friends) and state classes say how it looks now, not what it is;
// position and size prefixes count only with a value (top-0, w-1/2), so `top-bar` stays usable.
const UTILITY_CLASS =
  /[:[\]/!@]|^-?(p|m|[pm][xytblrse]|min-w|max-w|min-h|max-h|size|text|bg|border|rounded|flex|gap|space|items|justify|font|leading|tracking|shadow|opacity|cursor|overflow|transition|duration|ease|ring|divide|fill|stroke|self|place|basis|grow|shrink|translate|scale|rotate|from|to|via|outline|decoration|whitespace|break|align|aspect|object|line-clamp|sr|is|has)-|^-?(top|left|right|bottom|inset|z|order|col|row|w|h|grid-cols|grid-rows|col-span|row-span)-(\d|auto|full|px|screen|span|start|end|min|max|fit)|^(flex|grid|block|inline|inline-block|inline-flex|hidden|relative|absolute|fixed|sticky|static|container|truncate|underline|uppercase|lowercase|capitalize|italic|visible|invisible|active|selected|open|show|focus|hover|disabled|current)$/;

/** `CSS.escape` (CSSOM spec), written out: happy-dom and old engines may lack it. */
export function cssEscape(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    const code = value.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    if (code === 0) out += '\uFFFD';
    else if (
      (code >= 1 && code <= 31) ||
      code === 127 ||
      (i === 0 && digit) ||
      (i === 1 && digit && value.charCodeAt(0) === 45)
    )
      out += `\\${code.toString(16)} `;
    else if (i === 0 && value.length === 1 && code === 45) out += `\\${ch}`;
    else if (code >= 128 || code === 45 || code === 95 || digit || /[a-z]/i.test(ch)) out += ch;
    else out += `\\${ch}`;
  }
  return out;
}

const quote = (value: string): string =>
  `"${value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;

export const isGeneratedId = (id: string): boolean => GENERATED_ID.test(id);
export const isStableClass = (name: string): boolean =>
  name.length > 1 && !HASHED_CLASS.test(name) && !UTILITY_CLASS.test(name);

type Root = Document | ShadowRoot | DocumentFragment;

/** How many elements `selector` finds in `root`; 0 for a selector the engine refuses. */
export function countMatches(root: Root, selector: string): number {
  try {
    return root.querySelectorAll(selector).length;
  } catch {
    return 0;
  }
}

const finds = (root: Root, selector: string, el: Element): boolean =>
  countMatches(root, selector) === 1 && root.querySelector(selector) === el;

/** The element's own candidates, most robust first (each may match more than one element). */
export function candidates(el: Element): string[] {
  const tag = el.localName;
  const out: string[] = [];
  const id = el.getAttribute('id');
  if (id && !isGeneratedId(id)) out.push(`#${cssEscape(id)}`);
  for (const name of TEST_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value) out.push(`[${name}=${quote(value)}]`, `${tag}[${name}=${quote(value)}]`);
  }
  const label = el.getAttribute('aria-label');
  if (label && label.length <= 80) out.push(`${tag}[aria-label=${quote(label)}]`);
  const name = el.getAttribute('name');
  if (name && /^(input|select|textarea|button|form)$/.test(tag)) out.push(`${tag}[name=${quote(name)}]`);
  const classes = Array.from(el.classList).filter(isStableClass).slice(0, 4).map(cssEscape);
  classes.forEach((c) => out.push(`${tag}.${c}`));
  for (let i = 0; i < classes.length; i++)
    for (let j = i + 1; j < classes.length; j++) out.push(`${tag}.${classes[i]}.${classes[j]}`);
  return out;
}

/** One step of a structural path: tag, a stable class, and its rank among same-tag siblings. */
function segment(el: Element): string {
  const tag = el.localName;
  const stable = Array.from(el.classList).find(isStableClass);
  const same = el.parentElement
    ? Array.from(el.parentElement.children).filter((sibling) => sibling.localName === tag)
    : [el];
  const rank = same.length > 1 ? `:nth-of-type(${same.indexOf(el) + 1})` : '';
  return `${tag}${stable ? `.${cssEscape(stable)}` : ''}${rank}`;
}

/** The selector that finds `el` alone in `root`, or undefined. */
function ownSelector(root: Root, el: Element): string | undefined {
  return candidates(el).find((selector) => finds(root, selector, el));
}

function inRoot(root: Root, el: Element): string {
  const own = ownSelector(root, el);
  if (own) return own;
  const tail = [...candidates(el), el.localName];
  const path: string[] = [segment(el)];
  for (let up = el.parentElement; up && up.localName !== 'html'; up = up.parentElement) {
    const anchor = up.localName === 'body' ? 'body' : ownSelector(root, up);
    if (anchor) {
      // The shortest first: anchor + the element's own candidate, then the child path.
      const short = tail.map((own) => `${anchor} ${own}`).find((s) => finds(root, s, el));
      return short ?? `${anchor} > ${path.join(' > ')}`;
    }
    path.unshift(segment(up));
  }
  return path.join(' > ');
}

/**
 * Proposes a selector for `el`; inside an open shadow root it uses the SDK's `host >>> inner`.
 *
 * @example
 * proposeSelector(document.querySelector('button')!); // { selector: '[data-testid="save"]', matches: 1 }
 */
export function proposeSelector(el: Element): Proposal {
  const root = el.getRootNode() as Root;
  const selector = inRoot(root, el);
  const host = (root as ShadowRoot).host;
  if (host) {
    const outer = proposeSelector(host);
    return { selector: `${outer.selector} >>> ${selector}`, matches: countMatches(root, selector) };
  }
  return { selector, matches: countMatches(root, selector) };
}
