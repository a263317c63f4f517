// A figure from a flow's report, fetched when its row first renders; a dash when it fails.
import type { ComponentChildren } from 'preact';
import { useResource } from '../../../shared/use-resource';
import { useI18n } from '../../../i18n/context';
import { Spinner } from '../../../ui';
import type { FlowReport } from '../../../api/flow-types';

export function ReportCell({ load, show }: { load: () => Promise<FlowReport>; show: (r: FlowReport) => ComponentChildren }) {
  const { t } = useI18n();
  const report = useResource(load, []);
  if (report.status === 'loading') return <Spinner size="sm" label={t('flows.list.loadingNumbers')} />;
  if (report.status === 'error') return <span class="muted" title={report.error.message}>—</span>;
  return <>{show(report.data)}</>;
}
