// Retention heatmap: one row per start-week cohort, one cell per week k since start, shaded by the
// share retained; weeks that have not ended for the whole cohort read "not yet". A real table, so
// screen readers get the figures; the toggle switches rates and user counts.
import { useState } from 'preact/hooks';
import { useResource } from '../../shared/use-resource';
import { useI18n } from '../../i18n/context';
import { Button } from '../../ui';
import type { Retention } from '../../api/metrics';
import { cohortOf, usersLink, WEEK } from './period';
import { Rebuilding, SectionState, useUtcDate, type SectionProps } from './section';

export const retentionWeeks = (from: number, to: number) => Math.min(12, Math.max(1, Math.ceil((to - from) / WEEK)));

export function RetentionSection({ api, filter }: SectionProps) {
  const data = useResource((s) => api.retention(filter, retentionWeeks(filter.from, filter.to), s), [filter]);
  return <SectionState resource={data} empty={(d) => d.cohorts.length === 0}>{(d) => <Heatmap data={d} segment={filter.segment} />}</SectionState>;
}

function Heatmap({ data, segment }: { data: Retention; segment: string | undefined }) {
  const { t, format } = useI18n();
  const utcDate = useUtcDate();
  const [counts, setCounts] = useState(false);
  const weeks = Array.from({ length: data.weeks }, (_, k) => k);
  const weekCohort = (week: string) => cohortOf({ from: Date.parse(week), to: Date.parse(week) + WEEK, segment });
  const week1 = data.cohorts.filter((c) => c.rates[1] !== null && c.rates[1] !== undefined);
  const avg = week1.length === 0 ? null : week1.reduce((n, c) => n + (c.retained[1] ?? 0), 0) / week1.reduce((n, c) => n + c.size, 0);
  const summary = avg === null ? t('analytics.retention.summaryNone', { n: format.number(data.cohorts.length) }) : t('analytics.retention.summary', { n: format.number(data.cohorts.length), rate: format.percent(avg) });
  return (
    <div class="stack">
      <Rebuilding data={data} />
      <div class="chart-head">
        <p class="chart-summary">{summary}</p>
        <Button size="sm" variant="ghost" aria-pressed={counts} onClick={() => setCounts((c) => !c)}>
          {counts ? t('analytics.retention.showRates') : t('analytics.retention.showCounts')}
        </Button>
      </div>
      <div class="table-wrap">
        <table class="table heatmap">
          <caption class="sr-only">{t('analytics.retention')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.retention.cohort')}</th>
              <th scope="col" class="num">{t('analytics.retention.size')}</th>
              {weeks.map((k) => <th key={k} scope="col" class="num">{t('analytics.retention.week', { k })}</th>)}
            </tr>
          </thead>
          <tbody>
            {data.cohorts.map((c) => (
              <tr key={c.week}>
                <th scope="row"><a href={usersLink(weekCohort(c.week))}>{utcDate(c.week)}</a></th>
                <td class="num">{format.number(c.size)}</td>
                {weeks.map((k) => {
                  const rate = c.rates[k] ?? null;
                  if (rate === null) return <td key={k} class="num heat-none" title={t('analytics.retention.notYet')}><span aria-hidden="true">·</span><span class="sr-only">{t('analytics.retention.notYet')}</span></td>;
                  return (
                    <td key={k} class="num heat" style={{ '--heat': rate.toFixed(3) }}>
                      <a href={usersLink({ ...weekCohort(c.week), retainedWeek: k })}>{counts ? format.number(c.retained[k]) : format.percent(rate)}</a>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted small">{t('analytics.retention.legend')}</p>
    </div>
  );
}
