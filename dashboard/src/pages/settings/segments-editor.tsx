// Ordered segment rules (first match wins) and the catch-all that takes every other account.
import type { Operator } from '@onward/server/contracts';
import { fieldError } from '../../api/errors';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/translate';
import { Button, Field } from '../../ui';
import type { RuleDraft, SegmentsDraft } from './segment-rules';

/** Every operator of the contract, labelled; the Record type fails the build if one is missing. */
const OPERATOR_LABELS: Record<Operator, MessageKey> = {
  eq: 'op.eq', neq: 'op.neq', in: 'op.in', nin: 'op.nin', gt: 'op.gt', gte: 'op.gte', lt: 'op.lt', lte: 'op.lte', contains: 'op.contains', exists: 'op.exists',
};
const OPERATORS = Object.keys(OPERATOR_LABELS) as Operator[];

type Props = { draft: SegmentsDraft; error: unknown; onChange: (draft: SegmentsDraft) => void };

export function SegmentsEditor({ draft, error, onChange }: Props) {
  const { t } = useI18n();
  const { rules, catchAll } = draft;
  const setRules = (next: RuleDraft[]) => onChange({ rules: next, catchAll });
  const update = (i: number, patch: Partial<RuleDraft>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rules];
    const [rule] = next.splice(i, 1);
    if (rule !== undefined) next.splice(i + by, 0, rule);
    setRules(next);
  };

  return (
    <div class="stack">
      {rules.length === 0 && <p class="muted">{t('settings.segments.none')}</p>}
      <ol class="rules">
        {rules.map((rule, i) => (
          <li key={i} class="rule">
            <span class="rule-index" aria-hidden="true">{i + 1}</span>
            <div class="rule-fields">
              <Field label={t('settings.segments.name')} error={fieldError(error, `segments.${i}.name`)}>
                {(p) => <input {...p} class="input" value={rule.name} onInput={(e) => update(i, { name: e.currentTarget.value })} />}
              </Field>
              <Field label={t('settings.segments.trait')} error={fieldError(error, `segments.${i}.when.account`)}>
                {(p) => <input {...p} class="input" value={rule.account} placeholder="tier" onInput={(e) => update(i, { account: e.currentTarget.value })} />}
              </Field>
              <Field label={t('settings.segments.op')} error={fieldError(error, `segments.${i}.when.op`)}>
                {(p) => (
                  <select {...p} class="input" value={rule.op} onChange={(e) => update(i, { op: e.currentTarget.value as Operator })}>
                    {OPERATORS.map((op) => (
                      <option key={op} value={op}>{t(OPERATOR_LABELS[op])}</option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('settings.segments.value')} hint={rule.op === 'in' || rule.op === 'nin' ? t('settings.segments.listHint') : undefined} error={fieldError(error, `segments.${i}.when.value`)}>
                {(p) => <input {...p} class="input" value={rule.value} disabled={rule.op === 'exists'} placeholder={rule.op === 'in' ? 'KA, Enterprise' : ''} onInput={(e) => update(i, { value: e.currentTarget.value })} />}
              </Field>
            </div>
            <div class="rule-actions">
              <Button size="sm" variant="ghost" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('settings.segments.up', { name: rule.name || i + 1 })}>↑</Button>
              <Button size="sm" variant="ghost" disabled={i === rules.length - 1} onClick={() => move(i, 1)} aria-label={t('settings.segments.down', { name: rule.name || i + 1 })}>↓</Button>
              <Button size="sm" variant="ghost" onClick={() => setRules(rules.filter((_, j) => j !== i))} aria-label={t('settings.segments.remove', { name: rule.name || i + 1 })}>×</Button>
            </div>
          </li>
        ))}
      </ol>
      <div>
        <Button size="sm" onClick={() => setRules([...rules, { name: '', account: '', op: 'eq', value: '' }])}>
          {t('settings.segments.add')}
        </Button>
      </div>
      <div class="catch-all">
        <label class="checkbox">
          <input type="checkbox" checked={catchAll !== null} onChange={(e) => onChange({ rules, catchAll: e.currentTarget.checked ? t('settings.segments.catchAllDefault') : null })} />
          <span>{t('settings.segments.catchAll')}</span>
        </label>
        {catchAll !== null && (
          <Field label={t('settings.segments.catchAllName')} error={fieldError(error, `segments.${rules.length}.name`)}>
            {(p) => <input {...p} class="input" value={catchAll} onInput={(e) => onChange({ rules, catchAll: e.currentTarget.value })} />}
          </Field>
        )}
      </div>
    </div>
  );
}
