// Accounts: health, stage, segment, expansion and risk of each account (METRICS.md "Accounts").
export { accountRoutes, type AccountScoring } from './routes';
export { listAccountScores, scoreAccounts, scoreAllIn, type ScoreAll, type ScoredAccount } from './score';
export { createScoreSnapshots, scoreAndStoreIn } from './snapshot';
export { createWorkerScorer } from './worker-scorer';
