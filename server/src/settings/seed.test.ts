import { describe, expect, it } from 'vitest';
import { bodyOf, createTestApp } from '../testing/test-app';
import { DEMO_SETTINGS } from '../web/demo-settings';
import { seedSettings } from './seed';

describe('seedSettings', () => {
  it('writes the demo settings once, and never over settings a team saved', async () => {
    const t = await createTestApp();
    expect(await seedSettings(t.db, 1, DEMO_SETTINGS, 0)).toBe(true);
    expect(await bodyOf(await t.admin('GET', '/v1/settings'))).toMatchObject({ valueEvent: 'Report Created' });
    await t.admin('PUT', '/v1/settings', { valueEvent: 'Project Created' });
    expect(await seedSettings(t.db, 1, DEMO_SETTINGS, 0)).toBe(false);
    expect(await bodyOf(await t.admin('GET', '/v1/settings'))).toMatchObject({ valueEvent: 'Project Created' });
  });
});
