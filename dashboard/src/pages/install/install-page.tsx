// Install: the write key, the script tag and an identify/group example, beside the live feed that
// proves it works.
import { useSession } from '../../shared/session';
import { useTitle } from '../../shared/use-title';
import { useI18n } from '../../i18n/context';
import { Card, CodeBlock, CopyButton, PageHeader } from '../../ui';
import { LiveEventsPanel } from './live-events-panel';
import { IDENTIFY_EXAMPLE, QUEUE_SNIPPET, scriptTag } from './snippets';

export function InstallPage() {
  const { t } = useI18n();
  const { workspace } = useSession();
  useTitle(t('install.title'));
  const origin = window.location.origin;

  return (
    <>
      <PageHeader title={t('install.title')} description={t('install.description')} />
      <div class="install-grid">
        <div class="stack-lg">
          <Card title={t('install.key.title')} description={t('install.key.description')}>
            <div class="key-row">
              <code class="key">{workspace.writeKey}</code>
              <CopyButton text={workspace.writeKey} />
            </div>
          </Card>
          <Card title={t('install.snippet.title')} description={t('install.snippet.description')}>
            <CodeBlock label={t('install.snippet.title')} code={scriptTag(origin, workspace.writeKey)} />
            <details class="details">
              <summary>{t('install.queue.summary')}</summary>
              <p class="muted">{t('install.queue.body')}</p>
              <CodeBlock label={t('install.queue.summary')} code={QUEUE_SNIPPET} />
            </details>
          </Card>
          <Card title={t('install.identify.title')} description={t('install.identify.description')}>
            <CodeBlock label={t('install.identify.title')} code={IDENTIFY_EXAMPLE} />
          </Card>
        </div>
        <LiveEventsPanel />
      </div>
    </>
  );
}
