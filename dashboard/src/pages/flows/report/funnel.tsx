// The funnel as accessible CSS bars: one row per step (viewed, share of started, drop-off from
// the step before), a table underneath for exact figures is not needed: each bar carries its text.
import type { Step } from '@onward/server/contracts';
import { useI18n } from '../../../i18n/context';
import type { FlowReport } from '../../../api/flow-types';

export function Funnel({ report, steps }: { report: FlowReport; steps: readonly Step[] }) {
  const { t, format } = useI18n();
  const max = Math.max(report.started, ...report.steps.map((s) => s.viewed), 1);
  const titleOf = (id: string) => steps.find((s) => s.id === id)?.content.en?.title;
  const rows = [
    { key: 'started', label: t('flows.report.started'), value: report.started, drop: null as string | null },
    ...report.steps.map((s) => ({
      key: s.stepId,
      label: t('flows.report.stepN', { n: s.index + 1, id: titleOf(s.stepId) ?? s.stepId }),
      value: s.viewed,
      drop: s.dropOffRate === null ? null : t('flows.report.dropOff', { count: format.number(s.dropOff), share: format.percent(s.dropOffRate) }),
    })),
    { key: 'completed', label: t('flows.report.completed'), value: report.completed, drop: null },
  ];
  return (
    <div class="stack">
      <ol class="flow-funnel">
        {rows.map((row) => (
          <li key={row.key} class="flow-funnel-row">
            <span class="flow-funnel-label">{row.label}</span>
            <span class="flow-bar" aria-hidden="true">
              <span class="flow-bar-fill" style={{ width: `${(row.value / max) * 100}%` }} />
            </span>
            <span class="flow-funnel-value">
              {format.number(row.value)}
              {report.started > 0 && <span class="muted small"> · {format.percent(row.value / report.started)}</span>}
              {row.drop !== null && <span class="flow-drop small"> {row.drop}</span>}
            </span>
          </li>
        ))}
      </ol>
      {report.otherSteps.length > 0 && (
        <p class="small muted">
          {t('flows.report.otherSteps')} {report.otherSteps.map((s) => `${s.stepId} (${format.number(s.viewed)})`).join(', ')}
        </p>
      )}
    </div>
  );
}
