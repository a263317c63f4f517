// Light, dark or the system's choice: `data-theme` on <html> overrides prefers-color-scheme
// (tokens.css); no attribute means "follow the system".
import { useState } from 'preact/hooks';
import { readStored, STORAGE_KEYS, writeStored } from '../storage';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEMES)[number];

const isTheme = (v: string | null): v is ThemePreference => THEMES.includes(v as ThemePreference);

export function storedTheme(): ThemePreference {
  const value = readStored(STORAGE_KEYS.theme);
  return isTheme(value) ? value : 'system';
}

export function applyTheme(theme: ThemePreference, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function useTheme() {
  const [theme, setTheme] = useState<ThemePreference>(storedTheme);
  return {
    theme,
    setTheme(next: ThemePreference) {
      writeStored(STORAGE_KEYS.theme, next === 'system' ? null : next);
      applyTheme(next);
      setTheme(next);
    },
  };
}
