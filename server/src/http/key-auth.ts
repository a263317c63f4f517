// Resolves a write or secret key to its workspace, or answers 401 saying what was wrong.
import type { WorkspaceStore } from '../auth/workspaces';
import { unauthorized } from './api-error';

export async function workspaceForKey(workspaces: WorkspaceStore, key: string | undefined) {
  if (key === undefined) {
    throw unauthorized('Missing write key: send it as the Basic user name, a Bearer token, or "writeKey" in the body');
  }
  const found = await workspaces.byKey(key);
  if (found === null) throw unauthorized('Unknown write key');
  return found;
}
