// Step targets beyond the page's light DOM, with a selector syntax of our own:
//   `host >>> inner`   pierces the open shadow root of `host` (chainable: `a >>> b >>> c`)
//   `frame |> inner`   enters the document of a same-origin iframe (`#app |> main >>> #save`)
// Anything else is plain CSS. Invalid selectors, closed roots and cross-origin frames give null.

/**
 * The first element the selector names, or null; never throws.
 *
 * @example
 * query(document, 'my-app >>> #save'); // #save inside <my-app>'s open shadow root
 * query(document, 'iframe#editor |> .toolbar button');
 */
export function query(root: ParentNode, selector: string): Element | null {
  const parts = selector.split(/\s*(>>>|\|>)\s*/);
  let scope: ParentNode | null = root;
  let found: Element | null = null;
  for (let i = 0; i < parts.length; i += 2) {
    try {
      found = scope && scope.querySelector(parts[i] ?? '');
      scope =
        parts[i + 1] === '>>>'
          ? (found?.shadowRoot ?? null)
          : ((found as HTMLIFrameElement | null)?.contentDocument ?? null);
    } catch {
      // A syntax error, or a cross-origin frame whose document we may not read.
      return null;
    }
    if (!found) return null;
  }
  return found;
}
