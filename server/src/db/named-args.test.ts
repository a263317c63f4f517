import { describe, expect, it } from 'vitest';
import { withUsedArgs } from './named-args';

describe('withUsedArgs', () => {
  it('keeps the named arguments the SQL mentions, in any of the three prefixes', () => {
    const stmt = { sql: "SELECT :a, @b, $c, json_extract(x, '$.path'), '12:30'", args: { a: 1, b: 2, c: 3, d: 4, path: 5 } };
    expect(withUsedArgs(stmt)).toEqual({ sql: stmt.sql, args: { a: 1, b: 2, c: 3 } });
  });

  it('leaves positional and argument-less statements alone', () => {
    expect(withUsedArgs({ sql: 'SELECT ?', args: [1] })).toEqual({ sql: 'SELECT ?', args: [1] });
    expect(withUsedArgs('SELECT 1')).toBe('SELECT 1');
  });
});
