// Shapes of the admin API answers the dashboard reads. Request bodies and settings come from the
// server's contracts; these mirror server/src/{auth,accounts,users,catalog}/routes.ts answers.
import type { Settings } from '@onward/server/contracts';

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

// The accounts and users answers are the server's own contract types.
export type {
  AccountDetail,
  AccountItem,
  AccountList,
  AccountMember,
  AccountResults,
  HealthComponent,
  HealthComponentName,
  RiskFlag,
  UserDetail,
  UserFlow,
  UserItem,
  UserList,
} from '@onward/server/contracts';
export type AccountSort = 'health' | 'activeUsers' | 'users' | 'mrr' | 'name' | 'seats';
