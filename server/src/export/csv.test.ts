// RFC 4180 quoting and OWASP formula-injection safety of exported cells.
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['=1+1', "'=1+1"],
    ['+33 1 23', "'+33 1 23"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers, booleans and empty values as they are', () => {
    expect([csvCell(-5), csvCell(0.25), csvCell(true), csvCell(null), csvCell(undefined), csvCell(Number.NaN)]).toEqual(['-5', '0.25', 'true', '', '', '']);
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });

  it('ends each record with CRLF', () => {
    expect(csvRow(['id', 'x,y', 3])).toBe('id,"x,y",3\r\n');
  });
});
