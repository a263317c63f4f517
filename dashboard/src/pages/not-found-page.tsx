import { href } from '../shared/router';
import { useTitle } from '../shared/use-title';
import { useI18n } from '../i18n/context';
import { EmptyState, LinkButton } from '../ui';

export function NotFoundPage() {
  const { t } = useI18n();
  useTitle(t('notFound.title'));
  return (
    <EmptyState title={<h1 class="page-title">{t('notFound.title')}</h1>} action={<LinkButton href={href('/flows')}>{t('notFound.home')}</LinkButton>}>
      <p>{t('notFound.body')}</p>
    </EmptyState>
  );
}
