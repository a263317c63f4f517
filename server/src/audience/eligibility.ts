// Which published flows one user may see now, and why the others are out (for debug mode).
import { createHash } from 'node:crypto';
import type { FlowDefinition } from '../contracts/flows';
import type { Settings } from '../contracts/settings';
import { accountStage } from './stage';
import { DAY_MS } from '../time';
import { evaluate, type UserFacts } from './evaluate';
import { segmentOf } from './segment';
import { countEvents, type ProgressRow, type UserRecord } from './store';

export type Candidate = { flowId: string; version: number; definition: FlowDefinition };
export type Decision =
  | { flowId: string; eligible: true; version: number; heldOut: boolean; progress: ProgressRow | null }
  | { flowId: string; eligible: false; reason: string };

/** Deterministic: the same user and flow always land on the same side (METRICS.md "Flows"). */
export function isHeldOut(flowId: string, userKey: string, share: number): boolean {
  if (share <= 0) return false;
  const hash = createHash('sha256').update(`${flowId}\u0000${userKey}`).digest();
  return hash.readUInt32BE(0) / 2 ** 32 < share;
}

function startOf(record: UserRecord): number | null {
  const created = record.traits.createdAt;
  const t = typeof created === 'string' || typeof created === 'number' ? new Date(created).getTime() : Number.NaN;
  return Number.isNaN(t) ? record.firstActivityAt : t;
}

export function userFacts(record: UserRecord, settings: Settings, now: number): UserFacts {
  return {
    now,
    traits: record.traits,
    account: record.account,
    segment: segmentOf(record.account, settings.segments),
    stage: accountStage(record.account, now),
    startAt: startOf(record),
    lastSeenAt: record.lastActivityAt,
    eventCount: (event, withinDays) => countEvents(record, event, now, withinDays),
    flow: (id) => {
      const p = record.progress.get(id);
      return p && { seenAt: p.firstSeenAt, completedAt: p.completedAt, dismissedAt: p.dismissedAt };
    },
  };
}

/** Null when the frequency allows the flow now, else why not. */
function frequencyBlocks(f: FlowDefinition['frequency'], p: ProgressRow | undefined, now: number): string | null {
  if (p === undefined) return null;
  if (p.status === 'held_out') return 'held out already';
  if (p.status === 'started') return null; // part-way through: resume it
  if (f === 'once') return `frequency once: already ${p.status}`;
  if (f === 'until_completed') return p.status === 'completed' ? 'frequency until_completed: completed' : null;
  const last = Math.max(p.lastSeenAt ?? 0, p.completedAt ?? 0, p.dismissedAt ?? 0);
  return now - last >= f.everyDays * DAY_MS ? null : `frequency every ${f.everyDays} days: shown ${((now - last) / DAY_MS).toFixed(1)} days ago`;
}

export function decide(
  candidates: readonly Candidate[],
  record: UserRecord,
  settings: Settings,
  userKey: string,
  now: number,
): Decision[] {
  const facts = userFacts(record, settings, now);
  return candidates.map(({ flowId, version, definition: d }): Decision => {
    const progress = record.progress.get(flowId);
    const { start, end } = d.schedule ?? {};
    if (start !== undefined && now < Date.parse(start)) return { flowId, eligible: false, reason: `schedule: starts ${start}` };
    if (end !== undefined && now >= Date.parse(end)) return { flowId, eligible: false, reason: `schedule: ended ${end}` };
    const blocked = frequencyBlocks(d.frequency, progress, now);
    if (blocked !== null) return { flowId, eligible: false, reason: blocked };
    // Someone part-way through keeps going, even if the audience or version changed since.
    if (progress?.status !== 'started') {
      const verdict = evaluate(d.audience, facts);
      if (!verdict.ok) return { flowId, eligible: false, reason: `audience: ${verdict.path} ${JSON.stringify(verdict.condition)}` };
    }
    return {
      flowId,
      eligible: true,
      version: progress?.status === 'started' ? progress.version : version,
      heldOut: isHeldOut(flowId, userKey, d.holdout),
      progress: progress ?? null,
    };
  });
}
