// Segment rules as the form edits them (text fields) and as the API stores them (METRICS.md
// "segments": ordered, first match wins, a rule without `when` takes the rest).
import type { Operator, SegmentRule } from '@onward/server/contracts';

export type RuleDraft = { name: string; account: string; op: Operator; value: string };
export type SegmentsDraft = { rules: RuleDraft[]; catchAll: string | null };

type Scalar = string | number | boolean;
type Operand = NonNullable<SegmentRule['when']>['value'];

/**
 * Text to a JSON operand. Numbers go as numbers: the server compares a number operand with
 * numeric-looking trait strings too, but not the reverse. `in`/`nin` take a comma-separated list.
 */
export function parseOperand(op: Operator, text: string): Operand {
  if (op === 'exists') return undefined;
  if (op === 'in' || op === 'nin') {
    return text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      // Lists hold strings and numbers only (settings contract).
      .map((part) => {
        const v = scalarOf(part);
        return typeof v === 'boolean' ? part : v;
      });
  }
  return scalarOf(text.trim());
}

function scalarOf(text: string): Scalar {
  if (text === 'true' || text === 'false') return text === 'true';
  if (text !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

export function formatOperand(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  return value === undefined || value === null ? '' : String(value);
}

/** Rules after the first catch-all can never match, so the form keeps only those before it. */
export function toDraft(segments: readonly SegmentRule[]): SegmentsDraft {
  const rules: RuleDraft[] = [];
  for (const rule of segments) {
    if (rule.when === undefined) return { rules, catchAll: rule.name };
    rules.push({ name: rule.name, account: rule.when.account, op: rule.when.op, value: formatOperand(rule.when.value) });
  }
  return { rules, catchAll: null };
}

export function fromDraft(draft: SegmentsDraft): SegmentRule[] {
  const rules: SegmentRule[] = draft.rules.map((r) => {
    const value = parseOperand(r.op, r.value);
    return { name: r.name.trim(), when: value === undefined ? { account: r.account.trim(), op: r.op } : { account: r.account.trim(), op: r.op, value } };
  });
  return draft.catchAll === null ? rules : [...rules, { name: draft.catchAll.trim() }];
}
