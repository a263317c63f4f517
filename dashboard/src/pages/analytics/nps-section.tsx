// NPS over the range, its weekly trend (one call per week bucket) and the latest comments
// (GET /v1/metrics/nps/comments), each linked to the user who wrote it.
import { useMemo } from 'preact/hooks';
import { href, pathTo } from '../../shared/router';
import { useResource } from '../../shared/use-resource';
import { useI18n } from '../../i18n/context';
import { Badge, Card, Stat, StatGrid } from '../../ui';
import type { Nps, NpsComment } from '../../api/metrics';
import { axis, Chart, type ChartSpec } from './chart';
import { weeklyBuckets, type Bucket } from './period';
import { Rebuilding, SectionState, useUtcDate, type SectionProps } from './section';

const COMMENTS = 10;

export function NpsSection({ api, filter }: SectionProps) {
  const data = useResource(async (s) => {
    const buckets = weeklyBuckets(filter.from, filter.to);
    const [total, weeks, comments] = await Promise.all([
      api.nps(filter, s),
      Promise.all(buckets.map((b) => api.nps({ ...filter, from: b.from, to: b.to }, s))),
      api.npsComments(filter, COMMENTS, s),
    ]);
    return { total, weeks: buckets.map((bucket, i) => ({ bucket, data: weeks[i]! })), comments: comments.comments };
  }, [filter]);
  return <SectionState resource={data} empty={(d) => d.total.respondents === 0 && d.comments.length === 0}>{(d) => <NpsView {...d} />}</SectionState>;
}

function NpsView({ total, weeks, comments }: { total: Nps; weeks: { bucket: Bucket; data: Nps }[]; comments: NpsComment[] }) {
  const { t, format } = useI18n();
  const utcDate = useUtcDate();
  const spec = useMemo<ChartSpec>(
    () => ({
      data: [weeks.map((_, i) => i), weeks.map((w) => w.data.nps)],
      options: (c) => ({
        scales: { x: { time: false, range: [-0.5, Math.max(0.5, weeks.length - 0.5)] }, y: { range: [-100, 100] } },
        legend: { show: false },
        axes: [
          axis(c, (_u, splits) => splits.map((i) => { const w = weeks[Math.round(i)]; return w === undefined ? '' : utcDate(w.bucket.from); }), { splits: () => weeks.map((_, i) => i), size: 40 }),
          axis(c, (_u, splits) => splits.map((v) => format.number(v)), { size: 48 }),
        ],
        series: [{}, { label: t('analytics.nps.score'), stroke: c.brand, width: 2, spanGaps: true, points: { show: true, size: 6, fill: c.brand }, value: (_u, v) => format.number(v) }],
      }),
    }),
    [weeks, t, format, utcDate],
  );
  const answered = weeks.filter((w) => w.data.nps !== null);
  const summary = answered.length === 0 ? t('analytics.nps.trendNone') : t('analytics.nps.trendSummary', { n: format.number(answered.length), first: format.number(answered[0]!.data.nps), last: format.number(answered.at(-1)!.data.nps) });
  return (
    <div class="stack-lg">
      <Rebuilding data={total} />
      <StatGrid>
        <Stat label={t('analytics.nps.score')} value={<span data-metric="nps.nps">{format.number(total.nps)}</span>} hint={t('analytics.nps.scoreHint')} />
        <Stat label={t('analytics.nps.respondents')} value={<span data-metric="nps.respondents">{format.number(total.respondents)}</span>} />
        <Stat label={t('analytics.nps.promoters')} value={format.number(total.promoters)} />
        <Stat label={t('analytics.nps.passives')} value={format.number(total.passives)} />
        <Stat label={t('analytics.nps.detractors')} value={format.number(total.detractors)} />
      </StatGrid>
      <Chart
        title={t('analytics.nps.trend')}
        summary={summary}
        spec={spec}
        table={{
          rows: weeks,
          rowKey: (w) => String(w.bucket.from),
          columns: [
            { key: 'week', header: t('analytics.week'), cell: (w) => utcDate(w.bucket.from) },
            { key: 'respondents', header: t('analytics.nps.respondents'), align: 'end', cell: (w) => format.number(w.data.respondents) },
            { key: 'promoters', header: t('analytics.nps.promoters'), align: 'end', cell: (w) => format.number(w.data.promoters) },
            { key: 'passives', header: t('analytics.nps.passives'), align: 'end', cell: (w) => format.number(w.data.passives) },
            { key: 'detractors', header: t('analytics.nps.detractors'), align: 'end', cell: (w) => format.number(w.data.detractors) },
            { key: 'nps', header: t('analytics.nps.score'), align: 'end', cell: (w) => format.number(w.data.nps) },
          ],
        }}
      />
      <Card title={t('analytics.nps.comments')}>
        {comments.length === 0 ? (
          <p class="muted">{t('analytics.nps.noComments')}</p>
        ) : (
          <ul class="comment-list">
            {comments.map((c) => (
              <li key={`${c.userId}-${c.at}`} class="comment">
                <Badge tone={c.score >= 9 ? 'success' : c.score >= 7 ? 'neutral' : 'danger'}>{t('analytics.nps.scoreOf', { score: format.number(c.score) })}</Badge>
                <blockquote class="comment-text">{c.comment}</blockquote>
                <span class="muted small">
                  <a href={href(pathTo('/users', c.userId))}>{c.userId}</a> · <time dateTime={c.at}>{format.dateTime(c.at)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
