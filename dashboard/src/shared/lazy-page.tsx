// A page whose code loads on first visit: each area is its own chunk, so the first screen downloads
// only the shell and the page it shows. A failed load (usually a deploy that renamed the chunks)
// offers a reload, which fetches the new ones.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { Button, EmptyState, IconAlert, PageLoading } from '../ui';

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LazyPage(props: P) {
    const [, setReady] = useState(false);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded !== null) return;
      let live = true;
      (loading ??= load()).then(
        (page) => {
          loaded = page;
          if (live) setReady(true);
        },
        () => {
          loading = null;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded !== null) {
      const Page = loaded;
      return <Page {...props} />;
    }
    return failed ? <LoadFailed /> : <PageLoading />;
  };
}

function LoadFailed() {
  const { t } = useI18n();
  return (
    <EmptyState icon={<IconAlert />} title={t('common.loadFailed')} action={<Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>}>
      <p>{t('common.pageLoadFailed')}</p>
    </EmptyState>
  );
}
