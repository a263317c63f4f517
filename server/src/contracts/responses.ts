// The answers of the accounts and users admin API (README "Accounts and users"), as the server
// builds them and the dashboard reads them: one definition, so a changed field fails both typechecks.
import type { Stage } from './audience';

export const RISK_FLAGS = ['low_activity', 'low_activation', 'detractors', 'renewal_soon_low_health'] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

export const HEALTH_COMPONENTS = ['recentActivity', 'seatsActive', 'activation', 'keyEvents', 'nps'] as const;
export type HealthComponentName = (typeof HEALTH_COMPONENTS)[number];

/** A row of GET /v1/accounts. */
export type AccountItem = {
  id: string;
  name: string | null;
  segment: string | null;
  health: number;
  stage: Stage | null;
  activeUsers: number;
  users: number;
  seats: number | null;
  expansion: boolean;
  mrr: number | null;
  risk: RiskFlag[];
};
export type AccountList = { asOf: string; accounts: AccountItem[]; total: number; nextCursor: string | null };

export type HealthComponent = {
  name: HealthComponentName;
  value: number | null;
  weight: number;
  /** The share of the score it carries once components without data are left out. */
  effectiveWeight: number;
  explanation: string;
};
/** "Results so far" for a renewal conversation. */
export type AccountResults = {
  users: number;
  usersOnboarded: number;
  activated: number;
  mature: number;
  activationRate: number | null;
  medianTtvMs: number | null;
  nps: number | null;
  respondents: number;
};
export type AccountMember = { id: string; lastSeen: string | null; activated: boolean; dormant: boolean };
/** GET /v1/accounts/:id: the list item's fields, with `users` the members (their count is results.users). */
export type AccountDetail = Omit<AccountItem, 'users'> & {
  asOf: string;
  traits: Record<string, unknown>;
  components: HealthComponent[];
  results: AccountResults;
  users: AccountMember[];
  usersTruncated: boolean;
};

/** A user's figures (METRICS.md "Per user"), in the list and on the user's page alike. */
type UserFigures = {
  start: string | null;
  valueAt: string | null;
  ttvMs: number | null;
  activated: boolean;
  firstSeen: string | null;
  lastSeen: string | null;
  dormant: boolean;
};

/** A row of GET /v1/users; email and name are the traits as sent. */
export type UserItem = UserFigures & { id: string; email: unknown; name: unknown; accountId: string | null };
export type UserList = { asOf: string; users: UserItem[]; nextCursor: string | null };

export type UserFlow = {
  flowId: string;
  version: number;
  status: string;
  stepIndex: number;
  at: string | null;
  firstSeenAt: string | null;
  completedAt: string | null;
  dismissedAt: string | null;
  heldOutAt: string | null;
};
/** GET /v1/users/:id. */
export type UserDetail = UserFigures & {
  asOf: string;
  id: string;
  anonymous: boolean;
  dormantAfterDays: number;
  traits: Record<string, unknown>;
  account: { id: string; name: string | null; segment: string | null; stage: Stage | null; health: number | null } | null;
  flows: UserFlow[];
  recentEvents: { day: string; event: string; count: number; firstAt: string; lastAt: string }[];
  activity: { day: string; firstAt: string; lastAt: string }[];
};
