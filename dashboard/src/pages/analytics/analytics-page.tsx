// Analytics: time to value, activation, retention, dormancy, NPS and NDR (GET /v1/metrics/*), one
// tab each, all under the same date range and segment. Filters live in the hash query so a view can
// be shared (`#/analytics?from=2026-01-05&to=2026-03-29&segment=SMB`).
import { useMemo, useState } from 'preact/hooks';
import type { MetricFilter, MetricsApi } from '../../api/metrics';
import { href } from '../../shared/router';
import { useApi } from '../../shared/session';
import { useResource } from '../../shared/use-resource';
import { useTitle } from '../../shared/use-title';
import { useI18n } from '../../i18n/context';
import { Card, Field, PageHeader, Tabs } from '../../ui';
import { ActivationSection } from './activation-section';
import { DormancySection } from './dormancy-section';
import { NdrSection } from './ndr-section';
import { NpsSection } from './nps-section';
import { filtersFromHash, hashOfFilters, rangeOf, type Filters } from './period';
import { RetentionSection } from './retention-section';
import type { SectionProps } from './section';
import { TtvSection } from './ttv-section';
import './analytics.css';

/** Tests pass their own API and clock; the app passes nothing. */
export type AnalyticsPageProps = { metrics?: MetricsApi; now?: number };

export function AnalyticsPage({ metrics, now: fixedNow }: AnalyticsPageProps = {}) {
  const { t } = useI18n();
  const api = useApi();
  useTitle(t('analytics.title'));
  const metricsApi = metrics ?? api.metrics;
  const now = useMemo(() => fixedNow ?? Date.now(), [fixedNow]);
  const [filters, setFilters] = useState<Filters>(() => filtersFromHash(window.location.hash, now));
  const settings = useResource(() => api.settings.read(), []);
  const segments = useMemo(() => settings.data?.segments.map((s) => s.name) ?? [], [settings.data]);

  const update = (next: Filters) => {
    setFilters(next);
    // replaceState changes the hash without a hashchange: the page stays mounted, the link is shareable.
    history.replaceState(history.state, '', hashOfFilters('/analytics', next));
  };

  // Every section of one choice of filters is judged as of the same moment: their figures agree,
  // and the server resolves the segment once for all of them.
  const filter = useMemo<MetricFilter>(
    () => ({ ...rangeOf(filters), asOf: fixedNow ?? Date.now(), segment: filters.segment === '' ? undefined : filters.segment }),
    [filters, fixedNow],
  );
  const props: SectionProps = { api: metricsApi, filter, segments, now };
  const tabs = [
    { id: 'ttv', label: t('analytics.ttv'), render: () => <TtvSection {...props} /> },
    { id: 'activation', label: t('analytics.activation'), render: () => <ActivationSection {...props} /> },
    { id: 'retention', label: t('analytics.retention'), render: () => <RetentionSection {...props} /> },
    { id: 'dormancy', label: t('analytics.dormancy'), render: () => <DormancySection {...props} /> },
    { id: 'nps', label: t('analytics.nps'), render: () => <NpsSection {...props} /> },
    { id: 'ndr', label: t('analytics.ndr'), render: () => <NdrSection {...props} /> },
  ];

  return (
    <>
      <PageHeader title={t('analytics.title')} description={t('analytics.description')} />
      <div class="stack-lg">
        <Card>
          <form class="analytics-filters" aria-label={t('analytics.filters')} onSubmit={(e) => e.preventDefault()}>
            <Field label={t('analytics.from')}>
              {(p) => <input {...p} type="date" class="input" value={filters.from} max={filters.to} required onChange={(e) => e.currentTarget.value !== '' && update({ ...filters, from: e.currentTarget.value })} />}
            </Field>
            <Field label={t('analytics.to')}>
              {(p) => <input {...p} type="date" class="input" value={filters.to} min={filters.from} required onChange={(e) => e.currentTarget.value !== '' && update({ ...filters, to: e.currentTarget.value })} />}
            </Field>
            <Field label={t('analytics.segment')} hint={segments.length === 0 && settings.status === 'ready' ? <a href={href('/settings')}>{t('analytics.noSegments')}</a> : undefined}>
              {(p) => (
                <select {...p} class="input" value={filters.segment} onChange={(e) => update({ ...filters, segment: e.currentTarget.value })}>
                  <option value="">{t('analytics.allSegments')}</option>
                  {segments.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              )}
            </Field>
          </form>
        </Card>
        <Card>
          <Tabs label={t('analytics.sections')} tabs={tabs} />
        </Card>
      </div>
    </>
  );
}
