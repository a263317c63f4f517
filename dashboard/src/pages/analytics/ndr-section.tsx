// Net dollar retention: begin → upgrades → downgrades → churn → end as a waterfall, the accounts
// paying at the start of the range (segment judged then).
import { useMemo } from 'preact/hooks';
import { useResource } from '../../shared/use-resource';
import { useI18n } from '../../i18n/context';
import { Stat, StatGrid } from '../../ui';
import type { Ndr } from '../../api/metrics';
import { axis, barsHook, Chart, hiddenSeries, type ChartSpec } from './chart';
import { Rebuilding, SectionState, UsersLink, type SectionProps } from './section';
import type { ChartColors } from './theme-colors';

type Step = { key: string; label: string; value: number; lo: number; hi: number; tone: keyof ChartColors };

export function waterfall(d: Ndr, label: (key: string) => string): Step[] {
  const afterUp = d.beginMrr + d.upgrades;
  const afterDown = afterUp - d.downgrades;
  return [
    { key: 'begin', label: label('begin'), value: d.beginMrr, lo: 0, hi: d.beginMrr, tone: 'brand' },
    { key: 'upgrades', label: label('upgrades'), value: d.upgrades, lo: d.beginMrr, hi: afterUp, tone: 'success' },
    { key: 'downgrades', label: label('downgrades'), value: -d.downgrades, lo: afterDown, hi: afterUp, tone: 'warning' },
    { key: 'churn', label: label('churn'), value: -d.churn, lo: afterDown - d.churn, hi: afterDown, tone: 'danger' },
    { key: 'end', label: label('end'), value: d.endMrr, lo: 0, hi: d.endMrr, tone: 'brand' },
  ];
}

export function NdrSection({ api, filter }: SectionProps) {
  const data = useResource((s) => api.ndr(filter, s), [filter]);
  return <SectionState resource={data} empty={(d) => d.accounts === 0}>{(d) => <NdrView data={d} segment={filter.segment} />}</SectionState>;
}

function NdrView({ data, segment }: { data: Ndr; segment: string | undefined }) {
  const { t, format } = useI18n();
  const steps = useMemo(() => waterfall(data, (k) => t(`analytics.ndr.${k}` as 'analytics.ndr.begin')), [data, t]);
  const spec = useMemo<ChartSpec>(
    () => ({
      data: [steps.map((_, i) => i), steps.map((s) => s.hi)],
      options: (c) => ({
        scales: { x: { time: false, range: [-0.5, steps.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
        legend: { show: false },
        axes: [
          axis(c, (_u, splits) => splits.map((i) => steps[Math.round(i)]?.label ?? ''), { splits: () => steps.map((_, i) => i), size: 40 }),
          axis(c, (_u, splits) => splits.map((v) => format.number(v)), { size: 64 }),
        ],
        series: [{}, hiddenSeries(t('analytics.ndr.mrr'), (v) => format.number(v))],
        hooks: { draw: [barsHook(() => steps.map((s) => ({ lo: s.lo, hi: s.hi, color: c[s.tone] })))] },
      }),
    }),
    [steps, t, format],
  );
  const signed = (n: number) => (n > 0 ? `+${format.number(n)}` : format.number(n));
  const summary = t('analytics.ndr.summary', {
    begin: format.number(data.beginMrr), end: format.number(data.endMrr), upgrades: format.number(data.upgrades),
    downgrades: format.number(data.downgrades), churn: format.number(data.churn), ndr: format.percent(data.ndr),
  });
  return (
    <div class="stack-lg">
      <Rebuilding data={data} />
      <StatGrid>
        <Stat label={t('analytics.ndr.ndr')} value={<span data-metric="ndr.ndr">{format.percent(data.ndr)}</span>} hint={t('analytics.ndr.ndrHint')} />
        <Stat label={t('analytics.ndr.begin')} value={<span data-metric="ndr.beginMrr">{format.number(data.beginMrr)}</span>} />
        <Stat label={t('analytics.ndr.end')} value={<span data-metric="ndr.endMrr">{format.number(data.endMrr)}</span>} />
        <Stat label={t('analytics.ndr.accounts')} value={<span data-metric="ndr.accounts">{format.number(data.accounts)}</span>} hint={<UsersLink to={`#/accounts${segment === undefined ? '' : `?segment=${encodeURIComponent(segment)}`}`}>{t('analytics.ndr.viewAccounts')}</UsersLink>} />
      </StatGrid>
      <Chart
        title={t('analytics.ndr.waterfall')}
        summary={summary}
        spec={spec}
        table={{
          rows: steps,
          rowKey: (s) => s.key,
          columns: [
            { key: 'label', header: t('analytics.ndr.step'), cell: (s) => s.label },
            { key: 'value', header: t('analytics.ndr.mrr'), align: 'end', cell: (s) => (s.key === 'begin' || s.key === 'end' ? format.number(s.value) : signed(s.value)) },
          ],
        }}
      />
    </div>
  );
}
