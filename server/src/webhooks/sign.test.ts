import { describe, expect, it } from 'vitest';
import { generateSecret, sign, signedHeaders, verify } from './sign';

describe('webhook signatures (Standard Webhooks)', () => {
  it('matches the Standard Webhooks reference vector, so the Svix and standardwebhooks libraries verify it', () => {
    expect(sign('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('generates whsec_ secrets of 24 random bytes', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(generateSecret()).not.toBe(secret);
  });

  const secret = generateSecret();
  const now = 1_700_000_000_000;
  const body = '{"type":"user.dormant"}';
  const h = signedHeaders(secret, 'evt_1', now, body);
  const headers = { id: h['webhook-id'], timestamp: h['webhook-timestamp'], signature: h['webhook-signature'] };

  it('verifies what it signed, with the timestamp in seconds', () => {
    expect(headers.timestamp).toBe('1700000000');
    expect(verify(secret, headers, body, now)).toBe(true);
  });

  it.each([
    ['another body', { ...headers }, '{"type":"user.reactivated"}', now],
    ['another id', { ...headers, id: 'evt_2' }, body, now],
    ['another secret', { ...headers, signature: sign(generateSecret(), 'evt_1', 1_700_000_000, body) }, body, now],
    ['a timestamp over 5 minutes old', headers, body, now + 301_000],
    ['a missing header', { id: 'evt_1', timestamp: headers.timestamp }, body, now],
  ])('rejects %s', (_name, given, text, at) => {
    expect(verify(secret, given, text, at)).toBe(false);
  });

  it('accepts any one of several space-separated signatures (secret rotation)', () => {
    const other = sign(generateSecret(), 'evt_1', 1_700_000_000, body);
    expect(verify(secret, { ...headers, signature: `${other} ${headers.signature}` }, body, now)).toBe(true);
  });
});
