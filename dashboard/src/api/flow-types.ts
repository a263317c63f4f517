// Answers of GET /v1/flows/:id/versions and GET /v1/flows/:id/report (METRICS.md "Flow reports, precisely").
import type { FlowDefinition } from '@onward/server/contracts';

export type FlowVersion = { version: number; publishedAt: string; users: number; definition: FlowDefinition };

export type Verdict = 'not_enough_users' | 'no_detectable_effect' | 'likely_real';
export type Interval = [number, number];

export type FunnelStep = { stepId: string; index: number; viewed: number; dropOff: number; dropOffRate: number | null };
export type MissingTarget = { stepId: string | null; selector: string | null; url: string | null; users: number; events: number; lastAt: string | number | null };

type Arm = { users: number; converted: number; rate: number | null; pending: number };
export type GoalComparison = {
  event: string;
  withinDays: number;
  exposed: Arm;
  holdout: Arm;
  lift: number | null;
  ci95: Interval | null;
  verdict: Verdict;
  summary: string;
};

type ActivationArm = { users: number; activated: number; rate: number | null };
export type ActivationComparison = {
  events: string[];
  windowDays: number;
  exposed: ActivationArm;
  holdout: ActivationArm;
  difference: number | null;
  ci95: Interval | null;
  verdict: Verdict;
  summary: string;
};

type TtvArm = { users: number; reached: number; kmMedianMs: number | null };
export type TtvComparison = {
  valueEvent: string;
  exposed: TtvArm;
  holdout: TtvArm;
  differenceMs: number | null;
  ci95: Interval | null;
  verdict: Verdict;
  summary: string;
};

export type FlowReport = {
  flowId: string;
  query: { from: string; to: string; asOf: string };
  holdoutShare: number;
  started: number;
  steps: FunnelStep[];
  otherSteps: { stepId: string; viewed: number }[];
  completed: number;
  dismissed: number;
  targetMissing: number;
  heldOut: number;
  missingTargets: MissingTarget[];
  goal: GoalComparison | null;
  activation: ActivationComparison | null;
  timeToValue: TtvComparison | null;
  notes: string[];
};
