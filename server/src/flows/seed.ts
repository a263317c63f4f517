// First-run seeding: publish the given flows into a workspace that has never had one.
import { flowInputSchema, type FlowInput } from '../contracts/flows';
import type { FlowStore } from './store';

/**
 * Returns the ids this call published; nothing when the workspace already has (or had) flows.
 * Servers starting at once may all find it empty: a flow is published only by the one that created it.
 */
export async function seedFlows(store: FlowStore, workspaceId: number, flows: readonly FlowInput[]): Promise<string[]> {
  if (!(await store.isEmpty(workspaceId))) return [];
  const ids: string[] = [];
  for (const input of flows) {
    const flow = flowInputSchema.parse(input);
    const id = flow.id ?? input.name;
    if ((await store.create(workspaceId, { ...flow, id })) === null) continue;
    await store.publish(workspaceId, id);
    ids.push(id);
  }
  return ids;
}
