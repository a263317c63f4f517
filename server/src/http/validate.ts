// zod → 400 with every issue's path, as the CONTRACT.md envelope wants.
import type { z } from 'zod';
import { badRequest } from './api-error';

export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  throw badRequest(
    `Invalid ${what}${first === undefined ? '' : `: ${first.path === '' ? '' : `${first.path}: `}${first.message}`}`,
    issues,
  );
}
