import { describe, expect, it } from 'vitest';
import { MALFORMED, MAX_LINE_VALUES, parseLineValues, parseNumberToken } from './lineValues';
import { ascii } from './testUtils/streams';

function values(line: string): number[] | 'malformed' {
  const bytes = ascii(line);
  const out = new Float64Array(MAX_LINE_VALUES);
  const n = parseLineValues(bytes, 0, bytes.length, out);
  return n === MALFORMED ? 'malformed' : Array.from(out.subarray(0, n));
}

describe('parseNumberToken', () => {
  it('reads decimal numbers exactly as the engine does', () => {
    const texts = [
      '0',
      '-0.5',
      '+3',
      '1.',
      '.25',
      '9.81',
      '-12.345e-3',
      '6.02E23',
      '1e22',
      '1e-22',
      '123456789012345',
      '0.1234567890123456789',
      '1e300',
      '4.9e-324',
      '00012.50',
      '-0',
    ];
    for (const t of texts) {
      const b = ascii(t);
      expect(Object.is(parseNumberToken(b, 0, b.length), Number(t)), t).toBe(true);
    }
  });

  it('rejects anything that is not a plain decimal', () => {
    for (const t of [
      '',
      '-',
      '.',
      'e5',
      '1e',
      '1e+',
      '0x10',
      '1,5',
      'nan',
      'inf',
      'Infinity',
      '1.2.3',
      '--1',
      '1e5x',
      '١',
    ]) {
      const b = ascii(t);
      expect(parseNumberToken(b, 0, b.length), t).toBeNaN();
    }
  });
});

describe('parseLineValues', () => {
  it('accepts commas, TABs and spaces as separators', () => {
    expect(values('1,2,3')).toEqual([1, 2, 3]);
    expect(values('1\t-2\t3.5')).toEqual([1, -2, 3.5]);
    expect(values('1 2   3')).toEqual([1, 2, 3]);
    expect(values('1, 2 ,\t3')).toEqual([1, 2, 3]);
  });

  it('ignores surrounding blanks, a trailing \\r and one trailing separator — never counting an empty value', () => {
    expect(values('  1,2,3  \r')).toEqual([1, 2, 3]);
    expect(values('1,2,3,')).toEqual([1, 2, 3]);
    expect(values('1,2,3, \r')).toEqual([1, 2, 3]);
    expect(values('1\t2\t3\t')).toEqual([1, 2, 3]);
    expect(values('1 2 3 ')).toEqual([1, 2, 3]);
  });

  it('treats empty fields and non-numeric tokens as malformed', () => {
    for (const line of [
      '1,,2',
      ',1,2',
      '1,2,3,,',
      'acc: 1,2,3',
      '1,2,x',
      '1;2;3',
      '1,2\r3',
      'ERR',
      '1e40',
      '1,nan',
    ]) {
      expect(values(line), line).toBe('malformed');
    }
  });

  it('says blank for a blank line and refuses more than MAX_LINE_VALUES values', () => {
    expect(values('')).toEqual([]);
    expect(values(' \t\r')).toEqual([]);
    expect(values(Array(MAX_LINE_VALUES).fill('1').join(','))).toHaveLength(MAX_LINE_VALUES);
    expect(
      values(
        Array(MAX_LINE_VALUES + 1)
          .fill('1')
          .join(','),
      ),
    ).toBe('malformed');
  });
});
