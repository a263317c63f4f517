// Puts the stylesheet and the theme on the shadow root without inline <style> where possible,
// so a strict CSP (no 'unsafe-inline' in style-src) needs nothing extra.
import type { Theme } from '@onward/server/contracts';

/** Adopts `css` as a constructable stylesheet; falls back to a <style> in the shadow root. */
export function adoptStyles(doc: Document, root: ShadowRoot, css: string): void {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  try {
    if (Sheet && 'adoptedStyleSheets' in root && 'replaceSync' in Sheet.prototype) {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // An engine with a partial implementation: use the element below.
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}

// Re-checked here (the server validates too): a var() that reached `background` could load a URL.
const COLOR = /^#[0-9a-f]{3,8}$/i;
const FONT = /^[\w\s,"'-]{1,200}$/;

/**
 * Sets the theme's CSS custom properties on the host (CSSOM, so CSP-safe).
 * `mode` is applied by the step root (`data-mode`).
 */
export function applyTheme(host: HTMLElement, theme: Theme | undefined): void {
  const set = (name: string, value: string) => host.style.setProperty(`--onward-${name}`, value);
  if (theme?.brandColor && COLOR.test(theme.brandColor)) set('brand', theme.brandColor);
  if (theme?.font && FONT.test(theme.font)) set('font', theme.font);
  const radius = theme?.radius;
  if (typeof radius === 'number' && radius >= 0 && radius <= 32) set('radius', `${radius}px`);
}
