import { useI18n } from './context';
import { isLocale, LOCALES } from './translate';

/** Each language named in itself, so anyone can find their own. */
const NAMES = { en: 'English', 'zh-CN': '简体中文' } as const satisfies Record<(typeof LOCALES)[number], string>;

/** The language switch; the choice is remembered (see context.tsx). */
export function LanguageSelect({ id, class: extra }: { id?: string; class?: string }) {
  const { locale, setLocale } = useI18n();
  return (
    <select id={id} class={['input', extra].filter(Boolean).join(' ')} value={locale} onChange={(e) => isLocale(e.currentTarget.value) && setLocale(e.currentTarget.value)}>
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {NAMES[l]}
        </option>
      ))}
    </select>
  );
}
