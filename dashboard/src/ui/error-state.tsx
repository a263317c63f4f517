import { ApiError } from '../api/errors';
import { useI18n } from '../i18n/context';
import { Button } from './button';
import { EmptyState } from './empty-state';
import { IconAlert } from './icons';

/** A failed load: the API's own message, and a retry. 404s read as "not found", not "broken". */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <EmptyState
      icon={<IconAlert />}
      title={notFound ? t('common.notFound') : t('common.loadFailed')}
      action={!notFound && onRetry !== undefined ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    >
      <p>{error.message}</p>
    </EmptyState>
  );
}
