// Time to value: headline figures, the Kaplan–Meier curve (share of the cohort still without value
// over time since start) and the histogram of reached TTVs (GET /v1/metrics/ttv[/distribution]).
import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import { useResource } from '../../shared/use-resource';
import { useI18n } from '../../i18n/context';
import { Stat, StatGrid } from '../../ui';
import type { KmPoint, Ttv, TtvBin, TtvDistribution } from '../../api/metrics';
import { axis, barsHook, Chart, hiddenSeries, type ChartSpec } from './chart';
import type { UserFilters } from '../../api/admin';
import { cohortOf, DAY, usersLink } from './period';
import { Rebuilding, SectionState, useDuration, UsersLink, type SectionProps } from './section';

export function TtvSection({ api, filter }: SectionProps) {
  const data = useResource((s) => Promise.all([api.ttv(filter, s), api.ttvDistribution(filter, s)]), [filter]);
  return <SectionState resource={data} empty={([ttv]) => ttv.users === 0}>{([ttv, dist]) => <TtvView ttv={ttv} dist={dist} cohort={cohortOf(filter)} />}</SectionState>;
}

function TtvView({ ttv, dist, cohort }: { ttv: Ttv; dist: TtvDistribution; cohort: UserFilters }) {
  const { t, format } = useI18n();
  const duration = useDuration();
  return (
    <div class="stack-lg">
      <Rebuilding data={ttv} />
      <StatGrid>
        <Stat label={t('analytics.ttv.median')} value={<span data-metric="ttv.medianMs">{duration(ttv.medianMs)}</span>} hint={t('analytics.ttv.medianHint')} />
        <Stat label={t('analytics.ttv.p90')} value={<span data-metric="ttv.p90Ms">{duration(ttv.p90Ms)}</span>} hint={t('analytics.ttv.p90Hint')} />
        <Stat label={t('analytics.ttv.km')} value={<span data-metric="ttv.kmMedianMs">{duration(ttv.kmMedianMs)}</span>} hint={t('analytics.ttv.kmHint')} />
        <Stat
          label={t('analytics.ttv.reached')}
          value={<span data-metric="ttv.reachedShare">{format.percent(ttv.reachedShare)}</span>}
          hint={t('analytics.ttv.reachedHint', { reached: format.number(ttv.reached), users: format.number(ttv.users) })}
        />
      </StatGrid>
      <div class="link-row">
        <UsersLink to={usersLink(cohort)}>{t('analytics.ttv.users')}</UsersLink>
        <UsersLink to={usersLink({ ...cohort, reached: true })}>{t('analytics.ttv.reachedUsers')}</UsersLink>
        <UsersLink to={usersLink({ ...cohort, reached: false })}>{t('analytics.ttv.notReachedUsers')}</UsersLink>
      </div>
      <div class="chart-grid">
        <KmChart ttv={ttv} />
        <HistogramChart bins={dist.bins} reached={dist.reached} cohort={cohort} />
      </div>
    </div>
  );
}

function KmChart({ ttv }: { ttv: Ttv }) {
  const { t, format } = useI18n();
  const duration = useDuration();
  const points: KmPoint[] = useMemo(() => (ttv.curve[0]?.time === 0 ? ttv.curve : [{ time: 0, survival: 1, atRisk: ttv.users }, ...ttv.curve]), [ttv]);
  const spec = useMemo<ChartSpec>(
    () => ({
      data: [points.map((p) => p.time / DAY), points.map((p) => p.survival)],
      options: (c) => ({
        scales: { x: { time: false }, y: { range: [0, 1] } },
        legend: { show: false },
        axes: [
          axis(c, (_u, splits) => splits.map((v) => duration(v * DAY))),
          axis(c, (_u, splits) => splits.map((v) => format.percent(v)), { size: 56 }),
        ],
        series: [
          { value: (_u, v) => duration(v * DAY) },
          { label: t('analytics.ttv.kmSeries'), stroke: c.brand, width: 2, fill: `color-mix(in srgb, ${c.brand} 12%, transparent)`, paths: uPlot.paths.stepped!({ align: 1 }), points: { show: false }, value: (_u, v) => format.percent(v) },
        ],
      }),
    }),
    [points, t, format, duration],
  );
  const summary =
    ttv.kmMedianMs === null
      ? t('analytics.ttv.kmSummaryNone', { share: format.percent(ttv.reachedShare) })
      : t('analytics.ttv.kmSummary', { median: duration(ttv.kmMedianMs), share: format.percent(ttv.reachedShare) });
  return (
    <Chart
      title={t('analytics.ttv.kmTitle')}
      summary={summary}
      spec={spec}
      table={{
        rows: points,
        rowKey: (p) => String(p.time),
        columns: [
          { key: 'time', header: t('analytics.ttv.sinceStart'), cell: (p) => duration(p.time) },
          { key: 'survival', header: t('analytics.ttv.notYet'), align: 'end', cell: (p) => format.percent(p.survival) },
          { key: 'atRisk', header: t('analytics.ttv.atRisk'), align: 'end', cell: (p) => format.number(p.atRisk) },
        ],
      }}
    />
  );
}

function HistogramChart({ bins, reached, cohort }: { bins: TtvBin[]; reached: number; cohort: UserFilters }) {
  const { t, format } = useI18n();
  const duration = useDuration();
  const label = (b: TtvBin) => (b.toMs === null ? t('analytics.ttv.binOpen', { from: duration(b.fromMs) }) : b.fromMs === 0 ? t('analytics.ttv.binFirst', { to: duration(b.toMs) }) : `${duration(b.fromMs)} – ${duration(b.toMs)}`);
  const spec = useMemo<ChartSpec>(
    () => ({
      data: [bins.map((_, i) => i), bins.map((b) => b.users)],
      options: (c) => ({
        scales: { x: { time: false, range: [-0.5, bins.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
        legend: { show: false },
        axes: [
          // Ticks name each bar's lower edge (short enough to fit); the table has the full ranges.
          axis(c, (_u, splits) => splits.map((i) => { const b = bins[Math.round(i)]; return b === undefined ? '' : b.toMs === null ? `≥ ${duration(b.fromMs)}` : duration(b.fromMs); }), { splits: () => bins.map((_, i) => i), size: 40 }),
          axis(c, (_u, splits) => splits.map((v) => (Number.isInteger(v) ? format.number(v) : '')), { size: 48 }),
        ],
        series: [{}, hiddenSeries(t('analytics.ttv.usersSeries'), (v) => format.number(v))],
        hooks: { draw: [barsHook(() => bins.map((b) => ({ lo: 0, hi: b.users, color: c.brand })))] },
      }),
    }),
    [bins, t, format, duration],
  );
  const top = bins.reduce<TtvBin | null>((best, b) => (best === null || b.users > best.users ? b : best), null);
  const summary = reached === 0 || top === null ? t('analytics.ttv.histNone') : t('analytics.ttv.histSummary', { reached: format.number(reached), bin: label(top), users: format.number(top.users) });
  return (
    <Chart
      title={t('analytics.ttv.histTitle')}
      summary={summary}
      spec={spec}
      table={{
        rows: bins,
        rowKey: (b) => String(b.fromMs),
        columns: [
          { key: 'bin', header: t('analytics.ttv.bin'), cell: (b) => <a href={usersLink({ ...cohort, ttvFromMs: b.fromMs, ttvToMs: b.toMs ?? undefined })}>{label(b)}</a> },
          { key: 'users', header: t('analytics.ttv.usersSeries'), align: 'end', cell: (b) => format.number(b.users) },
        ],
      }}
    />
  );
}
