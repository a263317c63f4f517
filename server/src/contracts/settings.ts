// Workspace settings (CONTRACT.md `GET/PUT /v1/settings`, METRICS.md "Workspace settings").
import { z } from 'zod';
import { OPERATORS } from './audience';
import { themeSchema } from './flows';

const eventName = z.string().trim().min(1).max(200);

export const segmentRuleSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** An audience condition on the account; a rule without `when` takes every account left. */
  when: z
    .strictObject({
      account: z.string().trim().min(1),
      op: z.enum(OPERATORS),
      value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
    })
    .optional(),
});
export type SegmentRule = z.output<typeof segmentRuleSchema>;

export const settingsSchema = z.strictObject({
  /** The event that marks first value (the "aha" moment). */
  valueEvent: eventName.nullable().default(null),
  activation: z
    .strictObject({ events: z.array(eventName).max(20).default([]), windowDays: z.number().int().min(1).max(365).default(7) })
    .default({ events: [], windowDays: 7 }),
  dormantAfterDays: z.number().int().min(1).max(365).default(14),
  segments: z.array(segmentRuleSchema).max(20).default([]),
  /** When on, the SDK must send userHash = hex HMAC-SHA256(identity secret, userId). */
  identityVerification: z.boolean().default(false),
  /** At most one unsolicited flow (not started by Onward.show or a deep link) per this many hours; 0 = off. */
  throttleHours: z.number().min(0).max(24 * 30).default(0),
  theme: themeSchema.default({}),
});
export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
