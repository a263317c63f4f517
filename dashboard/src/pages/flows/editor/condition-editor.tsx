// One audience condition as a row of labelled inputs; switching its subject starts a new condition.
import { OPERATORS, STAGES, type Condition } from '@onward/server/contracts';
import { useI18n } from '../../../i18n/context';
import { formatOperand, newCondition, parseOperand, NUMERIC_OPS, CONDITION_KINDS, type ConditionKind, type NumericOp } from './audience';

export type AudienceOptions = { segments: string[]; events: string[]; flows: string[] };
type Props = { kind: ConditionKind; condition: Condition; onChange: (c: Condition) => void; options: AudienceOptions };
type Of<K extends string> = Extract<Condition, Record<K, unknown>>;

const num = (text: string) => (text.trim() === '' ? 0 : Number(text));

export function ConditionEditor({ kind, condition, onChange, options }: Props) {
  const { t } = useI18n();
  const subject = (
    <select class="input input-sm" aria-label={t('flows.cond.subject')} value={kind} onChange={(e) => onChange(newCondition(e.currentTarget.value as ConditionKind, { segment: options.segments[0], event: options.events[0], flow: options.flows[0] }))}>
      {CONDITION_KINDS.map((k) => <option key={k} value={k}>{t(`flows.cond.${k}`)}</option>)}
    </select>
  );
  const numericOp = (value: NumericOp | undefined, set: (op: NumericOp) => void) => (
    <select class="input input-sm" aria-label={t('flows.cond.op')} value={value ?? 'gte'} onChange={(e) => set(e.currentTarget.value as NumericOp)}>
      {NUMERIC_OPS.map((o) => <option key={o} value={o}>{t(`flows.op.${o}`)}</option>)}
    </select>
  );

  if (kind === 'trait' || kind === 'account') {
    const c = condition as Of<'trait'> | Of<'account'>;
    const name = 'trait' in c ? c.trait : c.account;
    const with_ = (patch: Partial<Of<'trait'>>) => onChange(kind === 'trait' ? { trait: name, op: c.op, value: c.value, ...patch } : { account: name, op: c.op, value: c.value, ...patch } as Condition);
    return (
      <div class="flow-row">
        {subject}
        <input class="input input-sm" aria-label={t('flows.cond.key')} value={name} onInput={(e) => onChange(kind === 'trait' ? { trait: e.currentTarget.value, op: c.op, value: c.value } : { account: e.currentTarget.value, op: c.op, value: c.value })} />
        <select class="input input-sm" aria-label={t('flows.cond.op')} value={c.op} onChange={(e) => {
          const op = e.currentTarget.value as Of<'trait'>['op'];
          with_({ op, value: parseOperand(formatOperand(c.value), op) });
        }}>
          {OPERATORS.map((o) => <option key={o} value={o}>{t(`flows.op.${o}`)}</option>)}
        </select>
        {c.op === 'exists' ? (
          <select class="input input-sm" aria-label={t('flows.cond.value')} value={c.value === false ? 'false' : 'true'} onChange={(e) => with_({ value: e.currentTarget.value === 'false' ? false : undefined })}>
            <option value="true">{t('flows.cond.isSet')}</option>
            <option value="false">{t('flows.cond.isNotSet')}</option>
          </select>
        ) : (
          <input class="input input-sm" aria-label={t('flows.cond.value')} placeholder={c.op === 'in' || c.op === 'nin' ? 'KA, SMB' : ''} value={formatOperand(c.value)} onChange={(e) => with_({ value: parseOperand(e.currentTarget.value, c.op) })} />
        )}
      </div>
    );
  }
  if (kind === 'segment') {
    const c = condition as Of<'segment'>;
    const chosen = Array.isArray(c.segment) ? c.segment : [c.segment];
    return (
      <div class="flow-row">
        {subject}
        <select class="input input-sm" aria-label={t('flows.cond.op')} value={c.op === 'nin' || c.op === 'neq' ? 'nin' : 'in'} onChange={(e) => onChange(e.currentTarget.value === 'nin' ? { segment: c.segment, op: 'nin' } : { segment: c.segment })}>
          <option value="in">{t('flows.cond.isOneOf')}</option>
          <option value="nin">{t('flows.cond.isNoneOf')}</option>
        </select>
        <select class="input input-sm flow-multi" multiple aria-label={t('flows.cond.segments')} onChange={(e) => {
          const picked = Array.from(e.currentTarget.selectedOptions).map((o) => o.value);
          if (picked.length > 0) onChange({ ...c, segment: picked.length === 1 ? (picked[0] as string) : picked });
        }}>
          {[...new Set([...options.segments, ...chosen])].map((s) => <option key={s} value={s} selected={chosen.includes(s)}>{s}</option>)}
        </select>
        {options.segments.length === 0 && <span class="small muted">{t('flows.cond.noSegments')}</span>}
      </div>
    );
  }
  if (kind === 'stage') {
    const c = condition as Of<'stage'>;
    const chosen = Array.isArray(c.stage) ? c.stage : [c.stage];
    return (
      <div class="flow-row">
        {subject}
        <select class="input input-sm flow-multi" multiple aria-label={t('flows.cond.stages')} onChange={(e) => {
          const picked = Array.from(e.currentTarget.selectedOptions).map((o) => o.value as (typeof STAGES)[number]);
          if (picked.length > 0) onChange({ stage: picked.length === 1 ? (picked[0] as (typeof STAGES)[number]) : picked });
        }}>
          {STAGES.map((s) => <option key={s} value={s} selected={chosen.includes(s)}>{t(`flows.stage.${s}`)}</option>)}
        </select>
      </div>
    );
  }
  if (kind === 'daysSinceStart' || kind === 'daysInactive') {
    const c = condition as Of<'daysSinceStart'> | Of<'daysInactive'>;
    const days = 'daysSinceStart' in c ? c.daysSinceStart : c.daysInactive;
    const make = (d: number, op: NumericOp | undefined): Condition => (kind === 'daysSinceStart' ? { daysSinceStart: d, op: op ?? 'gte' } : { daysInactive: d, op: op ?? 'gte' });
    return (
      <div class="flow-row">
        {subject}
        {numericOp(c.op, (op) => onChange(make(days, op)))}
        <input class="input input-sm flow-num" type="number" min={0} aria-label={t('flows.cond.days')} value={days} onInput={(e) => onChange(make(num(e.currentTarget.value), c.op))} />
        <span class="small muted">{t('flows.cond.daysUnit')}</span>
      </div>
    );
  }
  if (kind === 'event') {
    const c = condition as Of<'event'>;
    return (
      <div class="flow-row">
        {subject}
        <input class="input input-sm" list="flow-event-names" aria-label={t('flows.cond.event')} value={c.event} onInput={(e) => onChange({ ...c, event: e.currentTarget.value })} />
        <select class="input input-sm" aria-label={t('flows.cond.done')} value={c.done === false ? 'no' : 'yes'} onChange={(e) => onChange({ ...c, done: e.currentTarget.value === 'yes' })}>
          <option value="yes">{t('flows.cond.didIt')}</option>
          <option value="no">{t('flows.cond.didNot')}</option>
        </select>
        {numericOp(c.op, (op) => onChange({ ...c, op, count: c.count ?? 1 }))}
        <input class="input input-sm flow-num" type="number" min={0} step={1} aria-label={t('flows.cond.count')} placeholder="1" value={c.count ?? ''} onInput={(e) => {
          const { count: _c, op: _o, ...rest } = c;
          onChange(e.currentTarget.value === '' ? rest : { ...rest, count: Math.max(0, Math.round(num(e.currentTarget.value))), op: c.op ?? 'gte' });
        }} />
        <input class="input input-sm flow-num" type="number" min={1} aria-label={t('flows.cond.withinDays')} placeholder={t('flows.cond.anyTime')} value={c.withinDays ?? ''} onInput={(e) => {
          const { withinDays: _w, ...rest } = c;
          onChange(e.currentTarget.value === '' ? rest : { ...rest, withinDays: num(e.currentTarget.value) });
        }} />
        <span class="small muted">{t('flows.cond.withinDaysUnit')}</span>
      </div>
    );
  }
  const c = condition as Of<'flow'>;
  return (
    <div class="flow-row">
      {subject}
      <select class="input input-sm" aria-label={t('flows.cond.flow')} value={c.flow} onChange={(e) => onChange({ ...c, flow: e.currentTarget.value })}>
        {[...new Set([...options.flows, c.flow])].map((f) => <option key={f} value={f}>{f}</option>)}
      </select>
      <select class="input input-sm" aria-label={t('flows.cond.done')} value={c.done === false ? 'no' : 'yes'} onChange={(e) => onChange({ ...c, done: e.currentTarget.value === 'yes' })}>
        <option value="yes">{t('flows.cond.has')}</option>
        <option value="no">{t('flows.cond.hasNot')}</option>
      </select>
      <select class="input input-sm" aria-label={t('flows.cond.status')} value={c.status} onChange={(e) => onChange({ ...c, status: e.currentTarget.value as Of<'flow'>['status'] })}>
        {(['seen', 'completed', 'dismissed'] as const).map((s) => <option key={s} value={s}>{t(`flows.flowStatus.${s}`)}</option>)}
      </select>
    </div>
  );
}
