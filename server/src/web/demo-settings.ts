// The demo app's settings (its events: web/demo/README.md): value is a first report, activation
// is a project and an invited teammate in the first week; segments by the account's tier.
import type { SettingsInput } from '../contracts/settings';

export const DEMO_SETTINGS: SettingsInput = {
  valueEvent: 'Report Created',
  activation: { events: ['Project Created', 'Teammate Invited'], windowDays: 7 },
  dormantAfterDays: 14,
  segments: [
    { name: 'Key accounts', when: { account: 'tier', op: 'in', value: ['KA'] } },
    { name: 'SMB', when: { account: 'tier', op: 'eq', value: 'SMB' } },
    { name: 'Long tail' },
  ],
};
