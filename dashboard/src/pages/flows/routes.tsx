// The Flows area's routes: list, new flow, editor and report.
import type { RouteDef } from '../../app/route';
import { FlowEditorPage, NewFlowPage } from './editor/flow-editor';
import { FlowsPage } from './list/flows-page';
import { FlowReportPage } from './report/report-page';
import './flows.css';

export const flowRoutes: RouteDef[] = [
  { pattern: '/flows', render: () => <FlowsPage /> },
  { pattern: '/flows/new', render: () => <NewFlowPage /> },
  { pattern: '/flows/:id', render: (p) => <FlowEditorPage id={p.id ?? ''} /> },
  { pattern: '/flows/:id/report', render: (p) => <FlowReportPage id={p.id ?? ''} /> },
];
