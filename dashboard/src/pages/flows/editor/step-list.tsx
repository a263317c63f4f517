// The ordered list of steps: select one, move it with the arrow buttons or Alt+↑/↓ on the step,
// delete it, add a step of a type the kind allows. Moves are announced politely.
import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/context';
import { Badge, Button } from '../../../ui';
import { STEP_TYPES_BY_KIND, type Draft, type StepType } from './starters';

type Props = {
  draft: Draft;
  selected: number;
  onSelect: (index: number) => void;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  onAdd: (type: StepType) => void;
  withIssues: Set<number>;
};

export function StepList({ draft, selected, onSelect, onMove, onRemove, onAdd, withIssues }: Props) {
  const { t } = useI18n();
  const [announce, setAnnounce] = useState('');
  const types = STEP_TYPES_BY_KIND[draft.kind];
  const [addType, setAddType] = useState<StepType>(types[0] ?? 'modal');
  const total = draft.steps.length;
  const move = (from: number, to: number) => {
    if (to < 0 || to >= total) return;
    onMove(from, to);
    setAnnounce(t('flows.steps.moved', { id: draft.steps[from]?.id ?? '', n: to + 1, total }));
    // Keep focus on the moved step's button after the re-render.
    setTimeout(() => document.getElementById(`flow-step-${to}`)?.focus(), 0);
  };
  const onKeyDown = (i: number) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
  };

  return (
    <div class="flow-steps">
      <p class="small muted" id="flow-steps-help">{t('flows.steps.keyboard')}</p>
      <ol class="flow-step-list" aria-label={t('flows.steps.label')}>
        {draft.steps.map((step, i) => (
          <li key={`${i}-${step.id}`} class={`flow-step ${i === selected ? 'flow-step-on' : ''}`}>
            <button type="button" id={`flow-step-${i}`} class="flow-step-select" aria-current={i === selected ? 'step' : undefined} aria-describedby="flow-steps-help" onClick={() => onSelect(i)} onKeyDown={onKeyDown(i)}>
              <span class="flow-step-n">{i + 1}</span>
              <span class="flow-step-text">
                <span class="strong">{step.content.en?.title ?? step.content[Object.keys(step.content)[0] ?? '']?.title ?? step.id}</span>
                <span class="small muted">{t(`flows.stepType.${step.type}`)} · {step.id}</span>
              </span>
              {withIssues.has(i) && <Badge tone="danger">{t('flows.steps.hasIssues')}</Badge>}
            </button>
            <span class="flow-step-tools">
              <Button size="sm" variant="ghost" aria-label={t('flows.steps.up', { n: i + 1 })} disabled={i === 0} onClick={() => move(i, i - 1)}>↑</Button>
              <Button size="sm" variant="ghost" aria-label={t('flows.steps.down', { n: i + 1 })} disabled={i === total - 1} onClick={() => move(i, i + 1)}>↓</Button>
              <Button size="sm" variant="ghost" aria-label={t('flows.steps.remove', { n: i + 1 })} disabled={total <= 1} onClick={() => onRemove(i)}>✕</Button>
            </span>
          </li>
        ))}
      </ol>
      <div class="flow-row">
        {types.length > 1 && (
          <select class="input input-sm" aria-label={t('flows.steps.addType')} value={addType} onChange={(e) => setAddType(e.currentTarget.value as StepType)}>
            {types.map((s) => <option key={s} value={s}>{t(`flows.stepType.${s}`)}</option>)}
          </select>
        )}
        <Button size="sm" disabled={total >= 50} onClick={() => onAdd(addType)}>
          {t('flows.steps.add')}
        </Button>
      </div>
      <div class="sr-only" aria-live="polite">{announce}</div>
    </div>
  );
}
