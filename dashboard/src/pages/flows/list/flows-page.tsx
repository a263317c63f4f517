// Flows: every flow with kind, status, live version and its key numbers (started, completion
// rate, from GET /v1/flows/:id/report, loaded per row), search, kind filter and "New flow".
import type { Flow } from '@onward/server/contracts';
import { useMemo, useRef, useState } from 'preact/hooks';
import { Loaded } from '../../../shared/loaded';
import { href, pathTo } from '../../../shared/router';
import { useApi } from '../../../shared/session';
import { useResource } from '../../../shared/use-resource';
import { useTitle } from '../../../shared/use-title';
import { useI18n } from '../../../i18n/context';
import { Badge, Button, Card, EmptyState, IconFlows, PageHeader, Table, type Column } from '../../../ui';
import { FLOW_KINDS, type FlowKind } from '../editor/starters';
import type { FlowReport } from '../../../api/flow-types';
import { NewFlowChooser } from './new-flow';
import { ReportCell } from './report-cell';
import { filterFlows } from './filter';

export function FlowsPage() {
  const { t, format } = useI18n();
  const api = useApi().flows;
  useTitle(t('flows.list.title'));
  const flows = useResource(() => api.list(), []);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<FlowKind | ''>('');
  const [choosing, setChoosing] = useState(false);
  // One report request per flow, shared by its two cells.
  const reports = useRef(new Map<string, Promise<FlowReport>>());
  const report = (id: string) => {
    let p = reports.current.get(id);
    if (p === undefined) {
      p = api.report(id);
      reports.current.set(id, p);
    }
    return p;
  };

  const columns: Column<Flow>[] = useMemo(() => [
    {
      key: 'name',
      header: t('flows.list.name'),
      cell: (f) => (
        <a class="row-link" href={href(pathTo('/flows', f.id))}>
          <span class="strong">{f.name}</span>
          <span class="muted small">{f.id}</span>
        </a>
      ),
    },
    { key: 'kind', header: t('flows.list.kind'), cell: (f) => <Badge tone="info">{t(`flows.kindName.${f.kind}`)}</Badge> },
    {
      key: 'status',
      header: t('flows.list.status'),
      cell: (f) =>
        f.status === 'published' ? <Badge tone="success">{t('flows.list.publishedV', { version: f.publishedVersion ?? '' })}</Badge>
        : f.publishedVersion !== null ? <Badge tone="warning">{t('flows.list.unpublished')}</Badge>
        : <Badge>{t('flows.list.draft')}</Badge>,
    },
    { key: 'version', header: t('flows.list.lastVersion'), align: 'end', cell: (f) => (f.publishedVersion === null ? <span class="muted">—</span> : `v${f.publishedVersion}`) },
    { key: 'started', header: t('flows.list.started'), align: 'end', cell: (f) => <ReportCell load={() => report(f.id)} show={(r) => format.number(r.started)} /> },
    { key: 'completion', header: t('flows.list.completion'), align: 'end', cell: (f) => <ReportCell load={() => report(f.id)} show={(r) => (r.started === 0 ? '—' : format.percent(r.completed / r.started))} /> },
    { key: 'updated', header: t('flows.list.updated'), cell: (f) => <span title={format.dateTime(f.updatedAt)}>{format.ago(f.updatedAt)}</span> },
    { key: 'report', header: <span class="sr-only">{t('flows.list.reportLink')}</span>, cell: (f) => <a href={href(`${pathTo('/flows', f.id)}/report`)} aria-label={t('flows.list.reportOf', { name: f.name })}>{t('flows.list.reportLink')}</a> },
  ], [t, format]);

  return (
    <>
      <PageHeader
        title={t('flows.list.title')}
        description={t('flows.list.description')}
        actions={<Button variant="primary" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>{t('flows.list.new')}</Button>}
      />
      {choosing && <NewFlowChooser onClose={() => setChoosing(false)} />}
      <Card>
        <div class="filters">
          <input class="input" type="search" aria-label={t('flows.list.search')} placeholder={t('flows.list.search')} value={q} onInput={(e) => setQ(e.currentTarget.value)} />
          <select class="input input-sm" aria-label={t('flows.list.kindFilter')} value={kind} onChange={(e) => setKind(e.currentTarget.value as FlowKind | '')}>
            <option value="">{t('flows.list.allKinds')}</option>
            {FLOW_KINDS.map((k) => <option key={k} value={k}>{t(`flows.kindName.${k}`)}</option>)}
          </select>
        </div>
        <Loaded resource={flows}>
          {({ flows: all }) => (
            <Table
              caption={t('flows.list.title')}
              columns={columns}
              rows={filterFlows(all, q, kind)}
              rowKey={(f) => f.id}
              empty={
                <EmptyState icon={<IconFlows />} title={all.length === 0 ? t('flows.list.empty') : t('flows.list.noMatch')}>
                  <p>{all.length === 0 ? t('flows.list.emptyHint') : t('flows.list.noMatchHint')}</p>
                </EmptyState>
              }
            />
          )}
        </Loaded>
      </Card>
    </>
  );
}
