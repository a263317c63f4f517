// The admin API, one typed function per route the dashboard calls (CONTRACT.md §3 and the
// session/team routes). Pages call these; they never build URLs or call fetch themselves.
import type { SettingsInput } from '@onward/server/contracts';
import { query, type Client } from './client';
import { flowsApi } from './flows';
import { createMetricsApi } from './metrics';
import { webhooksApi } from './webhooks';
import type {
  AccountDetail, AccountList, AccountSort, EventNames, Invitation, RecentEvents, Role, Session,
  SettingsDocument, Team, UserDetail, UserList,
} from './types';

export type AccountQuery = {
  q?: string;
  segment?: string;
  stage?: string;
  risk?: string;
  expansion?: boolean;
  sort?: AccountSort;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
};

/** Filters of GET /v1/users; the start, TTV, week and return ones select the users behind a metric's figure. Times in epoch ms. */
export type UserFilters = {
  activated?: boolean;
  dormant?: boolean;
  account?: string;
  segment?: string;
  startFrom?: number;
  startTo?: number;
  reached?: boolean;
  ttvFromMs?: number;
  ttvToMs?: number;
  retainedWeek?: number;
  returnedFrom?: number;
  returnedTo?: number;
};
export type UserQuery = UserFilters & { limit?: number; cursor?: string };

const path = (segment: string) => encodeURIComponent(segment);

export function createAdminApi(client: Client) {
  return {
    session: {
      read: () => client.get<Session>('/v1/session'),
      signIn: (email: string, password: string) => client.post<Session>('/v1/session', { email, password }),
      signOut: () => client.del('/v1/session'),
      changePassword: (current: string, next: string) => client.put<void>('/v1/session/password', { current, next }),
    },
    team: {
      read: () => client.get<Team>('/v1/team'),
      invite: (email: string, role: Role) => client.post<{ invitation: Invitation & { url: string } }>('/v1/team/invitations', { email, role }),
      revoke: (invitationId: string) => client.del(`/v1/team/invitations/${path(invitationId)}`),
      accept: (token: string, name: string, password: string) =>
        client.post<Session>(`/v1/invitations/${path(token)}/accept`, { name, password }),
      remove: (memberId: string) => client.del(`/v1/team/members/${path(memberId)}`),
    },
    events: {
      recent: (after: number | undefined, limit = 20) => client.get<RecentEvents>(`/v1/events/recent${query({ limit, after })}`),
      names: () => client.get<EventNames>('/v1/events/names'),
    },
    settings: {
      read: () => client.get<SettingsDocument>('/v1/settings'),
      save: (settings: SettingsInput) => client.put<SettingsDocument>('/v1/settings', settings),
    },
    accounts: {
      list: (q: AccountQuery, signal?: AbortSignal) => client.get<AccountList>(`/v1/accounts${query(q)}`, signal),
      read: (id: string) => client.get<AccountDetail>(`/v1/accounts/${path(id)}`),
    },
    users: {
      list: (q: UserQuery, signal?: AbortSignal) => client.get<UserList>(`/v1/users${query(q)}`, signal),
      read: (id: string) => client.get<UserDetail>(`/v1/users/${path(id)}`),
    },
    flows: flowsApi(client),
    metrics: createMetricsApi(client),
    webhooks: webhooksApi(client),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
