// /v1/team (admin API: members and invitations) and /v1/invitations/:token/accept (public: the link
// an invitee opens). Owners and admins manage the team; the secret key acts as an owner.
import { Hono, type Context } from 'hono';
import type { Database } from '../db';
import type { AdminEnv } from './admin-auth';
import { ApiError, notFound } from '../http/api-error';
import { readJson } from '../http/body';
import { checkOrigin } from '../http/csrf';
import { parseOr400 } from '../http/validate';
import { sessionBody } from './answers';
import { setSessionCookie } from './cookie';
import { createInvitationStore } from './invitations';
import { createMemberStore, type Role } from './members';
import { hashPassword, type ScryptParams } from './password';
import { acceptSchema, invitationSchema } from './schemas';
import type { SessionStore } from './sessions';


const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

/** The caller's role: a member's own, or `owner` for the secret key. */
const roleOf = (c: Context<AdminEnv>): Role => c.var.member?.role ?? 'owner';

function requireManager(c: Context<AdminEnv>): Role {
  const role = roleOf(c);
  if (role === 'member') throw forbidden('Only owners and admins can manage the team');
  return role;
}

export function teamRoutes(deps: { db: Database; sessions: SessionStore; now: () => number; passwordParams?: ScryptParams }) {
  const { sessions, now } = deps;
  const members = createMemberStore(deps.db, now);
  const invitations = createInvitationStore(deps.db, now);
  const app = new Hono<AdminEnv>();

  app.get('/team', async (c) => {
    const id = c.var.workspace.id;
    return c.json({ members: await members.list(id), invitations: await invitations.pending(id) });
  });

  app.post('/team/invitations', async (c) => {
    const role = requireManager(c);
    const input = parseOr400(invitationSchema, (await readJson(c)).value, 'invitation');
    if (input.role === 'owner' && role !== 'owner') throw forbidden('Only an owner can invite another owner');
    if ((await members.byEmail(input.email)) !== null) {
      throw new ApiError(409, 'conflict', `${input.email} is already a member`, [{ path: 'email', message: 'is already a member' }]);
    }
    const { invitation, token } = await invitations.create(c.var.workspace.id, { ...input, invitedBy: c.var.member?.id ?? null });
    // The dashboard's own route: it asks the invitee for a name and password, then accepts.
    return c.json({ invitation: { ...invitation, url: `/#/accept/${token}` } }, 201);
  });

  app.delete('/team/invitations/:id', async (c) => {
    requireManager(c);
    if (!(await invitations.revoke(c.var.workspace.id, c.req.param('id')))) throw notFound(`No pending invitation ${c.req.param('id')}`);
    return c.body(null, 204);
  });

  app.delete('/team/members/:id', async (c) => {
    const role = requireManager(c);
    const id = c.req.param('id');
    const target = await members.byId(c.var.workspace.id, id);
    if (target === null) throw notFound(`No member ${id}`);
    if (target.role === 'owner' && role !== 'owner') throw forbidden('Only an owner can remove an owner');
    const outcome = await members.remove(c.var.workspace.id, id);
    if (outcome === 'not-found') throw notFound(`No member ${id}`);
    if (outcome === 'last-owner') throw new ApiError(409, 'conflict', 'The last owner cannot be removed; make someone else an owner first');
    return c.body(null, 204);
  });

  // No authentication: the token in the link is the credential. Answers like a sign-in.
  app.post('/invitations/:token/accept', async (c) => {
    checkOrigin(c);
    const input = parseOr400(acceptSchema, (await readJson(c)).value, 'acceptance');
    const passwordHash = await hashPassword(input.password, deps.passwordParams);
    const result = await invitations.accept(c.req.param('token'), { name: input.name, passwordHash });
    switch (result.status) {
      case 'unknown':
        throw notFound('No such invitation; check the link');
      case 'used':
      case 'expired':
        // 410 Gone: the link was real once. (The envelope has no `gone` code; not_found is the nearest.)
        throw new ApiError(410, 'not_found', result.status === 'used' ? 'This invitation was already used; ask for a new one' : 'This invitation has expired (they last 7 days); ask for a new one');
      case 'member-exists':
        throw new ApiError(409, 'conflict', 'This email is already a member; sign in instead');
      case 'ok': {
        const { token } = await sessions.create(result.memberId);
        const session = await sessions.lookup(token);
        if (session === null) throw notFound('The new member was removed meanwhile');
        setSessionCookie(c, token, session.expiresAt, now());
        return c.json(sessionBody(session), 201);
      }
    }
  });

  return app;
}
