// Search (name or id, case-insensitive) and kind filter of the flows list; newest change first.
import type { Flow } from '@onward/server/contracts';

export function filterFlows(flows: readonly Flow[], q: string, kind: string): Flow[] {
  const needle = q.trim().toLowerCase();
  return flows
    .filter((f) => (kind === '' || f.kind === kind) && (needle === '' || f.name.toLowerCase().includes(needle) || f.id.toLowerCase().includes(needle)))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}
