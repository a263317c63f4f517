// Shapes of the admin API answers the dashboard reads. Request bodies and settings come from the
// server's contracts; these mirror server/src/{auth,accounts,users,catalog}/routes.ts answers.
import type { Settings, Stage } from '@onward/server/contracts';

export type Role = 'owner' | 'admin' | 'member';
export const ROLES = ['owner', 'admin', 'member'] as const satisfies readonly Role[];

export type Member = { id: string; email: string; name: string; role: Role; createdAt: string };
export type Workspace = { id: string | number; name: string; writeKey: string };
/** POST/GET /v1/session and an accepted invitation. */
export type Session = { member: Member; workspace: Workspace; csrfToken: string; expiresAt: string };

export type Invitation = { id: string; email: string; role: Role; invitedBy: string | null; createdAt: string; expiresAt: string };
/** GET /v1/team: members and the invitations still pending. */
export type Team = { members: Member[]; invitations: Invitation[] };

/** One stored message from GET /v1/events/recent; `id` is the arrival order (the `after` cursor). */
export type RecentEvent = {
  id: number;
  type: string;
  event: string | null;
  userId: string | null;
  anonymousId: string | null;
  groupId?: string | null;
  timestamp: string | number;
  receivedAt?: string | number;
};
/** Newest first; `latest` is the `after` to send next (unchanged when nothing arrived). */
export type RecentEvents = { events: RecentEvent[]; latest: number | null };

/** GET /v1/events/names: every track event seen, most frequent first. */
export type EventNames = { events: { event: string; count: number; firstAt: string; lastAt: string }[] };

export type RebuildStatus = { running: boolean; reason: string | null; done: number; total: number; finishedAt: string | null };
export type SettingsDocument = Settings & { identitySecret: string; rebuild: RebuildStatus };

export type RiskFlag = 'low_activity' | 'low_activation' | 'detractors' | 'renewal_soon_low_health';
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
export type AccountSort = 'health' | 'activeUsers' | 'users' | 'mrr' | 'name' | 'seats';

export type HealthComponentName = 'recentActivity' | 'seatsActive' | 'activation' | 'keyEvents' | 'nps';
export type HealthComponent = {
  name: HealthComponentName;
  value: number | null;
  weight: number;
  effectiveWeight: number;
  explanation: string;
};
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
export type AccountDetail = AccountItem & {
  asOf: string;
  traits: Record<string, unknown>;
  components: HealthComponent[];
  results: AccountResults;
  users: { id: string; lastSeen: string | null; activated: boolean; dormant: boolean }[];
  usersTruncated: boolean;
};

export type UserItem = {
  id: string;
  email: unknown;
  name: unknown;
  accountId: string | null;
  start: string | null;
  valueAt: string | null;
  ttvMs: number | null;
  activated: boolean;
  firstSeen: string | null;
  lastSeen: string | null;
  dormant: boolean;
};
/** GET /v1/users: identified and anonymous users in id order (keyset pages). */
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
export type UserDetail = {
  asOf: string;
  id: string;
  anonymous: boolean;
  start: string | null;
  valueAt: string | null;
  ttvMs: number | null;
  activated: boolean;
  firstSeen: string | null;
  lastSeen: string | null;
  dormant: boolean;
  dormantAfterDays: number;
  traits: Record<string, unknown>;
  account: { id: string; name: string | null; segment: string | null; stage: Stage | null; health: number | null } | null;
  flows: UserFlow[];
  recentEvents: { day: string; event: string; count: number; firstAt: string; lastAt: string }[];
  activity: { day: string; firstAt: string; lastAt: string }[];
};

