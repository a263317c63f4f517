// Segment-format messages as Onward ingests them (CONTRACT.md §3). The SDK imports these types only.
import { z } from 'zod';

export const MESSAGE_TYPES = ['track', 'identify', 'group', 'page', 'screen', 'alias'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO-8601 string or epoch milliseconds, as UTC epoch milliseconds. */
export const timestampSchema = z
  .union([z.string(), z.number()], { error: 'must be an ISO-8601 date-time or epoch milliseconds' })
  .transform((value, ctx) => {
    const ms =
      typeof value === 'number'
        ? Number.isSafeInteger(value) && value >= 0
          ? value
          : Number.NaN
        : ISO_8601.test(value)
          ? Date.parse(value)
          : Number.NaN;
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO-8601 date-time or epoch milliseconds' });
      return z.NEVER;
    }
    return ms;
  });

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
// Checked, not rebuilt key by key: properties and context can be large and are stored as they came.
const record = z.custom<Record<string, unknown>>(isPlainObject, { error: 'must be an object' });
const requiredOr = (expected: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${expected}`),
});
const nonEmpty = z.string(requiredOr('a string')).trim().min(1, 'must not be empty');
// Segment lets ids be numbers; they are stored as strings.
const id = z.union([nonEmpty, z.number().transform(String)], requiredOr('a non-empty string'));

const base = z.object({
  messageId: z.union([nonEmpty.max(200), z.number().transform(String)]).optional(),
  timestamp: timestampSchema.optional(),
  sentAt: timestampSchema.optional(),
  userId: id.nullish(),
  anonymousId: id.nullish(),
  context: record.optional(),
  integrations: z.unknown().optional(),
  // Any message may carry them (Segment allows it); when present they must be objects.
  properties: record.optional(),
  traits: record.optional(),
});

export const messageSchema = z
  .discriminatedUnion(
    'type',
    [
      base.extend({ type: z.literal('track'), event: nonEmpty.max(200) }),
      base.extend({ type: z.literal('page'), name: z.string().nullish() }),
      base.extend({ type: z.literal('screen'), name: z.string().nullish() }),
      base.extend({ type: z.literal('identify') }),
      base.extend({ type: z.literal('group'), groupId: id }),
      base.extend({ type: z.literal('alias'), previousId: id }),
    ],
    {
      // The issue's input is the whole message: say "required" when it has no type at all.
      error: (issue) =>
        !isPlainObject(issue.input)
          ? 'must be an object (one message)'
          : (issue.input as { type?: unknown } | undefined)?.type === undefined
          ? 'is required'
          : `must be one of ${MESSAGE_TYPES.join(', ')}`,
    },
  )
  .refine((m) => m.userId != null || m.anonymousId != null, {
    message: 'needs a non-empty userId or anonymousId',
    path: ['userId'],
  });

/** A message as a client sends it. */
export type MessageInput = z.input<typeof messageSchema>;
/** A message after validation: ids are strings, times are epoch ms. */
export type Message = z.output<typeof messageSchema>;

/** The body of `POST /v1/batch`. */
export type BatchInput = { batch: MessageInput[]; sentAt?: string | number; writeKey?: string };

/** Every ingestion answer (CONTRACT.md §3). */
export type IngestResult = {
  accepted: number;
  duplicates: number;
  rejected: { index: number; messageId?: string; error: string }[];
};
