// Published versions per workspace, cached: the bootstrap reads them on every page load.
// Changes made through this process apply at once; other servers' within CACHE_MS.
import type { FlowStore, FlowVersion } from './store';

export const PUBLISHED_CACHE_MS = 5_000;

export function createPublishedFlows(store: FlowStore, now: () => number = Date.now) {
  const cache = new Map<number, { at: number; value: Promise<FlowVersion[]> }>();
  return {
    get(workspaceId: number): Promise<FlowVersion[]> {
      const hit = cache.get(workspaceId);
      if (hit !== undefined && now() - hit.at < PUBLISHED_CACHE_MS) return hit.value;
      const value = store.published(workspaceId);
      cache.set(workspaceId, { at: now(), value });
      value.catch(() => cache.delete(workspaceId));
      return value;
    },
    invalidate(workspaceId: number): void {
      cache.delete(workspaceId);
    },
  };
}

export type PublishedFlows = ReturnType<typeof createPublishedFlows>;
