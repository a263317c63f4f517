// Audience rules (CONTRACT.md "Flow definitions"): all / any / not over conditions on one user.
// A condition names its subject and compares it: `{ "trait": "plan", "op": "eq", "value": "pro" }`;
// subjects without a key carry the operand themselves: `{ "daysInactive": 14, "op": "gte" }`.
import { z } from 'zod';

export const OPERATORS = ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'contains', 'exists'] as const;
export type Operator = (typeof OPERATORS)[number];

export const STAGES = ['onboarding', 'stabilizing', 'renewal', 'steady'] as const;
export type Stage = (typeof STAGES)[number];

const op = z.enum(OPERATORS);
const numericOp = z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte']);
const key = z.string().trim().min(1).max(100);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const operand = z.union([scalar, z.array(scalar).max(500)]).optional();

export const conditionSchema = z.union([
  z.strictObject({ trait: key, op, value: operand }),
  z.strictObject({ account: key, op, value: operand }),
  z.strictObject({ segment: z.union([key, z.array(key).min(1)]), op: op.optional() }),
  z.strictObject({ stage: z.union([z.enum(STAGES), z.array(z.enum(STAGES)).min(1)]), op: op.optional() }),
  z.strictObject({ daysSinceStart: z.number().min(0), op: numericOp.default('gte') }),
  z.strictObject({ daysInactive: z.number().min(0), op: numericOp.default('gte') }),
  z.strictObject({
    event: key,
    /** false: the user has not done it (within the window). */
    done: z.boolean().default(true),
    /** How many times, compared by `op` (default: at least once). */
    count: z.number().int().min(0).optional(),
    op: numericOp.optional(),
    withinDays: z.number().positive().max(3650).optional(),
  }),
  z.strictObject({
    flow: key,
    status: z.enum(['seen', 'completed', 'dismissed']),
    done: z.boolean().default(true),
  }),
]);
export type Condition = z.output<typeof conditionSchema>;

export type Audience =
  | { all: Audience[] }
  | { any: Audience[] }
  | { not: Audience }
  | Condition;

export const audienceSchema: z.ZodType<Audience> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(audienceSchema).max(50) }),
    z.strictObject({ any: z.array(audienceSchema).max(50) }),
    z.strictObject({ not: audienceSchema }),
    conditionSchema,
  ]),
);
