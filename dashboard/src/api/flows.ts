// The flow routes of the admin API (CONTRACT.md §3, server/src/flows/routes.ts), mounted on the
// admin API as `flows`.
import type { Flow, FlowDefinition, FlowInput } from '@onward/server/contracts';
import { query, type Client } from './client';
import type { FlowReport, FlowVersion } from './flow-types';

const segment = (id: string) => encodeURIComponent(id);

export function flowsApi(client: Client) {
  return {
    list: () => client.get<{ flows: Flow[] }>('/v1/flows'),
    read: (id: string) => client.get<Flow>(`/v1/flows/${segment(id)}`),
    create: (flow: FlowInput) => client.post<Flow>('/v1/flows', flow),
    save: (id: string, flow: FlowInput) => client.put<Flow>(`/v1/flows/${segment(id)}`, flow),
    remove: (id: string) => client.del(`/v1/flows/${segment(id)}`),
    publish: (id: string) => client.post<Flow>(`/v1/flows/${segment(id)}/publish`),
    unpublish: (id: string) => client.post<Flow>(`/v1/flows/${segment(id)}/unpublish`),
    versions: (id: string) => client.get<{ versions: FlowVersion[] }>(`/v1/flows/${segment(id)}/versions`),
    report: (id: string, range: { from?: string; to?: string } = {}, signal?: AbortSignal) =>
      client.get<FlowReport>(`/v1/flows/${segment(id)}/report${query(range)}`, signal),
  };
}

export type FlowsApi = ReturnType<typeof flowsApi>;
export type { FlowDefinition };
