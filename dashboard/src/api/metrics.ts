// The metric routes the Analytics page reads (GET /v1/metrics/*, docs/metrics.md), mounted on the
// admin API as `metrics`.
import { query, type Client } from './client';

export type MetricFilter = { from: number; to: number; segment?: string | undefined; asOf?: number | undefined };

type Echo = { query: { from: string; to: string; asOf: string; segment: string | null }; rebuilding?: { done: number; total: number }; note?: string };

export type KmPoint = { time: number; survival: number; atRisk: number };
export type Ttv = Echo & { users: number; reached: number; reachedShare: number | null; medianMs: number | null; p90Ms: number | null; kmMedianMs: number | null; curve: KmPoint[] };
export type TtvBin = { fromMs: number; toMs: number | null; users: number };
export type TtvDistribution = Echo & { users: number; reached: number; bins: TtvBin[] };
export type Activation = Echo & { users: number; mature: number; activated: number | null; rate: number | null };
export type RetentionCohort = { week: string; size: number; retained: (number | null)[]; rates: (number | null)[] };
export type Retention = Echo & { weeks: number; cohorts: RetentionCohort[] };
export type Dormancy = Echo & { active: number; dormant: number; reactivated: number };
export type Nps = Echo & { respondents: number; promoters: number; passives: number; detractors: number; nps: number | null };
export type NpsComment = { userId: string; score: number; comment: string; at: string; flowId: string | null };
export type NpsComments = Echo & { comments: NpsComment[] };
export type Ndr = Echo & { accounts: number; beginMrr: number; endMrr: number; upgrades: number; downgrades: number; churn: number; ndr: number | null };

const params = (f: MetricFilter, extra: Record<string, number> = {}) => query({ from: f.from, to: f.to, segment: f.segment, asOf: f.asOf, ...extra });

export function createMetricsApi(client: Client) {
  const get = <T>(path: string, signal?: AbortSignal) => client.get<T>(path, signal);
  return {
    ttv: (f: MetricFilter, s?: AbortSignal) => get<Ttv>(`/v1/metrics/ttv${params(f)}`, s),
    ttvDistribution: (f: MetricFilter, s?: AbortSignal) => get<TtvDistribution>(`/v1/metrics/ttv/distribution${params(f)}`, s),
    activation: (f: MetricFilter, s?: AbortSignal) => get<Activation>(`/v1/metrics/activation${params(f)}`, s),
    retention: (f: MetricFilter, weeks: number, s?: AbortSignal) => get<Retention>(`/v1/metrics/retention${params(f, { weeks })}`, s),
    dormancy: (f: MetricFilter, s?: AbortSignal) => get<Dormancy>(`/v1/metrics/dormancy${params(f)}`, s),
    nps: (f: MetricFilter, s?: AbortSignal) => get<Nps>(`/v1/metrics/nps${params(f)}`, s),
    npsComments: (f: MetricFilter, limit: number, s?: AbortSignal) => get<NpsComments>(`/v1/metrics/nps/comments${params(f, { limit })}`, s),
    ndr: (f: MetricFilter, s?: AbortSignal) => get<Ndr>(`/v1/metrics/ndr${params(f)}`, s),
  };
}

export type MetricsApi = ReturnType<typeof createMetricsApi>;
