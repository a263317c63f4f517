import { describe, expect, it } from 'vitest';
import { createTranslator, detectLocale, DICTIONARIES, LOCALES } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  const en = DICTIONARIES.en;
  it.each(LOCALES.filter((l) => l !== 'en'))('%s translates every key, with the same placeholders', (locale) => {
    const other = DICTIONARIES[locale];
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const translated = other[key as keyof typeof en];
      expect(translated.trim(), key).not.toBe('');
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });
});

describe('detectLocale', () => {
  it.each([
    [null, ['zh-TW', 'en'], 'zh-CN'],
    [null, ['zh-CN'], 'zh-CN'],
    [null, ['fr-FR', 'en-GB'], 'en'],
    [null, ['de'], 'en'],
    ['en', ['zh-CN'], 'en'],
    ['zh-CN', ['en-US'], 'zh-CN'],
    ['klingon', ['zh'], 'zh-CN'],
  ] as const)('stored %s, browser %j → %s', (stored, languages, expected) => {
    expect(detectLocale(stored, languages)).toBe(expected);
  });
});

describe('createTranslator', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('en');
    expect(t('team.members', { count: 3 })).toBe('Members (3)');
    expect(t('team.members')).toBe('Members ({count})');
    expect(createTranslator('zh-CN')('nav.accounts')).toBe('客户账户');
  });
});
