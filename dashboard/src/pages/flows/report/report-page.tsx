// A flow's report (#/flows/:id/report): date range, funnel with drop-off, completed / dismissed,
// missing targets, and exposed vs holdout comparisons in plain words (METRICS.md "Flows").
import { useState } from 'preact/hooks';
import { Loaded } from '../../../shared/loaded';
import { href, pathTo } from '../../../shared/router';
import { useResource } from '../../../shared/use-resource';
import { useTitle } from '../../../shared/use-title';
import { useI18n } from '../../../i18n/context';
import { Card, PageHeader, Stat, StatGrid } from '../../../ui';
import { useApi } from '../../../shared/session';
import type { FlowReport } from '../../../api/flow-types';
import { Comparisons } from './comparisons';
import { Funnel } from './funnel';
import { MissingTargets } from './missing-targets';
import { rangeQuery, type RangeChoice } from './range';

export function FlowReportPage({ id }: { id: string }) {
  const { t, format } = useI18n();
  const api = useApi().flows;
  const [range, setRange] = useState<RangeChoice>({ preset: 'default' });
  const flow = useResource(() => api.read(id), [id]);
  const report = useResource((signal) => api.report(id, rangeQuery(range, Date.now()), signal), [id, JSON.stringify(range)]);
  const name = flow.status === 'ready' ? flow.data.name : id;
  useTitle(t('flows.report.title', { name }));

  return (
    <>
      <PageHeader
        title={t('flows.report.title', { name })}
        back={<a href={href(pathTo('/flows', id))}>← {t('flows.report.backToEditor')}</a>}
        actions={<RangePicker range={range} onChange={setRange} />}
      />
      <Loaded resource={report}>
        {(r: FlowReport) => (
          <>
            <p class="small muted">{t('flows.report.period', { from: format.dateTime(r.query.from), to: format.dateTime(r.query.to) })}</p>
            <Card>
              <StatGrid>
                <Stat label={t('flows.report.started')} value={format.number(r.started)} />
                <Stat label={t('flows.report.completed')} value={format.number(r.completed)} hint={r.started > 0 ? t('flows.report.ofStarted', { share: format.percent(r.completed / r.started) }) : undefined} />
                <Stat label={t('flows.report.dismissed')} value={format.number(r.dismissed)} hint={r.started > 0 ? t('flows.report.ofStarted', { share: format.percent(r.dismissed / r.started) }) : undefined} />
                <Stat label={t('flows.report.targetMissing')} value={format.number(r.targetMissing)} />
                <Stat label={t('flows.report.heldOut')} value={format.number(r.heldOut)} hint={t('flows.report.holdoutShare', { share: format.percent(r.holdoutShare) })} />
              </StatGrid>
            </Card>
            <Card title={t('flows.report.funnel')} description={t('flows.report.funnelHint')}>
              <Funnel report={r} steps={flow.status === 'ready' ? flow.data.steps : []} />
            </Card>
            {r.missingTargets.length > 0 && (
              <Card title={t('flows.report.missing')} description={t('flows.report.missingHint')}>
                <MissingTargets rows={r.missingTargets} />
              </Card>
            )}
            <Comparisons report={r} />
          </>
        )}
      </Loaded>
    </>
  );
}

function RangePicker({ range, onChange }: { range: RangeChoice; onChange: (r: RangeChoice) => void }) {
  const { t } = useI18n();
  return (
    <div class="flow-row">
      <select class="input input-sm" aria-label={t('flows.report.range')} value={range.preset} onChange={(e) => onChange({ preset: e.currentTarget.value as RangeChoice['preset'] })}>
        <option value="default">{t('flows.report.range.default')}</option>
        <option value="7">{t('flows.report.range.days', { n: 7 })}</option>
        <option value="30">{t('flows.report.range.days', { n: 30 })}</option>
        <option value="90">{t('flows.report.range.days', { n: 90 })}</option>
        <option value="custom">{t('flows.report.range.custom')}</option>
      </select>
      {range.preset === 'custom' && (
        <>
          <input class="input input-sm" type="date" aria-label={t('flows.report.from')} value={range.from ?? ''} onChange={(e) => onChange({ ...range, from: e.currentTarget.value })} />
          <input class="input input-sm" type="date" aria-label={t('flows.report.to')} value={range.to ?? ''} onChange={(e) => onChange({ ...range, to: e.currentTarget.value })} />
        </>
      )}
    </div>
  );
}
