import { describe, expect, it } from 'vitest';
import { DEMO_FLOWS } from '../web/demo-flows';
import { createTestApp } from '../testing/test-app';
import { seedFlows } from './seed';
import { createFlowStore } from './store';

describe('seedFlows', () => {
  it('publishes the demo flows once, into a workspace that never had flows', async () => {
    const t = await createTestApp();
    const store = createFlowStore(t.db);
    expect(await seedFlows(store, 1, DEMO_FLOWS)).toEqual(DEMO_FLOWS.map((f) => f.id));
    expect((await store.published(1)).map((v) => v.version)).toEqual(DEMO_FLOWS.map(() => 1));
    await store.remove(1, 'nps');
    expect(await seedFlows(store, 1, DEMO_FLOWS)).toEqual([]);
  });
});
