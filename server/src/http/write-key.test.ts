import { describe, expect, it } from 'vitest';
import { keyFromBody, keyFromHeader } from './write-key';

describe('write key extraction', () => {
  it.each([
    [`Basic ${Buffer.from('pk_a:').toString('base64')}`, 'pk_a'],
    [`basic ${Buffer.from('pk_b').toString('base64')}`, 'pk_b'],
    ['Bearer pk_c', 'pk_c'],
    ['Bearer', undefined],
    ['Token pk_d', undefined],
    [undefined, undefined],
  ])('%s → %s', (header, key) => {
    expect(keyFromHeader(header)).toBe(key);
  });

  it('reads writeKey from a body object only', () => {
    expect(keyFromBody({ writeKey: 'pk_e' })).toBe('pk_e');
    expect(keyFromBody({ writeKey: 5 })).toBeUndefined();
    expect(keyFromBody(null)).toBeUndefined();
  });
});
