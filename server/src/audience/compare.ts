// The ten operators of audience conditions, on JSON values.
import type { Operator } from '../contracts/audience';

function asNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
    // Dates compare as dates: "2026-01-31" < "2026-02-01". The pattern first: Date.parse is slow.
    if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
      const t = Date.parse(value);
      if (!Number.isNaN(t)) return t;
    }
  }
  return null;
}

// A number equals its numeric text; anything else only itself (a segment rule tests 50k accounts).
const equals = (a: unknown, b: unknown) => a === b || (typeof b === 'number' && asNumber(a) === b);

/** `actual op expected`; a missing actual only satisfies neq, nin and `exists: false`. */
export function compare(actual: unknown, op: Operator, expected: unknown): boolean {
  const missing = actual === undefined || actual === null;
  switch (op) {
    case 'exists':
      return expected === false ? missing : !missing;
    case 'eq':
      return !missing && equals(actual, expected);
    case 'neq':
      return missing || !equals(actual, expected);
    case 'in':
      return !missing && Array.isArray(expected) && expected.some((e) => equals(actual, e));
    case 'nin':
      return missing || !Array.isArray(expected) || !expected.some((e) => equals(actual, e));
    case 'contains':
      if (Array.isArray(actual)) return actual.some((a) => equals(a, expected));
      return typeof actual === 'string' && typeof expected === 'string' && actual.toLowerCase().includes(expected.toLowerCase());
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const a = asNumber(actual);
      const b = asNumber(expected);
      if (a === null || b === null) return false;
      return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
    }
  }
}
