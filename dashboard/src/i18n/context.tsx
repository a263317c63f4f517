// The active locale for the whole app: remembered in localStorage, mirrored on <html lang>.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo, useState } from 'preact/hooks';
import { createFormat, type Format } from './format';
import { readStored, STORAGE_KEYS, writeStored } from '../storage';
import { createTranslator, detectLocale, type Locale, type Translate } from './translate';

type I18n = { locale: Locale; t: Translate; format: Format; setLocale: (locale: Locale) => void };

const I18nContext = createContext<I18n | null>(null);

export function initialLocale(): Locale {
  return detectLocale(readStored(STORAGE_KEYS.locale), navigator.languages ?? [navigator.language]);
}

export function I18nProvider({ initial, children }: { initial: Locale; children: ComponentChildren }) {
  const [locale, setLocaleState] = useState(initial);
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: createTranslator(locale),
      format: createFormat(locale),
      setLocale(next) {
        writeStored(STORAGE_KEYS.locale, next);
        document.documentElement.lang = next;
        setLocaleState(next);
      },
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n outside <I18nProvider>');
  return i18n;
}
