// "Events received": the latest stored messages, live, with a clear waiting state until the first.
import { isoOf } from '../../i18n/format';
import { href, pathTo } from '../../shared/router';
import { useI18n } from '../../i18n/context';
import { Badge, Card, EmptyState, ErrorState, IconSignal, Spinner, type Tone } from '../../ui';
import { labelOf } from './recent-events';
import { useLiveEvents } from './use-live-events';

const TYPE_TONES: Record<string, Tone> = { track: 'brand', page: 'info', identify: 'success', group: 'warning' };

export function LiveEventsPanel() {
  const { t, format } = useI18n();
  const live = useLiveEvents();

  return (
    <Card
      title={t('install.live.title')}
      description={t('install.live.description')}
      actions={
        <span class="live-indicator">
          <span class="live-dot" aria-hidden="true" />
          {t('install.live.polling')}
        </span>
      }
    >
      <p class="sr-only" aria-live="polite">
        {live.received > 0 ? t('install.live.received', { count: live.received }) : ''}
      </p>
      {!live.loaded ? (
        <Spinner />
      ) : live.error !== null && live.events.length === 0 ? (
        <ErrorState error={live.error} />
      ) : live.events.length === 0 ? (
        <EmptyState icon={<IconSignal />} title={t('install.live.waiting')}>
          <p>{t('install.live.waitingHint')}</p>
        </EmptyState>
      ) : (
        <ol class="event-feed">
          {live.events.map((e) => (
            <li key={e.id} class={live.fresh.has(e.id) ? 'event-row is-new' : 'event-row'}>
              <Badge tone={TYPE_TONES[e.type] ?? 'neutral'}>{e.type}</Badge>
              <span class="event-name">{labelOf(e)}</span>
              <span class="event-who">
                {e.userId !== null ? <a href={href(pathTo('/users', e.userId))}>{e.userId}</a> : (e.anonymousId ?? '')}
              </span>
              <time class="event-time" dateTime={isoOf(e.timestamp)} title={format.dateTime(e.timestamp)}>
                {format.ago(e.receivedAt ?? e.timestamp)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
