// A step's buttons (up to 4): label in the selected locale, action, and the link or flow it opens.
import { useI18n } from '../../../i18n/context';
import { Button, Field } from '../../../ui';
import type { DraftStep } from './starters';
import { issueUnder, type Issues } from './validate';

type StepButton = NonNullable<DraftStep['buttons']>[number];
const ACTIONS = ['next', 'back', 'done', 'skip', 'link', 'flow'] as const;

type Props = { buttons: StepButton[]; onChange: (buttons: StepButton[] | undefined) => void; locale: string; issues: Issues; path: string };

export function ButtonsField({ buttons, onChange, locale, issues, path }: Props) {
  const { t } = useI18n();
  const set = (i: number, b: StepButton) => onChange(buttons.map((x, j) => (j === i ? b : x)));
  const remove = (i: number) => {
    const next = buttons.filter((_, j) => j !== i);
    onChange(next.length === 0 ? undefined : next);
  };
  return (
    <fieldset class="flow-sub">
      <legend class="field-label">{t('flows.buttons.legend')}</legend>
      {buttons.length === 0 && <p class="small muted">{t('flows.buttons.none')}</p>}
      {buttons.map((b, i) => (
        <div class="flow-row" key={i}>
          <Field label={t('flows.buttons.label', { locale })} error={issueUnder(issues, `${path}.${i}.label`)}>
            {(p) => <input {...p} class="input input-sm" value={b.label[locale] ?? ''} onInput={(e) => set(i, { ...b, label: { ...b.label, [locale]: e.currentTarget.value } })} />}
          </Field>
          <Field label={t('flows.buttons.action')} error={issueUnder(issues, `${path}.${i}.action`)}>
            {(p) => (
              <select {...p} class="input input-sm" value={b.action} onChange={(e) => set(i, { label: b.label, action: e.currentTarget.value as StepButton['action'] })}>
                {ACTIONS.map((a) => (
                  <option key={a} value={a}>{t(`flows.buttons.action.${a}`)}</option>
                ))}
              </select>
            )}
          </Field>
          {b.action === 'link' && (
            <Field label={t('flows.buttons.href')} error={issueUnder(issues, `${path}.${i}.href`)}>
              {(p) => <input {...p} class="input input-sm" value={b.href ?? ''} placeholder="/docs" onInput={(e) => set(i, { ...b, href: e.currentTarget.value })} />}
            </Field>
          )}
          {b.action === 'flow' && (
            <Field label={t('flows.buttons.flowId')} error={issueUnder(issues, `${path}.${i}.flowId`)}>
              {(p) => <input {...p} class="input input-sm" value={b.flowId ?? ''} onInput={(e) => set(i, { ...b, flowId: e.currentTarget.value })} />}
            </Field>
          )}
          <Button size="sm" variant="ghost" onClick={() => remove(i)} aria-label={t('flows.buttons.remove', { n: i + 1 })}>
            ✕
          </Button>
        </div>
      ))}
      {buttons.length < 4 && (
        <Button size="sm" onClick={() => onChange([...buttons, { label: { [locale]: t('flows.buttons.defaultLabel') }, action: 'next' }])}>
          {t('flows.buttons.add')}
        </Button>
      )}
    </fieldset>
  );
}
