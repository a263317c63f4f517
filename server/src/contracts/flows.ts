// Flow definitions (CONTRACT.md): owned here, validated by the server, imported by the dashboard;
// the SDK imports the types only.
import { z } from 'zod';
import { audienceSchema } from './audience';

export const FLOW_KINDS = ['tour', 'tip', 'checklist', 'banner', 'modal', 'survey'] as const;
export const STEP_TYPES = ['tooltip', 'modal', 'hotspot', 'banner', 'checklist', 'survey'] as const;
export const PLACEMENTS = [
  'auto', 'top', 'bottom', 'left', 'right',
  'top-start', 'top-end', 'bottom-start', 'bottom-end', 'left-start', 'left-end', 'right-start', 'right-end',
] as const;

const id = z.string().trim().regex(/^[A-Za-z0-9][\w-]{0,63}$/, 'use letters, digits, - and _ (at most 64)');
const text = (max: number) => z.string().max(max);
// Links open http(s) URLs or paths of the vendor's app; never javascript: or data: URLs.
const href = z.string().max(2000).regex(/^(https?:\/\/|\/(?!\/))/, 'must be an http(s) URL or a path starting with /');
const locale = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale tag like en or zh-CN');

/** Text per locale: `{ "en": "…", "zh-CN": "…" }`. */
const localized = (max: number) =>
  z.record(locale, text(max)).refine((v) => Object.keys(v).length > 0, 'needs at least one locale');

export const contentSchema = z.strictObject({
  title: text(200).optional(),
  /** Safe rich text: **bold**, *italic*, [links](https://…), lists, ![images](https://…). */
  body: text(5000).optional(),
});
export type Content = z.output<typeof contentSchema>;

export const buttonSchema = z.strictObject({
  label: localized(60),
  action: z.enum(['next', 'back', 'done', 'skip', 'link', 'flow']),
  href: href.optional(),
  flowId: id.optional(),
}).refine((b) => b.action !== 'link' || b.href !== undefined, { message: 'a link button needs href', path: ['href'] })
  .refine((b) => b.action !== 'flow' || b.flowId !== undefined, { message: 'a flow button needs flowId', path: ['flowId'] });

export const advanceSchema = z.discriminatedUnion('on', [
  z.strictObject({ on: z.literal('next') }),
  z.strictObject({ on: z.literal('click') }),
  z.strictObject({ on: z.literal('event'), event: text(200).min(1) }),
  z.strictObject({ on: z.literal('url'), url: text(500).min(1) }),
]);

export const checklistItemSchema = z.strictObject({
  id,
  content: z.record(locale, contentSchema),
  /** Done when the user tracks this event, or completes this flow. */
  completeOn: z.union([z.strictObject({ event: text(200).min(1) }), z.strictObject({ flow: id })]),
  /** What clicking the item does: start a flow or open a link. */
  action: z.union([z.strictObject({ flowId: id }), z.strictObject({ href })]).optional(),
});

export const stepSchema = z.strictObject({
  id,
  type: z.enum(STEP_TYPES),
  /** CSS selector; `>>>` pierces an open shadow root, `|>` enters a same-origin iframe. */
  target: text(500).optional(),
  placement: z.enum(PLACEMENTS).default('auto'),
  /** The step waits until the page URL matches (multi-page tours). */
  url: text(500).optional(),
  content: z.record(locale, contentSchema).refine((v) => Object.keys(v).length > 0, 'needs at least one locale'),
  advance: advanceSchema.default({ on: 'next' }),
  buttons: z.array(buttonSchema).max(4).optional(),
  spotlight: z.boolean().default(false),
  /** Banners: where and how. */
  position: z.enum(['top', 'bottom']).default('top'),
  inline: z.boolean().default(false),
  items: z.array(checklistItemSchema).max(20).optional(),
});
export type Step = z.output<typeof stepSchema>;

export const triggerSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('page'),
    /** Matched against path + query + hash. */
    url: text(500).min(1),
    match: z.enum(['exact', 'prefix', 'glob', 'regex']).default('glob'),
  }),
  z.strictObject({ type: z.literal('event'), event: text(200).min(1) }),
  z.strictObject({ type: z.literal('element'), selector: text(500).min(1) }),
  z.strictObject({ type: z.literal('return'), afterDays: z.number().positive().optional() }),
  z.strictObject({ type: z.literal('manual') }),
]);
export type Trigger = z.output<typeof triggerSchema>;

export const frequencySchema = z.union([
  z.enum(['once', 'until_completed']),
  z.strictObject({ everyDays: z.number().positive().max(3650) }),
]);

export const themeSchema = z.strictObject({
  brandColor: z.string().regex(/^#[0-9a-fA-F]{3,8}$/, 'must be a hex colour like #4f46e5').optional(),
  font: text(200).regex(/^[\w\s,"'-]*$/, 'letters, spaces, commas and quotes only').optional(),
  radius: z.number().min(0).max(32).optional(),
  mode: z.enum(['light', 'dark', 'auto']).optional(),
});
export type Theme = z.output<typeof themeSchema>;

const flowFields = {
  name: text(200).min(1),
  kind: z.enum(FLOW_KINDS),
  trigger: triggerSchema.default({ type: 'manual' }),
  audience: audienceSchema.optional(),
  frequency: frequencySchema.default('once'),
  priority: z.number().int().min(0).max(1000).default(0),
  schedule: z.strictObject({ start: z.iso.datetime().optional(), end: z.iso.datetime().optional() }).optional(),
  goal: z.strictObject({ event: text(200).min(1), withinDays: z.number().positive().max(365) }).optional(),
  holdout: z.number().min(0).max(0.5).default(0),
  theme: themeSchema.optional(),
  steps: z.array(stepSchema).min(1).max(50),
};

function uniqueStepIds(steps: { id: string }[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate step id ${s.id}`, path: ['steps', i, 'id'] });
    seen.add(s.id);
  });
}

/** What POST /v1/flows and PUT /v1/flows/:id take (`id` optional on POST). */
export const flowInputSchema = z
  .strictObject({ id: id.optional(), ...flowFields })
  .superRefine((f, ctx) => uniqueStepIds(f.steps, ctx));
export type FlowInput = z.input<typeof flowInputSchema>;
export type FlowDefinition = z.output<typeof flowInputSchema> & { id: string };

/** A flow as the admin API answers it. */
export type Flow = FlowDefinition & {
  status: 'draft' | 'published';
  publishedVersion: number | null;
  createdAt: string;
  updatedAt: string;
};

/** A published flow as the SDK receives it in the bootstrap, with this user's progress. */
export type DeliveredFlow = Omit<FlowDefinition, 'audience' | 'schedule' | 'goal'> & {
  version: number;
  heldOut: boolean;
  progress: FlowProgress | null;
};

export type FlowProgress = {
  version: number;
  status: 'started' | 'completed' | 'dismissed';
  stepIndex: number;
  at: number;
};
