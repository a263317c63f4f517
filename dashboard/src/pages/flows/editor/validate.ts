// Client-side checks with the server's own schema, and the mapping of error paths
// (`steps.2.content.en.title`, from zod here or from the API's `issues`) to the editor's fields.
import { flowInputSchema, type ErrorIssue } from '@onward/server/contracts';
import { ApiError } from '../../../api/errors';
import type { Draft } from './starters';

export type Issues = readonly ErrorIssue[];

/** The schema's issues for a draft, with the API's dotted paths; empty when it is valid. */
export function validateDraft(draft: unknown): ErrorIssue[] {
  const result = flowInputSchema.safeParse(draft);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** The issues an API error carries (none for other errors). */
export const issuesOf = (error: unknown): ErrorIssue[] => (error instanceof ApiError ? [...error.issues] : []);

/** The first message exactly at `path`. */
export const issueAt = (issues: Issues, path: string): string | undefined => issues.find((i) => i.path === path)?.message;

/** The first message at `path` or under it (`steps.2` claims `steps.2.content.en.title`). */
export const issueUnder = (issues: Issues, path: string): string | undefined =>
  (issues.find((i) => i.path === path) ?? issues.find((i) => i.path.startsWith(`${path}.`)))?.message;

/** The step index an issue path points into (`steps.2.…` → 2), else null. */
export function stepOfPath(path: string): number | null {
  const m = /^steps\.(\d+)(\.|$)/.exec(path);
  return m ? Number(m[1]) : null;
}

/** Indices of the steps that have issues, for badges on the step list. */
export const stepsWithIssues = (issues: Issues): Set<number> =>
  new Set(issues.map((i) => stepOfPath(i.path)).filter((n): n is number => n !== null));

/** Which editor tab shows the field at `path`. */
export function tabOfPath(path: string): 'steps' | 'audience' | 'delivery' | 'general' {
  const head = path.split('.')[0] ?? '';
  if (head === 'steps') return 'steps';
  if (head === 'audience') return 'audience';
  if (['trigger', 'frequency', 'priority', 'schedule', 'goal', 'holdout', 'theme'].includes(head)) return 'delivery';
  return 'general';
}

/** The draft as it is sent: the parsed JSON of a form, without empty optional groups. */
export function toInput(draft: Draft): Draft {
  const out: Draft = { ...draft };
  if (out.theme && Object.values(out.theme).every((v) => v === undefined || v === '')) delete out.theme;
  if (out.schedule && out.schedule.start === undefined && out.schedule.end === undefined) delete out.schedule;
  return out;
}
