// Safe rich text for step bodies: a tiny Markdown subset turned into preact nodes through an
// allowlist (p, br, strong, em, a, ul, ol, li, img). Text is never parsed as HTML, so `<b>` stays
// text. Links must be http(s) or a same-site /path, images http(s); else only their text shows.
import { h, type ComponentChildren, type VNode } from 'preact';

type Block = { para: string[]; list: { ordered: boolean; start: number; items: string[] } | null };
type Rule = [RegExp, (m: RegExpExecArray, prev: string) => ComponentChildren | undefined];

const LIST_ITEM = /^\s*(?:[-*]|(\d{1,9})\.)\s+(.*)$/;
const HTTP = /^https?:\/\/[^\s\\]/i;
// A single leading slash: `//host` and `/\host` are other sites to a browser.
const PATH = /^\/(?![/\\])/;
const URL_CHARS = '[^()\\s\\x00-\\x1f]+';

const RULES: Rule[] = [
  [/\\([\\*_[\]()!])/y, (m) => m[1]],
  [new RegExp(`!\\[([^\\]]*)\\]\\((${URL_CHARS})\\)`, 'y'), (m) => image(m[2] ?? '', m[1] ?? '')],
  [
    new RegExp(`\\[([^\\]]+)\\]\\((${URL_CHARS})\\)`, 'y'),
    (m) => link(m[2] ?? '', inline(m[1] ?? '')),
  ],
  [/\*\*(?=\S)([\s\S]*?\S)\*\*(?!\*)/y, (m) => h('strong', null, inline(m[1] ?? ''))],
  [/\*(?=[^\s*])([\s\S]*?[^\s*])\*/y, (m) => h('em', null, inline(m[1] ?? ''))],
  // `_` only at word edges, so snake_case_names stay as they are.
  [
    /_(?=\S)([\s\S]*?\S)_(?!\w)/y,
    (m, prev) => (/\w/.test(prev) ? undefined : h('em', null, inline(m[1] ?? ''))),
  ],
];

function image(src: string, alt: string): ComponentChildren {
  return HTTP.test(src) ? h('img', { src, alt, loading: 'lazy' }) : alt;
}

function link(href: string, children: ComponentChildren[]): ComponentChildren {
  if (HTTP.test(href))
    return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, children);
  return PATH.test(href) ? h('a', { href }, children) : children;
}

/** Inline markup of one line: escapes, images, links, bold, italic; everything else is text. */
export function inline(src: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let text = '';
  let i = 0;
  scan: while (i < src.length) {
    for (const [re, make] of RULES) {
      re.lastIndex = i;
      const m = re.exec(src);
      const node = m && make(m, src[i - 1] ?? '');
      if (m && node !== undefined) {
        if (typeof node === 'string') text += node;
        else {
          out.push(text, node);
          text = '';
        }
        i += m[0].length;
        continue scan;
      }
    }
    text += src[i++];
  }
  out.push(text);
  return out.filter((n) => n !== '');
}

function flush(block: Block, out: VNode[]): void {
  if (block.para.length) {
    const lines = block.para.flatMap((line, n) =>
      n ? [h('br', null), ...inline(line)] : inline(line),
    );
    out.push(h('p', null, lines));
  }
  const list = block.list;
  if (list) {
    const props: { start?: number } = list.ordered && list.start !== 1 ? { start: list.start } : {};
    out.push(
      h(
        list.ordered ? 'ol' : 'ul',
        props,
        list.items.map((item) => h('li', null, inline(item))),
      ),
    );
  }
  block.para = [];
  block.list = null;
}

/**
 * Paragraphs (blank line), line breaks, `**bold**`, `*italic*`/`_italic_`, `[links](https://…)`,
 * `- `/`* `/`1. ` lists and `![images](https://…)`, as preact nodes.
 *
 * @example
 * render(h('div', null, markdown('Start **here**.')), el); // <p>Start <strong>here</strong>.</p>
 */
export function markdown(src: string): VNode[] {
  const out: VNode[] = [];
  const block: Block = { para: [], list: null };
  for (const line of src.replace(/\r\n?/g, '\n').split('\n')) {
    const item = LIST_ITEM.exec(line);
    if (!line.trim()) flush(block, out);
    else if (item) {
      const ordered = item[1] !== undefined;
      if (block.para.length || (block.list && block.list.ordered !== ordered)) flush(block, out);
      block.list ??= { ordered, start: Number(item[1] ?? 1), items: [] };
      block.list.items.push(item[2] ?? '');
    } else if (block.list) {
      // A plain line right after an item continues it (Markdown's lazy continuation).
      const items = block.list.items;
      items[items.length - 1] += ` ${line.trim()}`;
    } else block.para.push(line);
  }
  flush(block, out);
  return out;
}
