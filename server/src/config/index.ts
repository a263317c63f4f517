// Environment → typed Config with the defaults of CONTRACT.md §1. The only reader of process.env.
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().trim().min(1).default('localhost'),
  DATABASE_URL: z.string().trim().min(1).default('file:./data/onward.db'),
  DATABASE_AUTH_TOKEN: optionalText,
  ONWARD_WRITE_KEY: optionalText.refine((v) => v === undefined || v.startsWith('pk_'), {
    message: 'must start with pk_',
  }),
  ONWARD_SECRET_KEY: optionalText.refine((v) => v === undefined || v.startsWith('sk_'), {
    message: 'must start with sk_',
  }),
  ONWARD_ADMIN_EMAIL: optionalText,
  ONWARD_ADMIN_PASSWORD: optionalText,
  ONWARD_INGEST_RATE_LIMIT: z.coerce.number().min(0).default(0),
  ONWARD_JOB_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  ONWARD_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  ONWARD_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  writeKey: string | undefined;
  secretKey: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Requests per second per write key on this server; 0 turns the limit off. */
  ingestRateLimit: number;
  /** How often background jobs run (dormancy sweep, webhook delivery). */
  jobIntervalMs: number;
  /** Per-request timeout of a webhook delivery. */
  webhookTimeoutMs: number;
  /** Attempts before a webhook delivery is marked failed. */
  webhookMaxAttempts: number;
};

/** Reads the configuration; throws one error naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    writeKey: e.ONWARD_WRITE_KEY,
    secretKey: e.ONWARD_SECRET_KEY,
    adminEmail: e.ONWARD_ADMIN_EMAIL,
    adminPassword: e.ONWARD_ADMIN_PASSWORD,
    ingestRateLimit: e.ONWARD_INGEST_RATE_LIMIT,
    jobIntervalMs: e.ONWARD_JOB_INTERVAL_MS,
    webhookTimeoutMs: e.ONWARD_WEBHOOK_TIMEOUT_MS,
    webhookMaxAttempts: e.ONWARD_WEBHOOK_MAX_ATTEMPTS,
  };
}
