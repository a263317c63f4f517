import { afterEach, describe, expect, it } from 'vitest';
import { countMatches, cssEscape, isGeneratedId, isStableClass, proposeSelector } from './selector';

const mount = (html: string): void => {
  document.body.innerHTML = html;
};
const pick = (selector: string): Element => {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`no ${selector} in the fixture`);
  return el;
};
afterEach(() => mount(''));

describe('proposeSelector', () => {
  it.each([
    ['a unique, readable id', '<button id="new-project">New</button>', 'button', '#new-project'],
    [
      'a test id over an auto-generated id',
      '<button id=":r3:" data-testid="save">Save</button>',
      'button',
      '[data-testid="save"]',
    ],
    [
      'data-cy when the id is an Ember counter',
      '<div id="ember1234" data-cy="menu">x</div>',
      'div',
      '[data-cy="menu"]',
    ],
    [
      'tag + aria-label when nothing stronger exists',
      '<button aria-label="Close dialog">×</button><button aria-label="Open">+</button>',
      '[aria-label="Close dialog"]',
      'button[aria-label="Close dialog"]',
    ],
    [
      'a form field by name',
      '<form><input name="email"><input name="password" type="password"></form>',
      '[name=password]',
      'input[name="password"]',
    ],
    [
      'a stable class, skipping CSS-in-JS hashes and utilities',
      '<div class="css-1x2y3 sc-bdVaJa p-4 flex"></div><a class="css-9z8y7 jsx-123 nav-link mt-2 hover:underline">A</a>',
      'a',
      'a.nav-link',
    ],
    [
      'two classes when one is not enough',
      '<i class="icon"></i><i class="icon warn"></i><i class="warn"></i>',
      'i.warn',
      'i.icon.warn',
    ],
  ])('prefers %s', (_name, html, target, expected) => {
    mount(html);
    expect(proposeSelector(pick(target))).toEqual({ selector: expected, matches: 1 });
  });

  it('does not use a duplicated id, and anchors a path at the nearest ancestor with an id', () => {
    mount(`
      <section id="billing"><ul><li><span>A</span></li><li><span>B</span></li></ul></section>
      <section id="usage"><ul><li><span>C</span></li></ul></section>
      <p id="dup">1</p><p id="dup">2</p>`);
    const b = document.querySelectorAll('#billing span')[1] as Element;
    const proposal = proposeSelector(b);
    expect(proposal).toEqual({ selector: '#billing > ul > li:nth-of-type(2) > span', matches: 1 });
    expect(document.querySelector(proposal.selector)).toBe(b);
    const second = document.querySelectorAll('p')[1] as Element;
    const dup = proposeSelector(second);
    expect(dup.selector).not.toContain('#dup');
    expect(document.querySelector(dup.selector)).toBe(second);
  });

  it('uses the short "anchor descendant" form when it is unique', () => {
    mount(`
      <nav data-testid="sidebar"><div><div><a class="item">Home</a></div></div></nav>
      <main><a class="item">Other</a></main>`);
    expect(proposeSelector(pick('nav a'))).toEqual({
      selector: '[data-testid="sidebar"] a.item',
      matches: 1,
    });
  });

  it('falls back to a path from body when no ancestor has anything stable', () => {
    mount('<div><div><span>1</span><span>2</span></div></div><div><span>3</span></div>');
    const two = document.querySelectorAll('span')[1] as Element;
    const proposal = proposeSelector(two);
    expect(proposal.matches).toBe(1);
    expect(proposal.selector).toMatch(/^body /);
    expect(document.querySelector(proposal.selector)).toBe(two);
  });

  it('escapes odd ids and attribute values', () => {
    mount(`<div id="a b"></div><div data-testid='say "hi"'></div><p data-testid="save draft"></p>`);
    // Browsers take `#a\ b`; happy-dom refuses escapes in ids, so the picker moves on.
    const odd = proposeSelector(pick('div'));
    expect(odd.matches).toBe(1);
    expect(document.querySelector(odd.selector)).toBe(pick('div'));
    const quoted = document.querySelectorAll('div')[1] as Element;
    expect(document.querySelector(proposeSelector(quoted).selector)).toBe(quoted);
    expect(proposeSelector(pick('p'))).toEqual({ selector: '[data-testid="save draft"]', matches: 1 });
  });

  it('reaches into an open shadow root with the SDK\'s >>> syntax', () => {
    mount('<my-widget id="widget"></my-widget>');
    const host = pick('#widget');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<button class="save">Save</button><button class="cancel">Cancel</button>';
    const save = shadow.querySelector('.save') as Element;
    expect(proposeSelector(save)).toEqual({ selector: '#widget >>> button.save', matches: 1 });
  });

  it('reports how many elements a selector finds when it is not unique', () => {
    mount('<p>a</p>');
    expect(countMatches(document, 'p, body')).toBe(2);
    expect(countMatches(document, '::nope(')).toBe(0);
  });
});

describe('helpers', () => {
  it.each(['new-project', 'nav-projects', 'step2', 'signout', 'main_menu'])(
    'keeps the id %s',
    (id) => expect(isGeneratedId(id)).toBe(false),
  );
  it.each([':r1:', 'ember123', 'mui-12345', 'radix-:r5:', '1abc', 'a1b2c3', 'f47ac10b-58cc', 'headlessui-menu-button-7'])(
    'skips the generated id %s',
    (id) => expect(isGeneratedId(id)).toBe(true),
  );
  it.each(['btn-primary', 'nav-link', 'top-bar', 'card', 'content-area'])('keeps the class %s', (name) =>
    expect(isStableClass(name)).toBe(true),
  );
  it.each(['css-1x2y3', 'sc-bdVaJa', 'jsx-2342', 'Button_primary__3xYz1', '_3xYz1', 'mt-4', 'px-2', 'hover:bg-blue-500', 'w-1/2', 'top-0', 'flex', 'active', 'is-open'])(
    'skips the class %s',
    (name) => expect(isStableClass(name)).toBe(false),
  );
  it('escapes like CSS.escape', () => {
    expect(cssEscape('1st')).toBe('\\31 st');
    expect(cssEscape('-')).toBe('\\-');
    expect(cssEscape('a.b:c')).toBe('a\\.b\\:c');
    expect(cssEscape('日本')).toBe('日本');
  });
});
