// GET /v1/flows/:id/report (METRICS.md "Flows"): the funnel of one flow over [from, to), the
// targets that went missing, and — with a holdout — exposed vs held-out goal conversion,
// activation and time-to-value. Reads the rollups only.
import type { z } from 'zod';
import type { Flow } from '../contracts/flows';
import type { Database } from '../db';
import { DAY_MS } from '../time';
import type { SettingsStore } from '../settings/store';
import { compareActivation, compareGoal, compareTimeToValue } from './report-compare';
import { resolveWindow, type reportQuerySchema } from './report-params';
import { createReportStore, type FunnelCounts } from './report-store';

export type ReportDeps = { db: Database; settings: SettingsStore; now: () => number };

/** The flow's steps in order, each with its distinct viewers and the drop-off from the step before (`started` for the first). */
function funnelSteps(flow: Flow, funnel: FunnelCounts) {
  let previous = funnel.started;
  return flow.steps.map((step, index) => {
    const viewed = funnel.stepViews.get(step.id) ?? 0;
    const dropOff = previous - viewed;
    const row = { stepId: step.id, index, viewed, dropOff, dropOffRate: previous === 0 ? null : dropOff / previous };
    previous = viewed;
    return row;
  });
}

/** Steps viewed in the period that the current definition no longer has (earlier versions). */
function otherSteps(flow: Flow, funnel: FunnelCounts) {
  const current = new Set(flow.steps.map((s) => s.id));
  return [...funnel.stepViews].filter(([id]) => !current.has(id)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([stepId, viewed]) => ({ stepId, viewed }));
}

export function createFlowReports(deps: ReportDeps) {
  const store = createReportStore(deps.db);

  return {
    async report(workspaceId: number, flow: Flow, query: z.output<typeof reportQuerySchema>) {
      const window = resolveWindow(query, Date.parse(flow.createdAt), deps.now());
      const settings = await deps.settings.get(workspaceId);
      const goal = flow.goal === undefined ? null : { event: flow.goal.event, withinMs: Math.round(flow.goal.withinDays * DAY_MS) };
      const rows = await store.read(workspaceId, flow.id, window, flow.steps.map((s) => s.id), goal);
      const { funnel, members } = rows;

      const hasHoldout = flow.holdout > 0 || members.some((m) => m.holdout);
      const notes: string[] = [];
      if (!hasHoldout) notes.push('The flow has no holdout (holdout share 0 and nobody held out in the period): nothing to compare against.');
      if (flow.goal === undefined) notes.push('The flow has no goal ({"event", "withinDays"}).');
      if (hasHoldout && settings.activation.events.length === 0) notes.push('No activation events are set in /v1/settings (activation.events).');
      if (hasHoldout && settings.valueEvent === null) notes.push('No value event is set in /v1/settings (valueEvent).');

      return {
        flowId: flow.id,
        query: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(), asOf: new Date(window.asOf).toISOString() },
        holdoutShare: flow.holdout,
        started: funnel.started,
        steps: funnelSteps(flow, funnel),
        otherSteps: otherSteps(flow, funnel),
        completed: funnel.completed,
        dismissed: funnel.dismissed,
        targetMissing: funnel.targetMissing,
        heldOut: funnel.heldOut,
        missingTargets: rows.missingTargets,
        goal: hasHoldout && flow.goal !== undefined ? compareGoal(members, flow.goal, window.asOf) : null,
        activation: hasHoldout && settings.activation.events.length > 0 ? compareActivation(members, settings.activation, window.asOf) : null,
        timeToValue: hasHoldout && settings.valueEvent !== null ? compareTimeToValue(members, settings.valueEvent, window.asOf) : null,
        notes,
      };
    },
  };
}

export type FlowReports = ReturnType<typeof createFlowReports>;
