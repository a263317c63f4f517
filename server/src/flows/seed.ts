// First-run seeding: publish the given flows into a workspace that has never had one.
import { flowInputSchema, type FlowInput } from '../contracts/flows';
import type { FlowStore } from './store';

/** Returns the ids published; nothing when the workspace already has (or had) flows. */
export async function seedFlows(store: FlowStore, workspaceId: number, flows: readonly FlowInput[]): Promise<string[]> {
  if (!(await store.isEmpty(workspaceId))) return [];
  const ids: string[] = [];
  for (const input of flows) {
    const flow = flowInputSchema.parse(input);
    const id = flow.id ?? input.name;
    await store.create(workspaceId, { ...flow, id });
    await store.publish(workspaceId, id);
    ids.push(id);
  }
  return ids;
}
