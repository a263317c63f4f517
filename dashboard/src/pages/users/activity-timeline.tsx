import type { UserDetail } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { timelineOf } from './timeline';

export function ActivityTimeline({ user }: { user: UserDetail }) {
  const { t, format } = useI18n();
  const days = timelineOf(user);
  if (days.length === 0) return <p class="muted">{t('user.noActivity')}</p>;
  return (
    <ol class="timeline">
      {days.map((d) => (
        <li key={d.day} class="timeline-day">
          <div class="timeline-head">
            <span class="strong">{format.day(d.day)}</span>
            {d.firstAt !== null && d.lastAt !== null && (
              <span class="muted small">{t('user.activeBetween', { from: format.time(d.firstAt), to: format.time(d.lastAt) })}</span>
            )}
          </div>
          {d.events.length > 0 && (
            <ul class="timeline-events">
              {d.events.map((e) => (
                <li key={e.event}>
                  <span class="event-name">{e.event}</span>
                  {e.count > 1 && <span class="muted small"> ×{format.number(e.count)}</span>}
                  <span class="muted small"> · {format.time(e.lastAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
