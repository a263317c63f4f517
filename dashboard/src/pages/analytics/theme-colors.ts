// Chart colours from the design tokens (styles/tokens.css), read at draw time so light and dark
// themes both work; `useThemeVersion` changes whenever the theme may have changed.
import { useEffect, useState } from 'preact/hooks';

export type ChartColors = {
  text: string; muted: string; border: string; surface: string;
  brand: string; success: string; warning: string; danger: string; info: string;
};

const NAMES: Record<keyof ChartColors, string> = {
  text: '--text', muted: '--muted', border: '--border', surface: '--surface',
  brand: '--brand', success: '--success', warning: '--warning', danger: '--danger', info: '--info',
};

const FALLBACK: ChartColors = {
  text: '#151823', muted: '#5d6475', border: '#e3e6ee', surface: '#ffffff',
  brand: '#4f46e5', success: '#0f7b4a', warning: '#9a5b00', danger: '#c02637', info: '#1f63b6',
};

export function readChartColors(root: Element = document.documentElement): ChartColors {
  const style = getComputedStyle(root);
  const colors = { ...FALLBACK };
  for (const key of Object.keys(NAMES) as (keyof ChartColors)[]) {
    const value = style.getPropertyValue(NAMES[key]).trim();
    if (value !== '') colors[key] = value;
  }
  return colors;
}

/** Bumps on a `data-theme` change of <html> and on the system's light/dark switch. */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    media?.addEventListener?.('change', bump);
    return () => {
      observer.disconnect();
      media?.removeEventListener?.('change', bump);
    };
  }, []);
  return version;
}
