// Checklist items: id, title per locale, what completes it (an event or another flow) and what
// clicking it does (start a flow, open a link, or nothing).
import { useI18n } from '../../../i18n/context';
import { Button, Field } from '../../../ui';
import { freeStepId } from './steps';
import type { DraftStep } from './starters';
import { issueUnder, type Issues } from './validate';

type Item = NonNullable<DraftStep['items']>[number];
type Props = { items: Item[]; onChange: (items: Item[]) => void; locale: string; issues: Issues; path: string; events: string[] };

export function ChecklistItems({ items, onChange, locale, issues, path, events }: Props) {
  const { t } = useI18n();
  const set = (i: number, item: Item) => onChange(items.map((x, j) => (j === i ? item : x)));
  return (
    <fieldset class="flow-sub">
      <legend class="field-label">{t('flows.items.legend')}</legend>
      {items.map((item, i) => {
        const byEvent = 'event' in item.completeOn;
        const actionKind = item.action === undefined ? 'none' : 'flowId' in item.action ? 'flow' : 'href';
        const at = `${path}.${i}`;
        return (
          <div class="flow-item" key={i}>
            <div class="flow-row">
              <Field label={t('flows.items.title', { locale })} error={issueUnder(issues, `${at}.content`)}>
                {(p) => <input {...p} class="input input-sm" value={item.content[locale]?.title ?? ''} onInput={(e) => set(i, { ...item, content: { ...item.content, [locale]: { ...item.content[locale], title: e.currentTarget.value } } })} />}
              </Field>
              <Field label={t('flows.items.id')} error={issueUnder(issues, `${at}.id`)}>
                {(p) => <input {...p} class="input input-sm mono" value={item.id} onInput={(e) => set(i, { ...item, id: e.currentTarget.value })} />}
              </Field>
              <Button size="sm" variant="ghost" aria-label={t('flows.items.remove', { n: i + 1 })} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </div>
            <div class="flow-row">
              <Field label={t('flows.items.completeOn')}>
                {(p) => (
                  <select {...p} class="input input-sm" value={byEvent ? 'event' : 'flow'} onChange={(e) => set(i, { ...item, completeOn: e.currentTarget.value === 'event' ? { event: '' } : { flow: '' } })}>
                    <option value="event">{t('flows.items.byEvent')}</option>
                    <option value="flow">{t('flows.items.byFlow')}</option>
                  </select>
                )}
              </Field>
              <Field label={byEvent ? t('flows.items.event') : t('flows.items.flow')} error={issueUnder(issues, `${at}.completeOn`)}>
                {(p) => (
                  <input
                    {...p}
                    class="input input-sm"
                    list={byEvent ? 'flow-event-names' : undefined}
                    value={'event' in item.completeOn ? item.completeOn.event : item.completeOn.flow}
                    onInput={(e) => set(i, { ...item, completeOn: byEvent ? { event: e.currentTarget.value } : { flow: e.currentTarget.value } })}
                  />
                )}
              </Field>
              <Field label={t('flows.items.action')}>
                {(p) => (
                  <select {...p} class="input input-sm" value={actionKind} onChange={(e) => {
                    const v = e.currentTarget.value;
                    const { action: _a, ...rest } = item;
                    set(i, v === 'none' ? rest : { ...rest, action: v === 'flow' ? { flowId: '' } : { href: '' } });
                  }}>
                    <option value="none">{t('flows.items.actionNone')}</option>
                    <option value="flow">{t('flows.items.actionFlow')}</option>
                    <option value="href">{t('flows.items.actionHref')}</option>
                  </select>
                )}
              </Field>
              {item.action !== undefined && (
                <Field label={actionKind === 'flow' ? t('flows.buttons.flowId') : t('flows.buttons.href')} error={issueUnder(issues, `${at}.action`)}>
                  {(p) => (
                    <input {...p} class="input input-sm" value={item.action && 'flowId' in item.action ? item.action.flowId : item.action && 'href' in item.action ? item.action.href : ''}
                      onInput={(e) => set(i, { ...item, action: actionKind === 'flow' ? { flowId: e.currentTarget.value } : { href: e.currentTarget.value } })} />
                  )}
                </Field>
              )}
            </div>
          </div>
        );
      })}
      {items.length < 20 && (
        <Button size="sm" onClick={() => onChange([...items, { id: freeStepId(items, 'item'), content: { [locale]: { title: t('flows.items.newTitle') } }, completeOn: { event: events[0] ?? 'Project Created' } }])}>
          {t('flows.items.add')}
        </Button>
      )}
    </fieldset>
  );
}
