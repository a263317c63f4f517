// Targets the SDK could not find (Onward Flow Target Missing): selector, page, users, last time.
import { useI18n } from '../../../i18n/context';
import { Table, type Column } from '../../../ui';
import type { MissingTarget } from '../../../api/flow-types';

export function MissingTargets({ rows }: { rows: MissingTarget[] }) {
  const { t, format } = useI18n();
  const columns: Column<MissingTarget>[] = [
    { key: 'step', header: t('flows.report.step'), cell: (m) => m.stepId ?? '—' },
    { key: 'selector', header: t('flows.report.selector'), cell: (m) => <code>{m.selector ?? '—'}</code> },
    { key: 'url', header: t('flows.report.url'), cell: (m) => <span class="flow-url">{m.url ?? '—'}</span> },
    { key: 'users', header: t('flows.report.users'), align: 'end', cell: (m) => format.number(m.users) },
    { key: 'events', header: t('flows.report.times'), align: 'end', cell: (m) => format.number(m.events) },
    { key: 'last', header: t('flows.report.lastAt'), cell: (m) => format.ago(m.lastAt) },
  ];
  return <Table caption={t('flows.report.missing')} columns={columns} rows={rows} rowKey={(m) => `${m.stepId}|${m.selector}|${m.url}`} />;
}
