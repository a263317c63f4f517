// Background jobs: the leased periodic runner, the dormancy sweep that produces webhook events.
export { createBackgroundJobs, JOB_NAMES, type BackgroundJobsOptions } from './background';
export { createJobRunner, type Job, type JobRunner, type JobOutcome } from './runner';
export { createDormancySweep, type DormancySweep, type SweepReport } from './dormancy-sweep';
export type { AccountScore, ListAccountScores } from './account-events';
