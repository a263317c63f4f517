// When and how often a flow shows: trigger, frequency, priority, schedule, goal, holdout share
// and theme overrides (docs/flows.md "Definition" and "Triggers").
import type { Trigger } from '@onward/server/contracts';
import { useI18n } from '../../../i18n/context';
import { Field } from '../../../ui';
import type { Draft } from './starters';
import { issueUnder, type Issues } from './validate';

type Props = { draft: Draft; onChange: (draft: Draft) => void; issues: Issues; events: string[] };
type TriggerIn = NonNullable<Draft['trigger']>;

const TRIGGERS = ['page', 'event', 'element', 'return', 'manual'] as const;
const newTrigger = (type: TriggerIn['type'], events: string[]): TriggerIn =>
  type === 'page' ? { type, url: '/app/*', match: 'glob' } : type === 'event' ? { type, event: events[0] ?? '' } : type === 'element' ? { type, selector: '' } : { type };
const optNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));
/** `2026-05-01T10:00` (local) ⇄ ISO; the schema wants UTC datetimes. */
const toLocalInput = (iso: string | undefined) => (iso === undefined ? '' : new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
const fromLocalInput = (v: string) => (v === '' ? undefined : new Date(v).toISOString());

export function DeliveryPanel({ draft, onChange, issues, events }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  const trigger: TriggerIn = draft.trigger ?? { type: 'manual' };
  const frequency = draft.frequency ?? 'once';
  const everyDays = typeof frequency === 'object' ? frequency.everyDays : null;
  const err = (p: string) => issueUnder(issues, p);
  const theme = draft.theme ?? {};
  const setTheme = (patch: Partial<NonNullable<Draft['theme']>>) => {
    const next = { ...theme, ...patch };
    for (const k of Object.keys(next) as (keyof typeof next)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    set({ theme: Object.keys(next).length === 0 ? undefined : next });
  };

  return (
    <div class="stack-lg">
      <fieldset class="flow-sub">
        <legend class="field-label">{t('flows.trigger.legend')}</legend>
        <div class="form-grid">
          <Field label={t('flows.trigger.type')} error={err('trigger.type')}>
            {(p) => (
              <select {...p} class="input" value={trigger.type} onChange={(e) => set({ trigger: newTrigger(e.currentTarget.value as Trigger['type'], events) })}>
                {TRIGGERS.map((x) => <option key={x} value={x}>{t(`flows.trigger.${x}`)}</option>)}
              </select>
            )}
          </Field>
          {trigger.type === 'page' && (
            <>
              <Field label={t('flows.trigger.url')} hint={t('flows.trigger.urlHint')} error={err('trigger.url')}>
                {(p) => <input {...p} class="input" value={trigger.url} onInput={(e) => set({ trigger: { ...trigger, url: e.currentTarget.value } })} />}
              </Field>
              <Field label={t('flows.trigger.match')} error={err('trigger.match')}>
                {(p) => (
                  <select {...p} class="input" value={trigger.match ?? 'glob'} onChange={(e) => set({ trigger: { ...trigger, match: e.currentTarget.value as 'glob' } })}>
                    {(['glob', 'exact', 'prefix', 'regex'] as const).map((m) => <option key={m} value={m}>{t(`flows.match.${m}`)}</option>)}
                  </select>
                )}
              </Field>
            </>
          )}
          {trigger.type === 'event' && (
            <Field label={t('flows.trigger.event')} error={err('trigger.event')}>
              {(p) => <input {...p} class="input" list="flow-event-names" value={trigger.event} onInput={(e) => set({ trigger: { type: 'event', event: e.currentTarget.value } })} />}
            </Field>
          )}
          {trigger.type === 'element' && (
            <Field label={t('flows.trigger.selector')} error={err('trigger.selector')}>
              {(p) => <input {...p} class="input mono" value={trigger.selector} placeholder="#billing" onInput={(e) => set({ trigger: { type: 'element', selector: e.currentTarget.value } })} />}
            </Field>
          )}
          {trigger.type === 'return' && (
            <Field label={t('flows.trigger.afterDays')} hint={t('flows.trigger.afterDaysHint')} error={err('trigger.afterDays')}>
              {(p) => <input {...p} class="input" type="number" min={1} value={trigger.afterDays ?? ''} onInput={(e) => set({ trigger: { type: 'return', afterDays: optNumber(e.currentTarget.value) } })} />}
            </Field>
          )}
        </div>
        {trigger.type === 'manual' && <p class="small muted">{t('flows.trigger.manualHint')}</p>}
      </fieldset>

      <fieldset class="flow-sub">
        <legend class="field-label">{t('flows.delivery.legend')}</legend>
        <div class="form-grid">
          <Field label={t('flows.frequency.label')} error={err('frequency')}>
            {(p) => (
              <select {...p} class="input" value={everyDays === null ? (frequency as string) : 'every'} onChange={(e) => {
                const v = e.currentTarget.value;
                set({ frequency: v === 'every' ? { everyDays: 30 } : (v as 'once') });
              }}>
                <option value="once">{t('flows.frequency.once')}</option>
                <option value="until_completed">{t('flows.frequency.untilCompleted')}</option>
                <option value="every">{t('flows.frequency.every')}</option>
              </select>
            )}
          </Field>
          {everyDays !== null && (
            <Field label={t('flows.frequency.days')} error={err('frequency.everyDays')}>
              {(p) => <input {...p} class="input" type="number" min={1} value={everyDays} onInput={(e) => set({ frequency: { everyDays: Number(e.currentTarget.value) } })} />}
            </Field>
          )}
          <Field label={t('flows.priority')} hint={t('flows.priorityHint')} error={err('priority')}>
            {(p) => <input {...p} class="input" type="number" min={0} max={1000} step={1} value={draft.priority ?? 0} onInput={(e) => set({ priority: Number(e.currentTarget.value) })} />}
          </Field>
          <Field label={t('flows.schedule.start')} error={err('schedule.start')}>
            {(p) => <input {...p} class="input" type="datetime-local" value={toLocalInput(draft.schedule?.start)} onInput={(e) => set({ schedule: { ...draft.schedule, start: fromLocalInput(e.currentTarget.value) } })} />}
          </Field>
          <Field label={t('flows.schedule.end')} error={err('schedule.end')}>
            {(p) => <input {...p} class="input" type="datetime-local" value={toLocalInput(draft.schedule?.end)} onInput={(e) => set({ schedule: { ...draft.schedule, end: fromLocalInput(e.currentTarget.value) } })} />}
          </Field>
        </div>
      </fieldset>

      <fieldset class="flow-sub">
        <legend class="field-label">{t('flows.goal.legend')}</legend>
        <p class="small muted">{t('flows.goal.hint')}</p>
        <div class="form-grid">
          <Field label={t('flows.goal.event')} error={err('goal.event') ?? err('goal')}>
            {(p) => <input {...p} class="input" list="flow-event-names" value={draft.goal?.event ?? ''} onInput={(e) => {
              const v = e.currentTarget.value;
              set({ goal: v === '' ? undefined : { event: v, withinDays: draft.goal?.withinDays ?? 7 } });
            }} />}
          </Field>
          <Field label={t('flows.goal.withinDays')} error={err('goal.withinDays')}>
            {(p) => <input {...p} class="input" type="number" min={1} max={365} disabled={draft.goal === undefined} value={draft.goal?.withinDays ?? 7} onInput={(e) => draft.goal && set({ goal: { ...draft.goal, withinDays: Number(e.currentTarget.value) } })} />}
          </Field>
          <Field label={t('flows.holdout')} hint={t('flows.holdoutHint')} error={err('holdout')}>
            {(p) => <input {...p} class="input" type="number" min={0} max={50} step={1} value={Math.round((draft.holdout ?? 0) * 100)} onInput={(e) => set({ holdout: Number(e.currentTarget.value) / 100 })} />}
          </Field>
        </div>
      </fieldset>

      <fieldset class="flow-sub">
        <legend class="field-label">{t('flows.theme.legend')}</legend>
        <p class="small muted">{t('flows.theme.hint')}</p>
        <div class="form-grid">
          <Field label={t('flows.theme.brandColor')} error={err('theme.brandColor')}>
            {(p) => <input {...p} class="input mono" value={theme.brandColor ?? ''} placeholder="#4f46e5" onInput={(e) => setTheme({ brandColor: e.currentTarget.value })} />}
          </Field>
          <Field label={t('flows.theme.font')} error={err('theme.font')}>
            {(p) => <input {...p} class="input" value={theme.font ?? ''} placeholder="Inter" onInput={(e) => setTheme({ font: e.currentTarget.value })} />}
          </Field>
          <Field label={t('flows.theme.radius')} error={err('theme.radius')}>
            {(p) => <input {...p} class="input" type="number" min={0} max={32} value={theme.radius ?? ''} onInput={(e) => setTheme({ radius: optNumber(e.currentTarget.value) })} />}
          </Field>
          <Field label={t('flows.theme.mode')} error={err('theme.mode')}>
            {(p) => (
              <select {...p} class="input" value={theme.mode ?? ''} onChange={(e) => setTheme({ mode: (e.currentTarget.value || undefined) as 'light' | undefined })}>
                <option value="">{t('flows.theme.inherit')}</option>
                <option value="light">{t('flows.theme.light')}</option>
                <option value="dark">{t('flows.theme.dark')}</option>
                <option value="auto">{t('flows.theme.auto')}</option>
              </select>
            )}
          </Field>
        </div>
      </fieldset>
    </div>
  );
}
