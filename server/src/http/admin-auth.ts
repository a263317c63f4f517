// Admin API authentication: the workspace's secret key as `Authorization: Bearer sk_…`.
// (Dashboard sessions join here when the dashboard lands.)
import { createMiddleware } from 'hono/factory';
import type { Workspace, WorkspaceStore } from '../auth/workspaces';
import { ApiError, unauthorized } from './api-error';
import { keyFromHeader } from './write-key';

export type AdminEnv = { Variables: { workspace: Workspace } };

export function adminAuth(workspaces: WorkspaceStore) {
  return createMiddleware<AdminEnv>(async (c, next) => {
    const key = keyFromHeader(c.req.header('authorization'));
    if (key === undefined) throw unauthorized('Missing secret key: send Authorization: Bearer sk_…');
    const found = await workspaces.byKey(key);
    if (found === null) throw unauthorized('Unknown key');
    if (found.kind !== 'secret') {
      throw new ApiError(403, 'forbidden', 'This is the publishable write key; the admin API needs the secret key (sk_…)');
    }
    c.set('workspace', found.workspace);
    await next();
  });
}
