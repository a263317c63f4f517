import { afterEach, describe, expect, it } from 'vitest';
import { query } from './query';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('query', () => {
  it('resolves plain CSS in the page', () => {
    document.body.innerHTML = '<nav><a id="projects" class="x">P</a></nav>';
    expect(query(document, 'nav a.x')?.id).toBe('projects');
    expect(query(document, '#missing')).toBeNull();
  });

  it('pierces open shadow roots with >>>, chained', () => {
    document.body.innerHTML = '<my-app></my-app>';
    const app = document.querySelector('my-app') as Element;
    const outer = app.attachShadow({ mode: 'open' });
    outer.innerHTML = '<my-toolbar></my-toolbar>';
    const toolbar = outer.querySelector('my-toolbar') as Element;
    toolbar.attachShadow({ mode: 'open' }).innerHTML = '<button class="save">Save</button>';
    expect(query(document, 'my-app >>> my-toolbar >>> .save')?.textContent).toBe('Save');
    expect(query(document, 'my-app>>>my-toolbar>>>.save')?.textContent).toBe('Save');
    expect(query(document, 'my-app .save')).toBeNull();
    expect(query(document, 'my-app >>> .save')).toBeNull();
  });

  it('stops at closed shadow roots', () => {
    document.body.innerHTML = '<x-closed></x-closed>';
    const closed = (document.querySelector('x-closed') as Element).attachShadow({ mode: 'closed' });
    closed.innerHTML = '<b>hidden</b>';
    expect(query(document, 'x-closed >>> b')).toBeNull();
  });

  it('enters a same-origin iframe with |>', () => {
    document.body.innerHTML = '<iframe id="editor"></iframe>';
    const frame = document.querySelector('iframe') as HTMLIFrameElement;
    const inner = frame.contentDocument as Document;
    inner.body.innerHTML = '<div class="toolbar"><button>Bold</button></div>';
    expect(query(document, 'iframe#editor |> .toolbar button')?.textContent).toBe('Bold');
    expect(query(document, '#editor |> .nope')).toBeNull();
  });

  it('returns null for a frame whose document cannot be read', () => {
    document.body.innerHTML = '<iframe id="other"></iframe>';
    const frame = document.querySelector('iframe') as HTMLIFrameElement;
    Object.defineProperty(frame, 'contentDocument', {
      get: () => {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    });
    expect(query(document, '#other |> button')).toBeNull();
  });

  it.each(['', '[[', 'a >>>', '>>> a', '|> b', 'div |>', 'a:has(', '#1bad'])(
    'never throws for the invalid selector %j',
    (selector) => {
      document.body.innerHTML = '<a></a><div></div>';
      expect(() => query(document, selector)).not.toThrow();
      expect(query(document, selector)).toBeNull();
    },
  );
});
