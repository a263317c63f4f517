// What the API reference says about each /v1 route: summary, who may call it, and the zod schemas
// of its body and query. Keys are `METHOD path` exactly as Hono registers them; openapi.test.ts
// fails when a route has no entry here, or an entry names a route that no longer exists.
import { z } from 'zod';
import { accountFiltersSchema, accountQuerySchema } from '../accounts/list';
import { flowInputSchema, messageSchema, settingsSchema } from '../contracts';
import { deliveryQuerySchema, webhookInputSchema } from '../contracts/webhooks';
import { reportQuerySchema } from '../flows/report-params';
import { metricQuerySchema } from '../metrics/params';
import { recentEventsQuerySchema } from '../team/recent-events';
import { filtersSchema as userFiltersSchema, pageSchema } from '../users/params';
import { acceptSchema, invitationSchema, passwordChangeSchema, signInSchema } from '../team/schemas';

/** admin: secret key or dashboard session · write: write key · session: the dashboard cookie · public: none. */
export type Auth = 'admin' | 'write' | 'session' | 'public';

export type RouteDoc = {
  summary: string;
  auth: Auth;
  tag: string;
  /** Named schemas become components; the name is how the page and the spec refer to them. */
  body?: { name: string; schema: z.ZodType };
  query?: z.ZodType;
  /** Status codes beyond 200 and the errors every route can answer. */
  status?: number;
};

const batchSchema = z.object({
  batch: z.array(messageSchema).max(10_000),
  sentAt: z.union([z.string(), z.number()]).optional(),
  writeKey: z.string().optional(),
  context: z.record(z.string(), z.unknown()).optional(),
});
const message = { name: 'Message', schema: messageSchema };
const flow = { name: 'FlowInput', schema: flowInputSchema };
const webhook = { name: 'WebhookInput', schema: webhookInputSchema };
const bootstrapQuerySchema = z.object({
  userId: z.string().optional(),
  anonymousId: z.string().optional(),
  groupId: z.string().optional(),
  userHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  writeKey: z.string().optional(),
});
const userListSchema = userFiltersSchema.extend(pageSchema.shape);
const eventNamesQuerySchema = z.object({ q: z.string().max(200).optional(), limit: z.number().int().min(1).max(1000).default(200) });

const single = (type: string): RouteDoc => ({ summary: `One \`${type}\` message (Segment's /v1/${type})`, auth: 'write', tag: 'Ingestion', body: message });

