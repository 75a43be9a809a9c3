import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { parseCsv, toCsv } from './csv';
import { fuzz } from './testUtils/fuzz';

function expectCsvError(text: string, message: string, code = 'invalid-csv') {
  try {
    parseCsv('x.csv', text);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    expect({ code: (e as FormatError).code, message: (e as FormatError).message }).toEqual({
      code,
      message: `x.csv: ${message}`,
    });
    return;
  }
  throw new Error('expected a FormatError');
}

describe('parseCsv', () => {
  it('reads an Edge Impulse CSV with units in the header', () => {
    const text = 'timestamp,accX (m/s2),accY [m/s2],gyrZ\n0,1.5,-2,3\n16,0.1,0,-3e2\n32,4,5,6\n';
    const { sample, notes } = parseCsv('data/wave.01.csv', new TextEncoder().encode(text));
    expect(sample.sensors).toEqual([
      { name: 'accX', units: 'm/s2' },
      { name: 'accY', units: 'm/s2' },
      { name: 'gyrZ', units: 'N/A' },
    ]);
    expect(sample.values).toEqual(Float32Array.from([1.5, -2, 3, 0.1, 0, -300, 4, 5, 6]));
    expect(sample).toMatchObject({
      name: 'wave.01',
      label: null,
      intervalMs: 16,
      deviceType: 'IMPORT',
      deviceName: '',
    });
    expect(notes).toEqual([]);
  });

  it('handles CRLF, a BOM, blank lines, quoted header fields and a case-insensitive timestamp', () => {
    const bytes = new TextEncoder().encode(
      '\ufeff"TimeStamp","acc, x (g)"\r\n0,1\r\n\r\n10,2\r\n20,3\r\n\r\n\r\n',
    );
    const { sample } = parseCsv('x.csv', bytes);
    expect(sample.sensors).toEqual([{ name: 'acc, x', units: 'g' }]);
    expect(sample.values).toEqual(Float32Array.from([1, 2, 3]));
    expect(sample.intervalMs).toBe(10);
  });

  it('accepts semicolon and tab separators used by the header', () => {
    expect(parseCsv('x.csv', 'timestamp;a;b\n0;1;2\n5;3;4\n').sample.values).toEqual(
      Float32Array.from([1, 2, 3, 4]),
    );
    expect(parseCsv('x.csv', 'timestamp\ta\n0\t1\n5\t2\n').sample.intervalMs).toBe(5);
  });

  it('allows jitter up to 1 % of the interval and snaps to a whole number of Hz', () => {
    const { sample } = parseCsv('x.csv', 'timestamp,a\n0,1\n10.05,2\n19.95,3\n30,4\n');
    expect(sample.intervalMs).toBe(10);
    const rows = Array.from({ length: 50 }, (_, i) => `${(i * 1000) / 44100},${i}`).join('\n');
    expect(parseCsv('x.csv', `timestamp,a\n${rows}`).sample.intervalMs).toBe(1000 / 44100);
  });

  it('accepts timestamps rounded to whole ms (30 Hz as 33/34 ms steps) and snaps the rate', () => {
    const rows = Array.from({ length: 91 }, (_, i) => `${Math.round((i * 1000) / 30)},${i}`).join('\n');
    expect(parseCsv('x.csv', `timestamp,a\n${rows}`).sample.intervalMs).toBe(1000 / 30);
    expect(() => parseCsv('x.csv', 'timestamp,a\n0,1\n33,2\n70,3\n100,4\n')).toThrow(
      /row 4: the timestamp step is 37 ms/,
    );
  });

  it('reads one audio column (units wav) as int16', () => {
    const { sample } = parseCsv('x.csv', 'timestamp,audio (wav)\n0,1\n0.0625,-2.5\n0.125,99999\n');
    expect(sample.values).toBeInstanceOf(Int16Array);
    expect(Array.from(sample.values)).toEqual([1, -3, 32767]);
    expect(sample.intervalMs).toBe(0.0625);
  });

  const errors: [string, string, string][] = [
    [
      'no timestamp column',
      'accX,accY\n1,2\n',
      `no 'timestamp' column: the header starts with "accX". An Edge Impulse CSV time series has a first column "timestamp" in milliseconds, then one column per axis (e.g. "timestamp,accX,accY,accZ")`,
    ],
    ['timestamp not first', 'a,timestamp\n1,2\n', "'timestamp' must be the first column, but it is column 2"],
    [
      'only timestamp',
      'timestamp\n1\n2\n',
      "the header has only a 'timestamp' column; add at least one axis column",
    ],
    ['unnamed column', 'timestamp,a,,b\n', 'column 3 of the header has no name'],
    ['repeated column', 'timestamp,a (g),b,a\n', 'column 4 repeats the name "a" of column 2'],
    ['bad header quote', 'timestamp,"a\n', 'the header row: a quoted field is not closed'],
    [
      'no rows',
      'timestamp,a\n',
      'the file has 0 data row(s); at least 2 are needed to find the sampling interval',
    ],
    [
      'one row',
      'timestamp,a\n0,1\n',
      'the file has 1 data row(s); at least 2 are needed to find the sampling interval',
    ],
    ['short row', 'timestamp,a,b,c\n0,1,2,3\n\n10,1,2\n', 'row 4 has 3 values but the header has 4 columns'],
    ['long row', 'timestamp,a\n0,1\n10,1,2\n', 'row 3 has 3 values but the header has 2 columns'],
    ['not a number', 'timestamp,a,b\n0,1,2\n10,1,x1\n', 'row 3 column 3 ("b") is not a number: "x1"'],
    ['empty cell', 'timestamp,a,b\n0,1,\n10,1,2\n', 'row 2 column 3 ("b") is not a number: ""'],
    [
      'float32 overflow',
      'timestamp,a\n0,1e39\n10,1\n',
      'row 2 column 2 ("a") is 1e+39, beyond the float32 range (±3.4e38)',
    ],
    ['hex number', 'timestamp,a\n0,0x10\n10,1\n', 'row 2 column 2 ("a") is not a number: "0x10"'],
    ['bad timestamp', 'timestamp,a\nnow,1\n10,1\n', 'row 2 column 1 ("timestamp") is not a number: "now"'],
    [
      'decimal comma',
      'timestamp;a\n0;1,5\n10;2\n',
      'row 2 column 2 ("a") is not a number: "1,5" (use a point as decimal mark)',
    ],
    [
      'not increasing',
      'timestamp,a\n0,1\n10,1\n10,1\n30,1\n',
      'row 4: timestamp 10 is not after the previous one (10); timestamps must increase',
    ],
    [
      'irregular',
      'timestamp,a\n0,1\n10,1\n25,1\n30,1\n',
      'row 4: the timestamp step is 15 ms but the mean interval is 10 ms; samples must be at a constant interval (within 1 %, or 1 ms for whole-ms timestamps)',
    ],
    ['bad data quote', 'timestamp,a\n0,"1"x\n10,1\n', 'row 2: a closing quote is followed by more text'],
    ['blank file', '\n \n', 'the file holds no text, not even a header row'],
  ];
  it.each(errors)('rejects %s', (_, text, message) => expectCsvError(text, message));

  it('checks a header of 200000 columns without quadratic work', () => {
    const header = ['timestamp', ...Array.from({ length: 200000 }, (_, i) => `a${i}`), 'a7'].join(',');
    expectCsvError(`${header}\n`, 'column 200002 repeats the name "a7" of column 9');
  });

  it('rejects an empty file and invalid UTF-8', () => {
    expectCsvError('', 'the file is empty (0 bytes)', 'empty-file');
    expect(() => parseCsv('x.csv', new Uint8Array([0x74, 0xc3]))).toThrow(
      'x.csv: the file is not valid UTF-8 text',
    );
  });
});

