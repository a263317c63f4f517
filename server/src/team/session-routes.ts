// /v1/session: dashboard sign-in (cookie + CSRF token), who am I, sign-out, password change.
// Stage: the dashboard's entry; every other admin route then accepts the cookie (admin-auth.ts).
import { Hono } from 'hono';
import type { Database } from '../db';
import { ApiError, badRequest, unauthorized } from '../http/api-error';
import { readJson } from '../http/body';
import { checkCsrf, checkOrigin } from '../http/csrf';
import { parseOr400 } from '../http/validate';
import { clientAddress, sessionBody } from './answers';
import { clearSessionCookie, sessionToken, setSessionCookie } from './cookie';
import { createMemberStore, normalizeEmail } from './members';
import { DEFAULT_PARAMS, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './password';
import { requireSession, sessionOf } from './session-auth';
import { passwordChangeSchema, signInSchema } from './schemas';
import type { SessionStore } from './sessions';
import { createSignInLimit } from './sign-in-limit';


const WRONG = 'Wrong email or password';

export function sessionRoutes(deps: { db: Database; sessions: SessionStore; now: () => number; passwordParams?: ScryptParams }) {
  const { sessions, now, passwordParams = DEFAULT_PARAMS } = deps;
  const members = createMemberStore(deps.db, now);
  const limit = createSignInLimit(deps.db, now);
  // Checked when the email is unknown, so a miss takes as long as a wrong password.
  let dummyHash: Promise<string> | undefined;

  const tooMany = (seconds: number) =>
    new ApiError(429, 'rate_limited', `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} min`, undefined, { 'Retry-After': String(seconds) });

  const app = new Hono();

  app.post('/', async (c) => {
    checkOrigin(c);
    const { email, password } = parseOr400(signInSchema, (await readJson(c)).value, 'sign-in');
    const key = `${normalizeEmail(email)}|${clientAddress(c)}`;
    const wait = await limit.retryAfter(key);
    if (wait !== null) throw tooMany(wait);
    const member = await members.byEmail(email);
    dummyHash ??= hashPassword('not a password of anyone', passwordParams);
    const ok = await verifyPassword(password, member?.passwordHash ?? (await dummyHash));
    if (member === null || !ok) {
      await limit.fail(key);
      throw unauthorized(WRONG);
    }
    await limit.clear(key);
    if (needsRehash(member.passwordHash, passwordParams)) await members.rehash(member.id, await hashPassword(password, passwordParams));
    const { token } = await sessions.create(member.id);
    const session = await sessions.lookup(token);
    if (session === null) throw unauthorized(WRONG);
    setSessionCookie(c, token, session.expiresAt, now());
    return c.json(sessionBody(session));
  });

  app.get('/', async (c) => c.json(sessionBody(await requireSession(c, sessions, now))));

  // Signing out needs the CSRF token too (else any site could sign you out); a dead cookie is just cleared.
  app.delete('/', async (c) => {
    if (sessionToken(c) === undefined) return c.body(null, 204);
    const session = await sessionOf(c, sessions, now);
    if (session !== null) {
      checkCsrf(c, session.csrfToken);
      await sessions.remove(session.tokenHash);
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.put('/password', async (c) => {
    const session = await requireSession(c, sessions, now);
    const { current, next } = parseOr400(passwordChangeSchema, (await readJson(c)).value, 'password change');
    const key = `${session.member.email}|${clientAddress(c)}`;
    const wait = await limit.retryAfter(key);
    if (wait !== null) throw tooMany(wait);
    const member = await members.byId(session.workspace.id, session.member.id);
    if (member === null || !(await verifyPassword(current, member.passwordHash))) {
      await limit.fail(key);
      throw badRequest('The current password is wrong', [{ path: 'current', message: 'is wrong' }]);
    }
    await members.setPassword(member.id, await hashPassword(next, passwordParams));
    // Other browsers signed in with the old password are signed out; this one stays.
    await sessions.removeOthers(member.id, session.tokenHash);
    return c.body(null, 204);
  });

  return app;
}
