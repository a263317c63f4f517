// What every Analytics section shares: the filter it reads, loading / error / "no events yet"
// states, human durations in the locale, and links to the users behind a figure.
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { href } from '../../shared/router';
import type { Resource } from '../../shared/use-resource';
import { useI18n } from '../../i18n/context';
import { EmptyState, ErrorState, IconAlert, LinkButton, Spinner } from '../../ui';
import type { MetricFilter, MetricsApi } from '../../api/metrics';
import { humanDuration } from './period';

export type SectionProps = {
  api: MetricsApi;
  /** [from, to) of the page's range, and the segment (undefined = everyone). */
  filter: MetricFilter;
  /** The workspace's segment names, in settings order. */
  segments: readonly string[];
  now: number;
};

export function SectionState<T>({ resource, empty, children }: { resource: Resource<T> & { reload: () => void }; empty: (data: T) => boolean; children: (data: T) => ComponentChildren }) {
  const { t } = useI18n();
  if (resource.status === 'loading') return <div class="analytics-loading"><Spinner label={t('common.loading')} /></div>;
  if (resource.status === 'error') return <ErrorState error={resource.error} onRetry={resource.reload} />;
  if (empty(resource.data)) return <NoEvents />;
  return <>{children(resource.data)}</>;
}

export function NoEvents() {
  const { t } = useI18n();
  return (
    <EmptyState icon={<IconAlert />} title={t('analytics.empty')} action={<LinkButton href={href('/install')} variant="primary">{t('analytics.emptyAction')}</LinkButton>}>
      <p>{t('analytics.emptyHint')}</p>
    </EmptyState>
  );
}

/** "2 d 4 h" in the reader's language. */
export function useDuration() {
  const { t, format } = useI18n();
  return useMemo(() => {
    const units = {
      d: (n: string) => t('analytics.unit.d', { n }),
      h: (n: string) => t('analytics.unit.h', { n }),
      min: (n: string) => t('analytics.unit.min', { n }),
      lessThanMinute: t('analytics.unit.lessThanMinute'),
    };
    return (ms: number | null | undefined) => humanDuration(ms, units, format.number);
  }, [t, format]);
}

export function UsersLink({ to, children }: { to: string; children: ComponentChildren }) {
  return <a class="users-link" href={to}>{children} →</a>;
}

export function Rebuilding({ data }: { data: { rebuilding?: { done: number; total: number } | undefined; note?: string | undefined } }) {
  const { t, format } = useI18n();
  return (
    <>
      {data.rebuilding !== undefined && <p class="muted small" role="status">{t('analytics.rebuilding', { done: format.number(data.rebuilding.done), total: format.number(data.rebuilding.total) })}</p>}
      {data.note !== undefined && <p class="muted small">{data.note}</p>}
    </>
  );
}

/** A UTC day (cohort weeks, week buckets) as a medium date in the locale, wherever the reader is. */
export function useUtcDate() {
  const { locale } = useI18n();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return (t: number | string) => f.format(typeof t === 'string' ? new Date(`${t}T00:00:00Z`) : new Date(t));
  }, [locale]);
}
