// The Flows area's routes: list, new flow, editor and report. The editor (with the live preview
// and the element picker's messaging) is a chunk of its own; the list opens first.
import { lazyPage } from '../../shared/lazy-page';
import type { RouteDef } from '../../shared/route';
import './flows.css';

const FlowsPage = lazyPage(() => import('./list/flows-page').then((m) => m.FlowsPage));
const NewFlowPage = lazyPage(() => import('./editor/flow-editor').then((m) => m.NewFlowPage));
const FlowEditorPage = lazyPage(() => import('./editor/flow-editor').then((m) => m.FlowEditorPage));
const FlowReportPage = lazyPage(() => import('./report/report-page').then((m) => m.FlowReportPage));

export const flowRoutes: RouteDef[] = [
  { pattern: '/flows', render: () => <FlowsPage /> },
  { pattern: '/flows/new', render: () => <NewFlowPage /> },
  { pattern: '/flows/:id', render: (p) => <FlowEditorPage id={p.id ?? ''} /> },
  { pattern: '/flows/:id/report', render: (p) => <FlowReportPage id={p.id ?? ''} /> },
];
