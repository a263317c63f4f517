// Segments: ordered rules over account traits, first match wins (METRICS.md "Workspace settings").
import type { SegmentRule } from '../contracts/settings';
import { compare } from './compare';

export function segmentOf(account: Record<string, unknown> | null, rules: readonly SegmentRule[]): string | null {
  if (account === null) return null;
  const rule = rules.find((r) => r.when === undefined || compare(account[r.when.account], r.when.op, r.when.value));
  return rule?.name ?? null;
}
