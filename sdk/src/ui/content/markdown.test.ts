import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { direction } from './locale';
import { markdown } from './markdown';

function html(src: string): string {
  const el = document.createElement('div');
  render(h('div', null, markdown(src)), el);
  return el.firstElementChild?.innerHTML ?? '';
}

describe('markdown', () => {
  it.each([
    ['plain text', 'Hello', '<p>Hello</p>'],
    ['paragraphs', 'One\n\nTwo', '<p>One</p><p>Two</p>'],
    ['line breaks', 'One\nTwo', '<p>One<br>Two</p>'],
    ['windows line ends', 'One\r\nTwo\r\n\r\nThree', '<p>One<br>Two</p><p>Three</p>'],
    ['bold', 'Start **here**.', '<p>Start <strong>here</strong>.</p>'],
    ['italic *', 'an *idea*', '<p>an <em>idea</em></p>'],
    ['italic _', 'an _idea_', '<p>an <em>idea</em></p>'],
    ['italic inside bold', '**very *much***', '<p><strong>very <em>much</em></strong></p>'],
    ['snake_case stays', 'call my_var_name now', '<p>call my_var_name now</p>'],
    ['bold italic', '***both***', '<p><strong><em>both</em></strong></p>'],
    ['two bolds', '**a** and **b**', '<p><strong>a</strong> and <strong>b</strong></p>'],
    ['escapes', '\\*not italic\\*', '<p>*not italic*</p>'],
    ['bullets', '- one\n- two', '<ul><li>one</li><li>two</li></ul>'],
    ['star bullets', '* one\n* **two**', '<ul><li>one</li><li><strong>two</strong></li></ul>'],
    ['numbers', '1. one\n2. two', '<ol><li>one</li><li>two</li></ol>'],
    ['numbers from 3', '3. three\n4. four', '<ol start="3"><li>three</li><li>four</li></ol>'],
    ['list after text', 'Steps:\n- one', '<p>Steps:</p><ul><li>one</li></ul>'],
    ['lazy continuation', '- one\ncontinued', '<ul><li>one continued</li></ul>'],
    ['list kinds split', '- a\n1. b', '<ul><li>a</li></ul><ol><li>b</li></ol>'],
  ])('%s', (_, src, expected) => {
    expect(html(src)).toBe(expected);
  });

  it('renders external links in a new tab without opener or referrer', () => {
    expect(html('[Docs](https://example.com/docs?a=1&b=2)')).toBe(
      '<p><a href="https://example.com/docs?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">Docs</a></p>',
    );
  });

  it('renders same-site paths in the same tab, with inline markup in the text', () => {
    expect(html('see [the **report**](/reports/1)')).toBe(
      '<p>see <a href="/reports/1">the <strong>report</strong></a></p>',
    );
  });

  it('renders http(s) images with their alt text', () => {
    expect(html('![A chart](https://cdn.example.com/c.png)')).toBe(
      '<p><img src="https://cdn.example.com/c.png" alt="A chart" loading="lazy"></p>',
    );
  });
});

describe('markdown with hostile input', () => {
  it.each([
    ['javascript: link', '[x](javascript:alert(1))'],
    ['javascript: link without parens', '[x](javascript:void0)'],
    ['mixed-case scheme', '[x](JaVaScRiPt:alert)'],
    ['data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['protocol-relative link', '[x](//evil.example)'],
    ['backslash link', '[x](/\\evil.example)'],
    ['vbscript link', '[x](vbscript:msgbox)'],
  ])('%s: no link', (_, src) => {
    const out = html(src);
    expect(out).not.toContain('<a');
    expect(out).not.toMatch(/href/i);
  });

  it.each([
    ['javascript: image', '![alt](javascript:alert(1))'],
    ['data: image', '![alt](data:image/svg+xml;base64,PHN2Zz4=)'],
    ['relative image', '![alt](/pixel.gif)'],
  ])('%s: no image', (_, src) => {
    expect(html(src)).not.toContain('<img');
  });

  it('shows the text of a refused link and the alt of a refused image', () => {
    expect(html('[click me](javascript:x) ![a cat](data:x)')).toBe('<p>click me a cat</p>');
  });

  it('shows HTML as text, never as elements', () => {
    const out = html('<b>bold</b> <img src=x onerror="alert(1)"> <script>alert(1)</script>');
    expect(out).toBe(
      '<p>&lt;b&gt;bold&lt;/b&gt; &lt;img src=x onerror="alert(1)"&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it('keeps quotes in a URL inside the attribute', () => {
    const el = document.createElement('div');
    render(h('div', null, markdown('[x](https://a.example/"onmouseover="alert)')), el);
    const a = el.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://a.example/"onmouseover="alert');
    expect(a?.getAttribute('onmouseover')).toBeNull();
  });

  it.each([
    ['open bold', '**bold', '<p>**bold</p>'],
    ['open italic', '*a and b', '<p>*a and b</p>'],
    ['open underscore', '_a', '<p>_a</p>'],
    ['space inside stars', '2 * 3 * 4', '<p>2 * 3 * 4</p>'],
    ['open link', '[x](https://a', '<p>[x](https://a</p>'],
    ['link without url', '[x]()', '<p>[x]()</p>'],
    ['lone brackets', '] [ ) (', '<p>] [ ) (</p>'],
  ])('leaves unbalanced markers as text: %s', (_, src, expected) => {
    expect(html(src)).toBe(expected);
  });

  it('handles long runs of markers quickly and as text', () => {
    const src = '*'.repeat(2000) + '['.repeat(2000) + '_'.repeat(1000);
    const started = performance.now();
    const out = html(src);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out).not.toContain('<a');
    expect(out.length).toBeGreaterThan(4000);
  });
});

describe('direction', () => {
  it.each([
    ['ar', 'rtl'],
    ['he-IL', 'rtl'],
    ['fa', 'rtl'],
    ['UR-pk', 'rtl'],
    ['en', 'ltr'],
    ['zh-CN', 'ltr'],
    ['', 'ltr'],
  ])('%s → %s', (locale, dir) => {
    expect(direction(locale)).toBe(dir);
  });
});
