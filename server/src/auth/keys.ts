// Publishable (pk_) and secret (sk_) keys of a workspace.
import { randomBytes } from 'node:crypto';

export type KeyKind = 'write' | 'secret';

/** A new key: the prefix, then 24 random bytes in base64url. */
export function generateKey(kind: KeyKind): string {
  return `${kind === 'write' ? 'pk' : 'sk'}_${randomBytes(24).toString('base64url')}`;
}
