import { useI18n } from '../i18n/context';

/** An indeterminate spinner; `label` is read by screen readers (defaults to "Loading…"). */
export function Spinner({ size = 'md', label }: { size?: 'sm' | 'md'; label?: string }) {
  const { t } = useI18n();
  return (
    <span class={`spinner spinner-${size}`} role="status">
      <span class="sr-only">{label ?? t('common.loading')}</span>
    </span>
  );
}

/** A spinner centred in the content area while a page loads. */
export function PageLoading() {
  return (
    <div class="page-loading">
      <Spinner />
    </div>
  );
}
