// Identity verification: the vendor's backend signs the userId, so nobody can claim another user.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** hex HMAC-SHA256(secret, userId), as the vendor's backend computes it. */
export function userHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

export function isVerified(secret: string, userId: string, hash: string | null | undefined): boolean {
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/i.test(hash)) return false;
  return timingSafeEqual(Buffer.from(userHash(secret, userId), 'hex'), Buffer.from(hash, 'hex'));
}
