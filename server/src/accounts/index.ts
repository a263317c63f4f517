// Accounts: health, stage, segment, expansion and risk of each account (METRICS.md "Accounts").
export { accountRoutes } from './routes';
export { listAccountScores, scoreAccounts, type ScoredAccount } from './score';
export { accountStage } from './stage';
