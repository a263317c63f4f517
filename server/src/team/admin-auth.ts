// Admin API authentication: the workspace's secret key as `Authorization: Bearer sk_…`, or a
// dashboard session cookie (then unsafe methods need the session's X-CSRF-Token, see http/csrf.ts).
import { createMiddleware } from 'hono/factory';
import type { Workspace, WorkspaceStore } from '../auth/workspaces';
import { sessionToken } from './cookie';
import type { Member } from './members';
import { requireSession } from './session-auth';
import type { SessionStore } from './sessions';
import { ApiError, unauthorized } from '../http/api-error';
import { keyFromHeader } from '../http/write-key';

/** `member` is set when a dashboard session made the request, undefined for the secret key. */
export type AdminEnv = { Variables: { workspace: Workspace; member: Member | undefined } };

export function adminAuth(workspaces: WorkspaceStore, sessions?: SessionStore, now: () => number = Date.now) {
  return createMiddleware<AdminEnv>(async (c, next) => {
    // An outer mount of this middleware already authenticated the request (nested sub-apps).
    if ((c.get('workspace') as Workspace | undefined) !== undefined) return next();
    const authorization = c.req.header('authorization');
    if (authorization === undefined && sessions !== undefined && sessionToken(c) !== undefined) {
      const session = await requireSession(c, sessions, now);
      c.set('workspace', session.workspace);
      c.set('member', session.member);
      return next();
    }
    const key = keyFromHeader(authorization);
    if (key === undefined) throw unauthorized('Missing secret key: send Authorization: Bearer sk_…, or sign in to the dashboard');
    const found = await workspaces.byKey(key);
    if (found === null) throw unauthorized('Unknown key');
    if (found.kind !== 'secret') {
      throw new ApiError(403, 'forbidden', 'This is the publishable write key; the admin API needs the secret key (sk_…)');
    }
    c.set('workspace', found.workspace);
    c.set('member', undefined);
    await next();
  });
}
