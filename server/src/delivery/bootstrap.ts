// GET /v1/sdk/bootstrap: the published flows this user may see now, with their progress.
// Only this user's own state leaves the server: no traits, no other users.
import type { Candidate, Decision } from '../audience/eligibility';
import { decide } from '../audience/eligibility';
import { referencedEvents } from '../audience/evaluate';
import { loadUser } from '../audience/store';
import type { Workspace } from '../auth/workspaces';
import type { DeliveredFlow, Theme } from '../contracts/flows';
import type { Settings } from '../contracts/settings';
import type { Database } from '../db';
import type { FlowStore, FlowVersion } from '../flows/store';
import { DAY_MS } from '../time';
import { isVerified } from '../auth/identity';

export type BootstrapQuery = { userId: string | null; anonymousId: string | null; groupId: string | null; userHash: string | null };

export type Bootstrap = {
  flows: DeliveredFlow[];
  settings: { throttleHours: number; theme: Theme };
  user: { verified: boolean; daysInactive: number | null; dormantAfterDays: number };
  /** With ?debug=1: why each other published flow is not delivered. */
  excluded?: { flowId: string; reason: string }[];
};

function deliver(v: FlowVersion, d: Extract<Decision, { eligible: true }>): DeliveredFlow {
  const { audience: _a, schedule: _s, goal: _g, ...definition } = v.definition;
  const p = d.progress;
  return {
    ...definition,
    id: v.flowId,
    version: v.version,
    heldOut: d.heldOut,
    progress:
      p === null || p.status === 'held_out'
        ? null
        : { version: p.version, status: p.status, stepIndex: p.stepIndex, at: p.at },
  };
}

export async function bootstrap(
  deps: { db: Database; flows: FlowStore; published: (workspaceId: number) => Promise<FlowVersion[]> },
  workspace: Workspace,
  settings: Settings,
  q: BootstrapQuery,
  now: number,
  debug: boolean,
): Promise<Bootstrap> {
  const base = { settings: { throttleHours: settings.throttleHours, theme: settings.theme } };
  const userKey = q.userId ?? q.anonymousId;
  const verified = q.userId === null || !settings.identityVerification || isVerified(workspace.identitySecret, q.userId, q.userHash);
  if (userKey === null || !verified) {
    const reason = userKey === null ? 'no userId or anonymousId' : 'identity verification failed: userHash does not match userId';
    return {
      ...base,
      flows: [],
      user: { verified, daysInactive: null, dormantAfterDays: settings.dormantAfterDays },
      ...(debug ? { excluded: [{ flowId: '*', reason }] } : {}),
    };
  }
  const published = await deps.published(workspace.id);
  const events = new Set<string>();
  for (const v of published) referencedEvents(v.definition.audience, events);
  const formerId = q.userId === null ? null : q.anonymousId;
  const record = await loadUser(deps.db, workspace.id, userKey, q.groupId, [...events], formerId);
  const candidates: Candidate[] = published.map((v) => ({ flowId: v.flowId, version: v.version, definition: v.definition }));
  const decisions = decide(candidates, record, settings, userKey, now);

  const eligible = decisions.filter((d): d is Extract<Decision, { eligible: true }> => d.eligible);
  const current = new Map(published.map((v) => [`${v.flowId}@${v.version}`, v]));
  const older = await deps.flows.someVersions(
    workspace.id,
    eligible.filter((d) => !current.has(`${d.flowId}@${d.version}`)).map((d) => ({ flowId: d.flowId, version: d.version })),
  );
  for (const v of older) current.set(`${v.flowId}@${v.version}`, v);

  const flows = eligible.flatMap((d) => {
    // A progress version we no longer have (or 0: not reported) falls back to the published one.
    const v = current.get(`${d.flowId}@${d.version}`) ?? published.find((p) => p.flowId === d.flowId);
    return v === undefined ? [] : [deliver(v, d)];
  });
  const last = record.lastActivityAt;
  return {
    ...base,
    flows: flows.sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id)),
    user: { verified: true, daysInactive: last === null ? null : Math.max(0, (now - last) / DAY_MS), dormantAfterDays: settings.dormantAfterDays },
    ...(debug ? { excluded: decisions.flatMap((d) => (d.eligible ? [] : [{ flowId: d.flowId, reason: d.reason }])) } : {}),
  };
}
