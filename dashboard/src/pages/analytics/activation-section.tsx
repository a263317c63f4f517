// Activation: rate over mature cohort users, by weekly start cohort (one call per week bucket) and
// by segment (one call per segment), with links to activated / not activated users.
import { useMemo } from 'preact/hooks';
import { useResource } from '../../shared/use-resource';
import { useI18n } from '../../i18n/context';
import { Stat, StatGrid } from '../../ui';
import type { Activation } from '../../api/metrics';
import { axis, barsHook, Chart, hiddenSeries, type ChartSpec } from './chart';
import { cohortOf, usersLink, weeklyBuckets, type Bucket } from './period';
import { Rebuilding, SectionState, useUtcDate, UsersLink, type SectionProps } from './section';

type Row = { key: string; label: string; data: Activation; link?: string | undefined };

export function ActivationSection({ api, filter, segments }: SectionProps) {
  const data = useResource(async (s) => {
    const buckets = weeklyBuckets(filter.from, filter.to);
    const [total, weeks, bySegment] = await Promise.all([
      api.activation(filter, s),
      Promise.all(buckets.map((b) => api.activation({ ...filter, from: b.from, to: b.to }, s))),
      Promise.all(segments.map((segment) => api.activation({ ...filter, segment }, s))),
    ]);
    return { total, weeks: buckets.map((b, i) => ({ bucket: b, data: weeks[i]! })), bySegment: segments.map((name, i) => ({ name, data: bySegment[i]! })) };
  }, [filter, segments]);
  return (
    <SectionState resource={data} empty={(d) => d.total.users === 0}>
      {(d) => <ActivationView {...d} segment={filter.segment} />}
    </SectionState>
  );
}

function ActivationView({ total, weeks, bySegment, segment }: { total: Activation; weeks: { bucket: Bucket; data: Activation }[]; bySegment: { name: string; data: Activation }[]; segment: string | undefined }) {
  const { t, format } = useI18n();
  const utcDate = useUtcDate();
  const weekRows: Row[] = weeks.map((w) => ({ key: String(w.bucket.from), label: utcDate(w.bucket.from), data: w.data, link: usersLink({ ...cohortOf({ ...w.bucket, segment }), activated: true }) }));
  const segmentRows: Row[] = bySegment.map((s) => ({ key: s.name, label: s.name, data: s.data, link: usersLink({ segment: s.name, activated: true }) }));
  return (
    <div class="stack-lg">
      <Rebuilding data={total} />
      <StatGrid>
        <Stat label={t('analytics.activation.rate')} value={<span data-metric="activation.rate">{format.percent(total.rate)}</span>} hint={t('analytics.activation.rateHint')} />
        <Stat label={t('analytics.activation.activated')} value={<span data-metric="activation.activated">{format.number(total.activated)}</span>} />
        <Stat label={t('analytics.activation.mature')} value={<span data-metric="activation.mature">{format.number(total.mature)}</span>} hint={t('analytics.activation.matureHint')} />
        <Stat label={t('analytics.activation.users')} value={<span data-metric="activation.users">{format.number(total.users)}</span>} />
      </StatGrid>
      <div class="link-row">
        <UsersLink to={usersLink({ segment, activated: true })}>{t('analytics.activation.activatedUsers')}</UsersLink>
        <UsersLink to={usersLink({ segment, activated: false })}>{t('analytics.activation.notActivatedUsers')}</UsersLink>
      </div>
      <div class="chart-grid">
        <RateBars title={t('analytics.activation.byWeek')} rows={weekRows} labelHeader={t('analytics.activation.cohortWeek')} />
        {segmentRows.length > 0 && <RateBars title={t('analytics.activation.bySegment')} rows={segmentRows} labelHeader={t('analytics.segment')} />}
      </div>
    </div>
  );
}

function RateBars({ title, rows, labelHeader }: { title: string; rows: Row[]; labelHeader: string }) {
  const { t, format } = useI18n();
  const spec = useMemo<ChartSpec>(
    () => ({
      data: [rows.map((_, i) => i), rows.map((r) => r.data.rate)],
      options: (c) => ({
        scales: { x: { time: false, range: [-0.5, rows.length - 0.5] }, y: { range: [0, 1] } },
        legend: { show: false },
        axes: [
          axis(c, (_u, splits) => splits.map((i) => rows[Math.round(i)]?.label ?? ''), { splits: () => rows.map((_, i) => i), size: 40 }),
          axis(c, (_u, splits) => splits.map((v) => format.percent(v)), { size: 52 }),
        ],
        series: [{}, hiddenSeries(t('analytics.activation.rate'), (v) => format.percent(v))],
        hooks: { draw: [barsHook(() => rows.map((r) => (r.data.rate === null ? null : { lo: 0, hi: r.data.rate, color: c.success })))] },
      }),
    }),
    [rows, t, format],
  );
  const known = rows.filter((r) => r.data.rate !== null);
  const best = known.reduce<Row | null>((b, r) => (b === null || (r.data.rate ?? 0) > (b.data.rate ?? 0) ? r : b), null);
  const summary = best === null ? t('analytics.activation.noMature') : t('analytics.activation.barsSummary', { n: format.number(known.length), best: best.label, rate: format.percent(best.data.rate) });
  const columns = [
    { key: 'label', header: labelHeader, cell: (r: Row) => (r.link === undefined ? r.label : <a href={r.link}>{r.label}</a>) },
    { key: 'users', header: t('analytics.activation.users'), align: 'end' as const, cell: (r: Row) => format.number(r.data.users) },
    { key: 'mature', header: t('analytics.activation.mature'), align: 'end' as const, cell: (r: Row) => format.number(r.data.mature) },
    { key: 'activated', header: t('analytics.activation.activated'), align: 'end' as const, cell: (r: Row) => format.number(r.data.activated) },
    { key: 'rate', header: t('analytics.activation.rate'), align: 'end' as const, cell: (r: Row) => format.percent(r.data.rate) },
  ];
  return <Chart title={title} summary={summary} spec={spec} table={{ rows, rowKey: (r) => r.key, columns }} />;
}
