import { useI18n } from '../i18n/context';
import { Button } from './button';
import { FormError } from './field';

/** The button under a paged list: busy while the next page loads; after a failure, why, and a retry. */
export function LoadMore({ busy, error, onLoad }: { busy: boolean; error: string | undefined; onLoad: () => void }) {
  const { t } = useI18n();
  return (
    <div class="load-more">
      <FormError message={error} />
      <Button onClick={onLoad} busy={busy}>{error === undefined ? t('common.loadMore') : t('common.retry')}</Button>
    </div>
  );
}