describe('toCsv', () => {
  it('writes the header with units and the ms offset of each frame', () => {
    const text = toCsv({
      sensors: [
        { name: 'accX', units: 'm/s2' },
        { name: 'temp', units: 'N/A' },
        { name: 'odd, name', units: 'm/(s2)' },
      ],
      intervalMs: 0.1,
      values: Float32Array.from([0.1, 1, 2, 1 / 3, -0, 1e-8, 5, 6, 7, 8, 9, 10]),
    });
    expect(text).toBe(
      'timestamp,accX (m/s2),temp,"odd, name [m/(s2)]"\n0,0.1,1,2\n0.1,0.33333334,0,1e-8\n0.2,5,6,7\n0.3,8,9,10\n',
    );
  });

  it('round-trips float32 and audio samples exactly', () => {
    const samples = [
      {
        sensors: [
          { name: 'accX', units: 'm/s2' },
          { name: 'x (1)', units: 'N/A' },
        ],
        intervalMs: 1000 / 62.5,
        values: Float32Array.from([Math.PI, -1e-7, 3.4e38, 0.1, 1 / 3, -2]),
      },
      {
        sensors: [{ name: 'audio', units: 'wav' }],
        intervalMs: 1000 / 44100,
        values: Int16Array.from([0, -32768, 32767, 5]),
      },
      { sensors: [{ name: 'a', units: 'N/A' }], intervalMs: 1000 / 30, values: Float32Array.from([1, 2, 3]) },
    ];
    for (const sample of samples) {
      const back = parseCsv('r.csv', toCsv(sample)).sample;
      expect(back.values).toEqual(sample.values);
      expect(back.sensors).toEqual(sample.sensors);
      expect(back.intervalMs).toBe(sample.intervalMs);
    }
  });
});

describe('parseCsv: fuzz', () => {
  it('returns a sample or throws a FormatError for 3000 mutated inputs', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const valid = [
      enc('timestamp,accX (m/s2),accY\n0,1,2\n10,3,4\n20,5,6\n30,7,8\n'),
      enc('"timestamp";"a [g]"\r\n0;1\r\n5;2\r\n10;3\r\n'),
      enc('timestamp\taudio (wav)\n0\t1\n0.0625\t2\n0.125\t3\n'),
    ];
    const stats = fuzz((b) => parseCsv('f.csv', b), valid, { seed: 5, iterations: 3000 });
    expect(stats.ok).toBeGreaterThan(50);
    expect(stats.rejected).toBeGreaterThan(1000);
  });
});
