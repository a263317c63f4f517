// Accounts: health, stage, segment, expansion and risk of each account (METRICS.md "Accounts").
export { accountRoutes, checkSegment } from './routes';
export { accountsInSegment, listAccountScores, scoreAccounts, type ScoredAccount } from './score';
export { accountStage } from './stage';
