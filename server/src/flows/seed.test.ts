import { describe, expect, it } from 'vitest';
import { DEMO_FLOWS } from '../web/demo-flows';
import { sharedDatabase } from '../jobs/test-data';
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

  it('servers seeding at once publish each demo flow once (version 1), between them', async () => {
    const shared = await sharedDatabase(3);
    try {
      const seeded = await Promise.all(shared.dbs.map((db) => seedFlows(createFlowStore(db), 1, DEMO_FLOWS)));
      expect(seeded.flat().sort()).toEqual(DEMO_FLOWS.map((f) => f.id).sort());
      const versions = await shared.dbs[0]!.execute('SELECT flow_id, version FROM flow_versions ORDER BY flow_id');
      expect(versions.rows.map((r) => [r.flow_id, r.version])).toEqual(DEMO_FLOWS.map((f) => [f.id, 1]).sort());
    } finally {
      shared.close();
    }
  });
});
