import { describe, expect, it } from 'vitest';
import { bitCounts, parseJoinedIntegers, parseTwoKinds } from './joined-integers';

describe('parseJoinedIntegers', () => {
  it('reads comma-joined non-negative integers', () => {
    expect(Array.from(parseJoinedIntegers('0'))).toEqual([0]);
    expect(Array.from(parseJoinedIntegers('518400000,0,36000000,4492800001'))).toEqual([518_400_000, 0, 36_000_000, 4_492_800_001]);
    expect(Array.from(parseJoinedIntegers('31104000000001'))).toEqual([31_104_000_000_001]);
    // With the count known (the query's count(*)), one pass.
    expect(Array.from(parseJoinedIntegers('7,30,5', 3))).toEqual([7, 30, 5]);
  });
});

describe('parseTwoKinds', () => {
  it("tells non-negative integers from ones'-complement ones, keeping each kind in order", () => {
    // -1 is 0 of the second kind, -4492800002 is 4492800001.
    const { first, second } = parseTwoKinds('5,-1,0,-4492800002,31104000000001,-8', 6);
    expect(Array.from(first)).toEqual([5, 0, 31_104_000_000_001]);
    expect(Array.from(second)).toEqual([0, 4_492_800_001, 7]);
    expect(parseTwoKinds('', 0)).toEqual({ first: new Float64Array(0), second: new Float64Array(0) });
  });

  it('throws when it reads another number of integers than it was told', () => {
    expect(() => parseTwoKinds('5,-1,0', 2)).toThrow('expected 2 joined integers, read 3');
    expect(() => parseTwoKinds('5,-1', 3)).toThrow('expected 3 joined integers, read 2');
    expect(() => parseTwoKinds('', 1)).toThrow('expected 1 joined integers, read 0');
  });
});

describe('bitCounts', () => {
  it('counts each bit position over the values, both 26-bit halves included', () => {
    expect(bitCounts(Float64Array.from([0b1011, 0b0010, 0]), 4)).toEqual([1, 2, 0, 1]);
    const high = 2 ** 51 + 2 ** 26 + 2 ** 25 + 1;
    expect(bitCounts(Float64Array.from([high, 2 ** 26]), 52)).toEqual(Array.from({ length: 52 }, (_, b) => (b === 26 ? 2 : [0, 25, 51].includes(b) ? 1 : 0)));
    // Bits at or past `bits` are not counted.
    expect(bitCounts(Float64Array.from([2 ** 30 + 2 ** 3]), 8)).toEqual([0, 0, 0, 1, 0, 0, 0, 0]);
    expect(bitCounts(new Float64Array(0), 3)).toEqual([0, 0, 0]);
  });
});
