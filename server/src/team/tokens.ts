// Bearer secrets handed to a browser (session cookie, invitation link): 32 random bytes; only their
// SHA-256 is stored, so a copy of the database cannot be used to sign in.
import { createHash, randomBytes } from 'node:crypto';

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new random token and the hash to store for it. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}
