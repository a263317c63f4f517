// Active, dormant and reactivated users now (at the end of the range), and their trend: up to 12
// evaluation moments across the range, reactivations counted between consecutive moments.
import { useMemo } from 'preact/hooks';
import { useResource } from '../../shared/use-resource';
import { useI18n } from '../../i18n/context';
import { Stat, StatGrid } from '../../ui';
import type { Dormancy } from '../../api/metrics';
import { axis, Chart, type ChartSpec } from './chart';
import { samplePoints, usersLink } from './period';
import { Rebuilding, SectionState, UsersLink, type SectionProps } from './section';

type Point = { at: number; data: Dormancy };

export function DormancySection({ api, filter, now }: SectionProps) {
  const data = useResource(async (s) => {
    const end = Math.min(filter.to, now);
    const points = samplePoints(filter.from, end);
    const [current, trend] = await Promise.all([
      api.dormancy({ ...filter, asOf: end }, s),
      Promise.all(points.map((at, i) => api.dormancy({ segment: filter.segment, from: i === 0 ? filter.from : points[i - 1]!, to: Math.max(at, (i === 0 ? filter.from : points[i - 1]!) + 1), asOf: at }, s))),
    ]);
    return { current, trend: points.map((at, i) => ({ at, data: trend[i]! })) };
  }, [filter, now]);
  return (
    <SectionState resource={data} empty={(d) => d.current.active + d.current.dormant === 0}>
      {(d) => <DormancyView {...d} segment={filter.segment} period={{ from: filter.from, to: Math.min(filter.to, now) }} />}
    </SectionState>
  );
}

function DormancyView({ current, trend, segment, period }: { current: Dormancy; trend: Point[]; segment: string | undefined; period: { from: number; to: number } }) {
  const { t, format } = useI18n();
  const spec = useMemo<ChartSpec>(
    () => ({
      data: [trend.map((p) => p.at / 1000), trend.map((p) => p.data.active), trend.map((p) => p.data.dormant), trend.map((p) => p.data.reactivated)],
      options: (c) => ({
        scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
        // Short dates, at least 80 px apart, so the labels never run into each other.
        axes: [axis(c, (_u, splits) => splits.map((v) => format.monthDay(v * 1000)), { space: 80 }), axis(c, (_u, splits) => splits.map((v) => (Number.isInteger(v) ? format.number(v) : '')), { size: 52 })],
        series: [
          // No point under the cursor: v is null (a date of 0 would read 1 January 1970).
          { value: (_u, v) => format.date(v === null ? null : v * 1000) },
          { label: t('analytics.dormancy.active'), stroke: c.success, width: 2, value: (_u, v) => format.number(v) },
          { label: t('analytics.dormancy.dormant'), stroke: c.warning, width: 2, value: (_u, v) => format.number(v) },
          { label: t('analytics.dormancy.reactivated'), stroke: c.info, width: 2, dash: [6, 4], value: (_u, v) => format.number(v) },
        ],
      }),
    }),
    [trend, t, format],
  );
  const first = trend[0];
  const summary = first === undefined ? '' : t('analytics.dormancy.summary', { from: format.date(first.at), dormantFrom: format.number(first.data.dormant), dormantTo: format.number(current.dormant), reactivated: format.number(current.reactivated) });
  return (
    <div class="stack-lg">
      <Rebuilding data={current} />
      <StatGrid>
        <Stat label={t('analytics.dormancy.active')} value={<span data-metric="dormancy.active">{format.number(current.active)}</span>} hint={<UsersLink to={usersLink({ segment, dormant: false })}>{t('analytics.viewUsers')}</UsersLink>} />
        <Stat label={t('analytics.dormancy.dormant')} value={<span data-metric="dormancy.dormant">{format.number(current.dormant)}</span>} hint={<UsersLink to={usersLink({ segment, dormant: true })}>{t('analytics.viewUsers')}</UsersLink>} />
        <Stat label={t('analytics.dormancy.reactivated')} value={<span data-metric="dormancy.reactivated">{format.number(current.reactivated)}</span>} hint={<>{t('analytics.dormancy.reactivatedHint')} <UsersLink to={usersLink({ segment, returnedFrom: period.from, returnedTo: period.to })}>{t('analytics.viewUsers')}</UsersLink></>} />
      </StatGrid>
      <Chart
        title={t('analytics.dormancy.trend')}
        summary={summary}
        spec={spec}
        table={{
          rows: trend,
          rowKey: (p) => String(p.at),
          columns: [
            { key: 'at', header: t('analytics.dormancy.asOf'), cell: (p) => format.dateTime(p.at) },
            { key: 'active', header: t('analytics.dormancy.active'), align: 'end', cell: (p) => format.number(p.data.active) },
            { key: 'dormant', header: t('analytics.dormancy.dormant'), align: 'end', cell: (p) => format.number(p.data.dormant) },
            { key: 'reactivated', header: t('analytics.dormancy.reactivatedSince'), align: 'end', cell: (p) => format.number(p.data.reactivated) },
          ],
        }}
        footer={<p class="muted small">{t('analytics.dormancy.note')}</p>}
      />
    </div>
  );
}
