// Locale choice and lookup, pure so tests need no DOM. en.ts is the source of the keys;
// every other dictionary is typed `Messages`, so a missing or extra key fails the typecheck.
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-cn';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey, Messages } from './en';
export type Vars = Record<string, string | number>;

export const DICTIONARIES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export const isLocale = (v: string | null | undefined): v is Locale => LOCALES.includes(v as Locale);

/** The stored choice, else the first browser language we speak (any `zh` reads Simplified Chinese). */
export function detectLocale(stored: string | null, languages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh-CN';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** `t('team.removed', { name: 'Ada' })`: `{name}` placeholders are replaced; unknown ones stay visible. */
export function createTranslator(locale: Locale) {
  const messages = DICTIONARIES[locale];
  return (key: MessageKey, vars?: Vars): string => {
    const text = messages[key];
    if (vars === undefined) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

export type Translate = ReturnType<typeof createTranslator>;
