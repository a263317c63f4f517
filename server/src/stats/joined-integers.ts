// Many integers out of one SQL row: a statement that would return hundreds of thousands of rows
// returns one group_concat() of them instead, as a row object each cost more than the query.

/** `count` non-negative integers below 2^53 joined by commas (counted here if not given), parsed without a string per number. */
export function parseJoinedIntegers(joined: string, count = countOf(joined, 44) + 1): Float64Array {
  const values = new Float64Array(count);
  let k = 0;
  let value = 0;
  for (let i = 0; i < joined.length; i += 1) {
    const c = joined.charCodeAt(i);
    if (c === 44) {
      values[k++] = value;
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  values[k] = value;
  return values;
}

/**
 * Exactly `count` integers of two kinds joined by commas: non-negative ones, and ones of a second
 * kind written as their ones' complement (−1 − v, so that 0 is written −1). One SQL aggregate can
 * then return both kinds at once, and a row says which kind it is with no second column. Another
 * number of integers throws: the figures made of them would be wrong.
 */
export function parseTwoKinds(joined: string, count: number): { first: Float64Array; second: Float64Array } {
  const checkRead = (n: number) => {
    if (n !== count) throw new RangeError(`expected ${count} joined integers, read ${n}`);
  };
  const first = new Float64Array(count);
  const second = new Float64Array(count);
  if (joined === '') {
    checkRead(0);
    return { first, second };
  }
  let f = 0;
  let s = 0;
  let value = 0;
  let negative = false;
  for (let i = 0; i < joined.length; i += 1) {
    const c = joined.charCodeAt(i);
    if (c >= 48) value = value * 10 + (c - 48);
    else if (c === 44) {
      if (negative) second[s++] = value - 1;
      else first[f++] = value;
      value = 0;
      negative = false;
    } else negative = true;
  }
  if (negative) second[s++] = value - 1;
  else first[f++] = value;
  checkRead(f + s);
  return { first: first.subarray(0, f), second: second.subarray(0, s) };
}

function countOf(text: string, charCode: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === charCode) n += 1;
  return n;
}

const LOW_BITS = 2 ** 26;

/** How many of `values` (non-negative integers below 2^52) have each of bits 0 … bits − 1 set. */
export function bitCounts(values: Float64Array, bits: number): number[] {
  const counts = new Array<number>(bits).fill(0);
  const add = (word: number, offset: number) => {
    for (let w = word; w !== 0; w &= w - 1) {
      const bit = offset + 31 - Math.clz32(w & -w);
      if (bit < bits) counts[bit]! += 1;
    }
  };
  for (const value of values) {
    // Bitwise operators work on 32 bits: the value is taken as two 26-bit halves.
    const high = Math.floor(value / LOW_BITS);
    add(value - high * LOW_BITS, 0);
    add(high, 26);
  }
  return counts;
}
