import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, hashPassword, needsRehash, paramsOf, verifyPassword } from './password';

describe('password hashing (scrypt)', () => {
  it('round-trips, and stores its parameters and a 16-byte salt with the hash', async () => {
    const stored = await hashPassword('correct horse battery');
    const [scheme, n, r, p, salt, key] = stored.split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(['scrypt', 2 ** 15, 8, 1]);
    expect(Buffer.from(salt ?? '', 'base64url')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64url')).toHaveLength(32);
    expect(paramsOf(stored)).toEqual(DEFAULT_PARAMS);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('verifies hashes made with other parameters, and says when they are weaker than today', async () => {
    const weak = await hashPassword('an older password', { N: 2 ** 10, r: 8, p: 1 });
    expect(await verifyPassword('an older password', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('x'))).toBe(false);
  });

  it.each(['', 'plain', 'bcrypt$2$8$1$abc$def', 'scrypt$3$8$1$abc$def', `scrypt$${2 ** 30}$8$1$abc$def`])(
    'refuses the stored value %j without throwing',
    async (stored) => {
      expect(paramsOf(stored)).toBeNull();
      expect(await verifyPassword('anything', stored)).toBe(false);
    },
  );

  it('normalizes Unicode, so the same password typed on another keyboard still matches', async () => {
    const stored = await hashPassword('caf\u00e9 au lait');
    expect(await verifyPassword('cafe\u0301 au lait', stored)).toBe(true);
  });
});
