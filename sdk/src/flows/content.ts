// Content for the user: the locale (the `locale` trait, else the browser's), then
// personalisation from the traits given to identify and group on this device.

/** The traits personalisation reads: `{{user.firstName}}`, `{{account.name|your team}}`. */
export type Personal = { user: Record<string, unknown>; account: Record<string, unknown> };

const lang = (tag: string): string => tag.toLowerCase().split('-')[0] ?? '';

/**
 * The best of `available` for `wanted`: the exact tag, then the same language, then English,
 * then the first one.
 *
 * @example
 * pickLocale(['en', 'zh-CN'], 'zh-TW'); // 'zh-CN'
 */
export function pickLocale(available: string[], wanted: string | undefined): string | undefined {
  const want = (wanted ?? '').toLowerCase();
  return (
    available.find((tag) => tag.toLowerCase() === want) ??
    available.find((tag) => want && lang(tag) === lang(want)) ??
    available.find((tag) => lang(tag) === 'en') ??
    available[0]
  );
}

/**
 * The value for the chosen locale, and that locale.
 *
 * @example
 * localize({ en: 'Next', fr: 'Suivant' }, 'fr-CA'); // ['Suivant', 'fr']
 */
export function localize<T>(
  values: Record<string, T>,
  wanted: string | undefined,
): [T | undefined, string] {
  const tag = pickLocale(Object.keys(values), wanted) ?? 'en';
  return [values[tag], tag];
}

const PLACEHOLDER = /\{\{\s*(user|account)\.([\w.-]+)\s*(?:\|([^}]*))?\}\}/g;

/**
 * Fills `{{user.x}}`, `{{account.x}}` and `{{user.x|fallback}}`; a missing or empty value gives
 * the fallback, or nothing.
 *
 * @example
 * personalize('Hi {{user.firstName|there}}', { user: {}, account: {} }); // 'Hi there'
 */
export function personalize(text: string | undefined, traits: Personal): string | undefined {
  return text?.replace(
    PLACEHOLDER,
    (_all, scope: 'user' | 'account', key: string, fallback?: string) => {
      const value = traits[scope][key];
      const shown =
        typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
      return shown || (fallback ?? '').trim();
    },
  );
}
