import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBootstrap, createFlow, createStep, settle, setupEngine } from '../testing/guides';
import { pickLocale, personalize } from './content';

describe('pickLocale', () => {
  it.each([
    [['en', 'zh-CN'], 'zh-CN', 'zh-CN'],
    [['en', 'zh-CN'], 'ZH-cn', 'zh-CN'],
    [['en', 'zh-CN'], 'zh-TW', 'zh-CN'],
    [['en', 'fr'], 'fr-CA', 'fr'],
    [['en-GB', 'de'], 'pt-BR', 'en-GB'],
    [['de', 'fr'], 'ja', 'de'],
    [['de', 'en'], undefined, 'en'],
    [['fr-CA', 'fr'], 'fr', 'fr'],
  ])('%j for %s → %s', (available, wanted, chosen) => {
    expect(pickLocale(available, wanted)).toBe(chosen);
  });
});

describe('personalize', () => {
  const traits = { user: { firstName: 'Ada', name: '  ', seats: 4 }, account: { name: 'Acme' } };
  it.each([
    ['Hi {{user.firstName}}!', 'Hi Ada!'],
    ['Hi {{ user.firstName | there }}!', 'Hi Ada!'],
    ['Hi {{user.name|there}}!', 'Hi there!'],
    ['Hi {{user.lastName}}!', 'Hi !'],
    ['{{account.name|your team}} has {{user.seats}} seats', 'Acme has 4 seats'],
    ['{{account.plan|}}-', '-'],
    ['{{user.__proto__|x}} {{other.name}}', 'x {{other.name}}'],
  ])('%s → %s', (text, result) => {
    expect(personalize(text, traits)).toBe(result);
  });
});

describe('content in the engine', () => {
  const flow = createFlow({
    id: 'hello',
    steps: [
      createStep({
        id: 'a',
        content: {
          en: {
            title: 'Welcome, {{user.firstName|there}}',
            body: 'At {{account.name|your company}}',
          },
          'zh-CN': { title: '欢迎，{{user.firstName|朋友}}' },
        },
        buttons: [{ label: { en: 'Next', 'zh-CN': '下一步' }, action: 'next' }],
      }),
    ],
  });
  let stop = () => {};
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('uses the browser language without a locale trait, and fallbacks without traits', async () => {
    const { engine, ui } = setupEngine({ language: 'zh-TW' });
    stop = engine.stop;
    engine.update(createBootstrap([flow]));
    engine.show('hello');
    expect(ui.view()).toMatchObject({
      locale: 'zh-CN',
      text: { title: '欢迎，朋友' },
      buttonLabels: ['下一步'],
    });
  });

  it('prefers the locale trait and fills traits from identify and group, kept in storage', async () => {
    const first = setupEngine({ language: 'zh-CN' });
    first.engine.saw({ type: 'identify', traits: { firstName: 'Ada', locale: 'en-US' } });
    first.engine.saw({ type: 'group', groupId: 'acme', traits: { name: 'Acme' } });
    first.engine.stop();
    // A later page load: no identify yet, the traits come from storage.
    const { engine, ui, storage } = setupEngine({ language: 'zh-CN', storage: first.storage });
    stop = engine.stop;
    engine.update(createBootstrap([flow]));
    engine.show('hello');
    expect(ui.view()).toMatchObject({
      locale: 'en',
      text: { title: 'Welcome, Ada', body: 'At Acme' },
      buttonLabels: ['Next'],
    });
    engine.saw({ type: 'identify', traits: { firstName: 'Grace' } });
    expect(ui.view().text.title).toBe('Welcome, Grace');
    engine.saw({ type: 'reset' });
    expect(storage.getItem('onward:traits')).toBeNull();
    await settle();
  });
});