export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'POST /v1/batch': { summary: 'A batch of Segment messages; valid ones are stored even when neighbours are rejected', auth: 'write', tag: 'Ingestion', body: { name: 'Batch', schema: batchSchema } },
  'POST /v1/track': single('track'),
  'POST /v1/identify': single('identify'),
  'POST /v1/group': single('group'),
  'POST /v1/page': single('page'),
  'POST /v1/screen': single('screen'),
  'POST /v1/alias': single('alias'),
  'GET /v1/sdk/bootstrap': { summary: 'Published flows this user is eligible for now, with their progress', auth: 'write', tag: 'SDK', query: bootstrapQuerySchema },

  'POST /v1/session': { summary: 'Sign in to the dashboard: sets the onward_session cookie, answers the member, workspace and csrfToken', auth: 'public', tag: 'Dashboard sessions', body: { name: 'SignIn', schema: signInSchema } },
  'GET /v1/session': { summary: 'The signed-in member, workspace and csrfToken; 401 when not signed in', auth: 'session', tag: 'Dashboard sessions' },
  'DELETE /v1/session': { summary: 'Sign out: deletes the session and clears the cookie', auth: 'session', tag: 'Dashboard sessions', status: 204 },
  'PUT /v1/session/password': { summary: "Change the signed-in member's password; other sessions of the member end", auth: 'session', tag: 'Dashboard sessions', body: { name: 'PasswordChange', schema: passwordChangeSchema }, status: 204 },
  'GET /v1/team': { summary: 'Members and pending invitations', auth: 'admin', tag: 'Team' },
  'POST /v1/team/invitations': { summary: 'Invite someone (owners and admins): answers the one-time link /#/accept/<token>, valid 7 days', auth: 'admin', tag: 'Team', body: { name: 'InvitationInput', schema: invitationSchema }, status: 201 },
  'DELETE /v1/team/invitations/:id': { summary: 'Revoke a pending invitation', auth: 'admin', tag: 'Team', status: 204 },
  'DELETE /v1/team/members/:id': { summary: 'Remove a member (owners and admins; the last owner stays)', auth: 'admin', tag: 'Team', status: 204 },
  'POST /v1/invitations/:token/accept': { summary: 'Accept an invitation: creates the member and signs them in (410 when used or expired)', auth: 'public', tag: 'Team', body: { name: 'InvitationAcceptance', schema: acceptSchema }, status: 201 },

  'GET /v1/flows': { summary: 'Every flow with its draft and published version', auth: 'admin', tag: 'Flows' },
  'POST /v1/flows': { summary: 'Create a flow (id generated when absent)', auth: 'admin', tag: 'Flows', body: flow, status: 201 },
  'GET /v1/flows/:id': { summary: 'One flow', auth: 'admin', tag: 'Flows' },
  'PUT /v1/flows/:id': { summary: "Replace a flow's draft", auth: 'admin', tag: 'Flows', body: flow },
  'DELETE /v1/flows/:id': { summary: 'Delete a flow', auth: 'admin', tag: 'Flows', status: 204 },
  'POST /v1/flows/:id/publish': { summary: 'Publish the draft as a new immutable version', auth: 'admin', tag: 'Flows' },
  'POST /v1/flows/:id/unpublish': { summary: 'Stop delivering the flow', auth: 'admin', tag: 'Flows' },
  'GET /v1/flows/:id/versions': { summary: 'The published versions of a flow', auth: 'admin', tag: 'Flows' },
  'GET /v1/flows/:id/report': { summary: 'Funnel, goal and holdout lift (METRICS.md)', auth: 'admin', tag: 'Flows', query: reportQuerySchema },

  'GET /v1/settings': { summary: 'Workspace settings (with the read-only identity secret)', auth: 'admin', tag: 'Settings' },
  'PUT /v1/settings': { summary: 'Replace the workspace settings', auth: 'admin', tag: 'Settings', body: { name: 'Settings', schema: settingsSchema } },

  'GET /v1/webhooks': { summary: 'Webhook endpoints', auth: 'admin', tag: 'Webhooks' },
  'POST /v1/webhooks': { summary: 'Add a webhook endpoint (its signing secret is generated)', auth: 'admin', tag: 'Webhooks', body: webhook, status: 201 },
  'GET /v1/webhooks/:id': { summary: 'One webhook endpoint', auth: 'admin', tag: 'Webhooks' },
  'PUT /v1/webhooks/:id': { summary: "Replace a webhook endpoint's settings", auth: 'admin', tag: 'Webhooks', body: webhook },
  'DELETE /v1/webhooks/:id': { summary: 'Remove a webhook endpoint', auth: 'admin', tag: 'Webhooks', status: 204 },
  'GET /v1/webhooks/:id/deliveries': { summary: 'The latest deliveries of an endpoint', auth: 'admin', tag: 'Webhooks', query: deliveryQuerySchema },

  'GET /v1/metrics/:name': { summary: 'A customer-success metric: ttv, activation, retention, dormancy, nps or ndr (METRICS.md)', auth: 'admin', tag: 'Metrics', query: metricQuerySchema },
  'GET /v1/metrics/ttv/distribution': { summary: 'Histogram of reached time-to-value over the ttv cohort (fixed bins from 0 to 30 days and more)', auth: 'admin', tag: 'Metrics', query: metricQuerySchema },
  'GET /v1/metrics/nps/comments': { summary: 'The latest survey answers with a comment in [from, to), newest first; also takes limit (1–200, default 20)', auth: 'admin', tag: 'Metrics', query: metricQuerySchema },
  'GET /v1/events/names': { summary: 'Track event names seen, most frequent first (for pickers)', auth: 'admin', tag: 'Events', query: eventNamesQuerySchema },
  'GET /v1/events/recent': { summary: 'The latest stored messages, newest first; poll with after=<latest> for new ones', auth: 'admin', tag: 'Events', query: recentEventsQuerySchema },

  'GET /v1/accounts': { summary: 'Accounts with health, stage, segment and expansion, filtered and paged', auth: 'admin', tag: 'Accounts', query: accountQuerySchema },
  'GET /v1/accounts.csv': { summary: 'The same accounts as CSV', auth: 'admin', tag: 'Accounts', query: accountFiltersSchema },
  'GET /v1/accounts/:id': { summary: 'One account: health components, users, history', auth: 'admin', tag: 'Accounts', query: accountFiltersSchema.pick({ asOf: true }) },
  'GET /v1/users': { summary: 'Users with start, TTV, activation, last seen and account', auth: 'admin', tag: 'Users', query: userListSchema },
  'GET /v1/users.csv': { summary: 'The same users as CSV', auth: 'admin', tag: 'Users', query: userFiltersSchema },
  'GET /v1/users/:id': { summary: 'One user: traits, flows and a timeline', auth: 'admin', tag: 'Users', query: z.object({ days: z.number().int().min(1).max(365).default(30) }) },
};
