// Published versions, newest first (GET /v1/flows/:id/versions), with how many users are on each:
// the version of the latest step each user saw.
import { Loaded } from '../../../shared/loaded';
import { useResource } from '../../../shared/use-resource';
import { useI18n } from '../../../i18n/context';
import { Badge, EmptyState, Table, type Column } from '../../../ui';
import type { FlowsApi } from '../../../api/flows';
import type { FlowVersion } from '../../../api/flow-types';

export function VersionsPanel({ api, id, live }: { api: FlowsApi; id: string; live: number | null }) {
  const { t, format } = useI18n();
  const versions = useResource(() => api.versions(id), [id, live]);
  const columns: Column<FlowVersion>[] = [
    { key: 'version', header: t('flows.versions.version'), cell: (v) => <span class="strong">v{v.version} {v.version === live && <Badge tone="success">{t('flows.versions.live')}</Badge>}</span> },
    { key: 'at', header: t('flows.versions.publishedAt'), cell: (v) => format.dateTime(v.publishedAt) },
    { key: 'steps', header: t('flows.versions.steps'), align: 'end', cell: (v) => format.number(v.definition.steps.length) },
    { key: 'name', header: t('flows.versions.name'), cell: (v) => v.definition.name },
    { key: 'users', header: t('flows.versions.users'), align: 'end', cell: (v) => format.number(v.users) },
  ];
  return (
    <Loaded resource={versions}>
      {({ versions: rows }) => (
        <div class="stack">
          <Table caption={t('flows.versions.caption')} columns={columns} rows={rows} rowKey={(v) => String(v.version)} empty={<EmptyState title={t('flows.versions.none')} />} />
        </div>
      )}
    </Loaded>
  );
}
