// A step's text per locale: pick or add a locale, edit title and body (the SDK's safe markdown
// subset), and see the body rendered by the SDK's own markdown renderer.
import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/context';
import { Button, Field } from '../../../ui';
import { markdown } from '../preview/sdk-ui';
import { issueAt, issueUnder, type Issues } from './validate';

type Text = { title?: string; body?: string };
type Props = {
  content: Record<string, Text>;
  onChange: (content: Record<string, Text>) => void;
  locale: string;
  onLocale: (locale: string) => void;
  issues: Issues;
  /** `steps.2.content` */
  path: string;
  /** Checklist items have no body field of their own here. */
  titleOnly?: boolean;
};

const LOCALE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function ContentFields({ content, onChange, locale, onLocale, issues, path, titleOnly = false }: Props) {
  const { t } = useI18n();
  const [adding, setAdding] = useState('');
  const locales = [...new Set(['en', ...Object.keys(content)])];
  const current = content[locale] ?? {};
  const set = (patch: Text) => {
    const next: Text = { ...current, ...patch };
    if (next.title === '') delete next.title;
    if (next.body === '') delete next.body;
    onChange({ ...content, [locale]: next });
  };
  const add = () => {
    const tag = adding.trim();
    if (!LOCALE_TAG.test(tag)) return;
    if (!(tag in content)) onChange({ ...content, [tag]: {} });
    onLocale(tag);
    setAdding('');
  };
  const remove = () => {
    const { [locale]: _gone, ...rest } = content;
    if (Object.keys(rest).length === 0) return;
    onChange(rest);
    onLocale(Object.keys(rest)[0] ?? 'en');
  };
  return (
    <fieldset class="flow-content">
      <legend class="field-label">{t('flows.content.legend')}</legend>
      <div class="flow-locales" role="group" aria-label={t('flows.content.locales')}>
        {locales.map((tag) => (
          <button key={tag} type="button" class={`chip ${tag === locale ? 'chip-on' : ''}`} aria-pressed={tag === locale} onClick={() => onLocale(tag)}>
            {tag}
            {!(tag in content) && <span class="sr-only"> {t('flows.content.emptyLocale')}</span>}
          </button>
        ))}
        <input class="input input-sm flow-locale-input" value={adding} placeholder="fr" aria-label={t('flows.content.newLocale')} onInput={(e) => setAdding(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())} />
        <Button size="sm" variant="ghost" onClick={add} disabled={!LOCALE_TAG.test(adding.trim())}>
          {t('flows.content.addLocale')}
        </Button>
        {locales.length > 1 && locale in content && (
          <Button size="sm" variant="ghost" onClick={remove}>
            {t('flows.content.removeLocale', { locale })}
          </Button>
        )}
      </div>
      {issueAt(issues, path) !== undefined && <p class="field-error">{issueAt(issues, path)}</p>}
      <Field label={t('flows.content.title', { locale })} error={issueUnder(issues, `${path}.${locale}.title`)}>
        {(p) => <input {...p} class="input" lang={locale} value={current.title ?? ''} onInput={(e) => set({ title: e.currentTarget.value })} />}
      </Field>
      {!titleOnly && (
        <>
          <Field label={t('flows.content.body', { locale })} hint={t('flows.content.bodyHint')} error={issueUnder(issues, `${path}.${locale}.body`)}>
            {(p) => <textarea {...p} class="input flow-body" rows={4} lang={locale} value={current.body ?? ''} onInput={(e) => set({ body: e.currentTarget.value })} />}
          </Field>
          {current.body !== undefined && current.body !== '' && (
            <div class="flow-md" lang={locale} aria-label={t('flows.content.rendered')} role="region">
              {markdown(current.body)}
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
