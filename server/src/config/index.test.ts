import { describe, expect, it } from 'vitest';
import { loadConfig } from './index';

describe('loadConfig', () => {
  it('uses the CONTRACT.md defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      host: 'localhost',
      databaseUrl: 'file:./data/onward.db',
      databaseAuthToken: undefined,
      writeKey: undefined,
      secretKey: undefined,
      adminEmail: undefined,
      adminPassword: undefined,
      ingestRateLimit: 0,
      jobIntervalMs: 60_000,
      webhookTimeoutMs: 10_000,
      webhookMaxAttempts: 10,
    });
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', ONWARD_WRITE_KEY: 'sk_wrong' })).toThrow(
      /PORT: .*\n.*ONWARD_WRITE_KEY: must start with pk_/,
    );
  });
});
