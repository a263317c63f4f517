// Everything about one step: id, type, content per locale, target and placement, advance rule,
// page URL, buttons, and the banner / checklist specific fields.
import { PLACEMENTS, STEP_TYPES } from '@onward/server/contracts';
import { useI18n } from '../../../i18n/context';
import { Field } from '../../../ui';
import { ButtonsField } from './buttons-field';
import { ChecklistItems } from './checklist-items';
import { ContentFields } from './content-fields';
import { changeStepType } from './steps';
import { STEP_TYPES_BY_KIND, type DraftStep, type FlowKind, type StepType } from './starters';
import { TargetField } from './target-field';
import { issueUnder, type Issues } from './validate';

type Advance = NonNullable<DraftStep['advance']>;
type Props = {
  step: DraftStep;
  index: number;
  kind: FlowKind;
  onChange: (step: DraftStep) => void;
  locale: string;
  onLocale: (locale: string) => void;
  issues: Issues;
  events: string[];
};

const POINTING: readonly StepType[] = ['tooltip', 'hotspot'];

function advanceFor(on: Advance['on'], events: string[]): Advance {
  if (on === 'event') return { on, event: events[0] ?? '' };
  if (on === 'url') return { on, url: '' };
  return { on };
}

export function StepForm({ step, index, kind, onChange, locale, onLocale, issues, events }: Props) {
  const { t } = useI18n();
  const at = `steps.${index}`;
  const set = (patch: Partial<DraftStep>) => onChange({ ...step, ...patch });
  const types = [...STEP_TYPES_BY_KIND[kind], ...STEP_TYPES.filter((s) => !STEP_TYPES_BY_KIND[kind].includes(s))];
  const advance = step.advance ?? { on: 'next' };
  const pointing = POINTING.includes(step.type);

  return (
    <div class="stack">
      <div class="form-grid">
        <Field label={t('flows.step.id')} hint={t('flows.step.idHint')} error={issueUnder(issues, `${at}.id`)}>
          {(p) => <input {...p} class="input mono" value={step.id} onInput={(e) => set({ id: e.currentTarget.value })} />}
        </Field>
        <Field label={t('flows.step.type')} error={issueUnder(issues, `${at}.type`)}>
          {(p) => (
            <select {...p} class="input" value={step.type} onChange={(e) => onChange(changeStepType(step, e.currentTarget.value as StepType))}>
              {types.map((s) => <option key={s} value={s}>{t(`flows.stepType.${s}`)}</option>)}
            </select>
          )}
        </Field>
      </div>

      <ContentFields content={step.content} onChange={(content) => set({ content })} locale={locale} onLocale={onLocale} issues={issues} path={`${at}.content`} />

      {pointing && (
        <div class="form-grid">
          {/* The builder-mode work passes `pickButton` here. */}
          <TargetField value={step.target ?? ''} onChange={(target) => set({ target: target === '' ? undefined : target })} error={issueUnder(issues, `${at}.target`)} />
          <Field label={t('flows.step.placement')} error={issueUnder(issues, `${at}.placement`)}>
            {(p) => (
              <select {...p} class="input" value={step.placement ?? 'auto'} onChange={(e) => set({ placement: e.currentTarget.value as DraftStep['placement'] })}>
                {PLACEMENTS.map((pl) => <option key={pl} value={pl}>{pl}</option>)}
              </select>
            )}
          </Field>
        </div>
      )}
      {step.type === 'tooltip' && (
        <label class="checkbox">
          <input type="checkbox" checked={step.spotlight ?? false} onChange={(e) => set({ spotlight: e.currentTarget.checked })} /> {t('flows.step.spotlight')}
        </label>
      )}
      {step.type === 'banner' && (
        <div class="form-grid">
          <Field label={t('flows.step.position')}>
            {(p) => (
              <select {...p} class="input" value={step.position ?? 'top'} onChange={(e) => set({ position: e.currentTarget.value as 'top' | 'bottom' })}>
                <option value="top">{t('flows.step.positionTop')}</option>
                <option value="bottom">{t('flows.step.positionBottom')}</option>
              </select>
            )}
          </Field>
          <label class="checkbox">
            <input type="checkbox" checked={step.inline ?? false} onChange={(e) => set({ inline: e.currentTarget.checked })} /> {t('flows.step.inline')}
          </label>
        </div>
      )}

      <div class="form-grid">
        <Field label={t('flows.step.advance')} error={issueUnder(issues, `${at}.advance`)}>
          {(p) => (
            <select {...p} class="input" value={advance.on} onChange={(e) => set({ advance: advanceFor(e.currentTarget.value as Advance['on'], events) })}>
              {(['next', 'click', 'event', 'url'] as const).map((on) => <option key={on} value={on}>{t(`flows.advance.${on}`)}</option>)}
            </select>
          )}
        </Field>
        {advance.on === 'event' && (
          <Field label={t('flows.advance.eventName')} error={issueUnder(issues, `${at}.advance.event`)}>
            {(p) => <input {...p} class="input" list="flow-event-names" value={advance.event} onInput={(e) => set({ advance: { on: 'event', event: e.currentTarget.value } })} />}
          </Field>
        )}
        {advance.on === 'url' && (
          <Field label={t('flows.advance.urlPattern')} error={issueUnder(issues, `${at}.advance.url`)}>
            {(p) => <input {...p} class="input" value={advance.url} placeholder="/app/projects/*" onInput={(e) => set({ advance: { on: 'url', url: e.currentTarget.value } })} />}
          </Field>
        )}
        <Field label={t('flows.step.url')} hint={t('flows.step.urlHint')} error={issueUnder(issues, `${at}.url`)}>
          {(p) => <input {...p} class="input" value={step.url ?? ''} placeholder="/app/reports" onInput={(e) => set({ url: e.currentTarget.value === '' ? undefined : e.currentTarget.value })} />}
        </Field>
      </div>

      {step.type !== 'checklist' && step.type !== 'survey' && (
        <ButtonsField buttons={step.buttons ?? []} onChange={(buttons) => set({ buttons })} locale={locale} issues={issues} path={`${at}.buttons`} />
      )}
      {step.type === 'checklist' && (
        <ChecklistItems items={step.items ?? []} onChange={(items) => set({ items })} locale={locale} issues={issues} path={`${at}.items`} events={events} />
      )}
    </div>
  );
}
