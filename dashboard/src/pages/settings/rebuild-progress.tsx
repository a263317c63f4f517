import type { RebuildStatus } from '../../api/types';
import { useI18n } from '../../i18n/context';

/** The background rebuild after a change of value event, activation or dormancy threshold (docs/metrics.md). */
export function RebuildProgress({ rebuild }: { rebuild: RebuildStatus }) {
  const { t, format } = useI18n();
  if (!rebuild.running) {
    return rebuild.finishedAt === null ? null : <p class="muted">{t('settings.rebuild.finished', { when: format.dateTime(rebuild.finishedAt) })}</p>;
  }
  return (
    <div class="rebuild" role="status">
      <p>
        <strong>{t('settings.rebuild.running')}</strong> {t('settings.rebuild.progress', { done: format.number(rebuild.done), total: format.number(rebuild.total) })}
      </p>
      <progress max={Math.max(1, rebuild.total)} value={rebuild.done} aria-label={t('settings.rebuild.running')} />
      <p class="muted">{t('settings.rebuild.hint')}</p>
    </div>
  );
}
