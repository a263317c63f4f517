// The audience builder's pure side: what kind a node is, a new condition of each kind, group
// edits, and operand text ⇄ JSON values (contracts/audience.ts, docs/flows.md "Audience").
import type { Audience, Condition, Operator } from '@onward/server/contracts';

export const CONDITION_KINDS = ['trait', 'account', 'segment', 'stage', 'daysSinceStart', 'daysInactive', 'event', 'flow'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];
export type NodeKind = ConditionKind | 'all' | 'any' | 'not';
export type Group = { all: Audience[] } | { any: Audience[] };

export const NUMERIC_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const;
export type NumericOp = (typeof NUMERIC_OPS)[number];

export function nodeKind(node: Audience): NodeKind {
  if ('all' in node) return 'all';
  if ('any' in node) return 'any';
  if ('not' in node) return 'not';
  for (const kind of CONDITION_KINDS) if (kind in node) return kind;
  return 'trait';
}

export const isGroup = (node: Audience): node is Group => 'all' in node || 'any' in node;

/** A new condition of `kind`, valid as it stands where a free value allows. */
export function newCondition(kind: ConditionKind, hints: { segment?: string; event?: string; flow?: string } = {}): Condition {
  switch (kind) {
    case 'trait':
      return { trait: 'plan', op: 'eq', value: 'pro' };
    case 'account':
      return { account: 'tier', op: 'in', value: ['KA'] };
    case 'segment':
      return { segment: hints.segment ?? 'Key accounts' };
    case 'stage':
      return { stage: 'onboarding' };
    case 'daysSinceStart':
      return { daysSinceStart: 7, op: 'lt' };
    case 'daysInactive':
      return { daysInactive: 14, op: 'gte' };
    case 'event':
      return { event: hints.event ?? 'Report Created', done: true };
    case 'flow':
      return { flow: hints.flow ?? 'welcome-tour', status: 'completed', done: true };
  }
}

export const groupItems = (group: Group): Audience[] => ('all' in group ? group.all : group.any);
const withItems = (group: Group, items: Audience[]): Group => ('all' in group ? { all: items } : { any: items });

export const addToGroup = (group: Group, node: Audience): Group => withItems(group, [...groupItems(group), node]);
export const removeFromGroup = (group: Group, index: number): Group => withItems(group, groupItems(group).filter((_, i) => i !== index));
export const replaceInGroup = (group: Group, index: number, node: Audience): Group =>
  withItems(group, groupItems(group).map((n, i) => (i === index ? node : n)));
/** all ⇄ any, keeping the children. */
export const setCombinator = (group: Group, to: 'all' | 'any'): Group => (to === 'all' ? { all: groupItems(group) } : { any: groupItems(group) });

type Scalar = string | number | boolean;

function scalar(text: string): Scalar {
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t !== '' && /^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

/** Operand text as the op wants it: `KA, SMB` → ['KA', 'SMB'] for in/nin, `10` → 10, `true` → true. */
export function parseOperand(text: string, op: Operator | undefined): Scalar | Scalar[] | undefined {
  if (op === 'in' || op === 'nin') return text.split(',').map((s) => s.trim()).filter((s) => s !== '').map(scalar);
  if (op === 'exists') return text.trim() === 'false' ? false : undefined;
  return text.trim() === '' ? '' : scalar(text);
}

export function formatOperand(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

/** Every condition in the tree, depth first (for summaries and tests). */
export function conditionsOf(node: Audience | undefined): Condition[] {
  if (node === undefined) return [];
  if ('all' in node) return node.all.flatMap(conditionsOf);
  if ('any' in node) return node.any.flatMap(conditionsOf);
  if ('not' in node) return conditionsOf(node.not);
  return [node];
}
