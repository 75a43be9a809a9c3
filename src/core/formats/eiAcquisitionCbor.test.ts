import { encode } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { parseAcquisitionCbor } from './eiAcquisition';
import { concat, envelope, imu, json, le } from './testUtils/eiDocuments';
import { expectFormatError } from './testUtils/expectFormatError';

describe('parseAcquisitionCbor', () => {
  it('reads inline values', () => {
    const { sample, notes } = parseAcquisitionCbor('x.cbor', encode(imu));
    expect(sample.values).toEqual(Float32Array.from([1.5, -2.25, 0.1, 9.81]));
    expect(sample.deviceName).toBe('ac:87:a3');
    expect(notes).toEqual([]);
  });

  it('accepts the self-described CBOR tag 55799 in front of the object', () => {
    const bytes = concat(Uint8Array.from([0xd9, 0xd9, 0xf7]), encode(imu));
    expect(parseAcquisitionCbor('x.cbor', bytes).sample.values).toEqual(
      Float32Array.from([1.5, -2.25, 0.1, 9.81]),
    );
  });

  it('reads Ref-Binary-i16 audio after the object', () => {
    const doc = envelope({
      interval_ms: 0.0625,
      sensors: [{ name: 'audio', units: 'wav' }],
      values: ['Ref-Binary-i16'],
    });
    const { sample, notes } = parseAcquisitionCbor(
      'x.cbor',
      concat(encode(doc), le([1, -1, 32767, -32768], 'i16')),
    );
    expect(sample.values).toEqual(Int16Array.from([1, -1, 32767, -32768]));
    expect(notes).toEqual([]);
  });

  it('reads Ref-Binary-u16 and Ref-Binary-f32 interleaved over the sensors', () => {
    const two = [
      { name: 'a', units: 'N/A' },
      { name: 'b', units: 'N/A' },
    ];
    const u16 = parseAcquisitionCbor(
      'x.cbor',
      concat(encode(envelope({ sensors: two, values: ['Ref-Binary-u16'] })), le([1, 65535, 3, 4], 'u16')),
    );
    expect(u16.sample.values).toEqual(Float32Array.from([1, 65535, 3, 4]));
    const f32 = parseAcquisitionCbor(
      'x.cbor',
      concat(
        encode(envelope({ sensors: two, values: ['ref-binary-F32'] })),
        le([0.5, -0.25, 3, 1e6, 7], 'f32'),
      ),
    );
    expect(f32.sample.values).toEqual(Float32Array.from([0.5, -0.25, 3, 1e6]));
    expect(f32.notes).toEqual(['ignored 4 bytes after the last complete frame of binary samples']);
  });

  it('clips audio read from Ref-Binary-u16 to int16', () => {
    const doc = envelope({ sensors: [{ name: 'audio', units: 'wav' }], values: ['Ref-Binary-u16'] });
    const { sample, notes } = parseAcquisitionCbor('x.cbor', concat(encode(doc), le([5, 40000], 'u16')));
    expect(Array.from(sample.values)).toEqual([5, 32767]);
    expect(notes).toEqual(['1 audio values outside the 16-bit range were clipped']);
  });

  it('finds the end of objects with indefinite-length maps and arrays', () => {
    // {_ "payload": {_ "interval_ms": 1, "sensors": [_ {"name": "a", "units": "ms"}], "values": [_ 1, 2]}}
    const text = (s: string) => [0x60 + s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
    const bytes = Uint8Array.from([
      0xbf,
      ...text('payload'),
      0xbf,
      ...text('interval_ms'),
      0x01,
      ...text('sensors'),
      0x9f,
      0xa2,
      ...text('name'),
      ...text('a'),
      ...text('units'),
      ...text('ms'),
      0xff,
      ...text('values'),
      0x9f,
      0x01,
      0x02,
      0xff,
      0xff,
      0xff,
    ]);
    const { sample, notes } = parseAcquisitionCbor('x.cbor', concat(bytes, new Uint8Array([9, 9])));
    expect(sample.sensors).toEqual([{ name: 'a', units: 'ms' }]);
    expect(sample.values).toEqual(Float32Array.from([1, 2]));
    expect(notes).toEqual(['ignored 2 bytes after the CBOR object']);
  });

  const errors: [string, Uint8Array, string, string][] = [
    ['empty', new Uint8Array(0), 'empty-file', 'x.cbor: the file is empty (0 bytes)'],
    [
      'JSON text',
      json(imu),
      'invalid-cbor',
      'x.cbor: the file holds JSON text, not CBOR; give it a .json extension',
    ],
    [
      'truncated',
      encode(imu).subarray(0, 20),
      'invalid-cbor',
      'x.cbor: not valid CBOR: the data ends in the middle of an item (20 bytes)',
    ],
    [
      'reserved info',
      Uint8Array.from([0x1c]),
      'invalid-cbor',
      'x.cbor: not valid CBOR: byte 0 uses reserved additional information 28',
    ],
    [
      'indefinite string',
      Uint8Array.from([0x7f, 0x61, 0x61, 0xff]),
      'invalid-cbor',
      'x.cbor: unsupported CBOR: byte 0 starts an indefinite-length string',
    ],
    [
      'stray break',
      Uint8Array.from([0x82, 0x01, 0xff]),
      'invalid-cbor',
      'x.cbor: not valid CBOR: unexpected break byte at 2',
    ],
    [
      'tag',
      Uint8Array.from([0xc1, 0x01]),
      'invalid-cbor',
      'x.cbor: unsupported CBOR: tag 1 at byte 0; acquisition files use no tags',
    ],
    [
      'deep nesting',
      new Uint8Array(100).fill(0x81),
      'invalid-cbor',
      'x.cbor: not valid CBOR: items nest more than 64 levels deep',
    ],
    [
      'huge declared array',
      Uint8Array.from([0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00]),
      'invalid-cbor',
      'x.cbor: not valid CBOR: the data ends in the middle of an item (10 bytes)',
    ],
    [
      'not a map',
      encode([1, 2]),
      'invalid-acquisition',
      'x.cbor: the CBOR document must be an object, but it is an array',
    ],
    [
      'invalid UTF-8 in a string',
      Uint8Array.from([0xa1, 0x61, 0x61, 0x62, 0xc3, 0x28]),
      'invalid-acquisition',
      'x.cbor: CBOR has no payload object',
    ],
    [
      'NaN value',
      encode(envelope({ sensors: [{ name: 'a', units: 'b' }], values: [[NaN]] })),
      'invalid-acquisition',
      'x.cbor: frame 0 value 0 (payload.values[0][0]) must be a finite number, but it is NaN',
    ],
    [
      'binary too short',
      concat(
        encode(
          envelope({
            sensors: [
              { name: 'a', units: 'b' },
              { name: 'c', units: 'd' },
            ],
            values: ['Ref-Binary-f32'],
          }),
        ),
        new Uint8Array(7),
      ),
      'truncated',
      'x.cbor: payload.values is "Ref-Binary-f32" but 7 bytes follow the CBOR object, less than one frame (8 bytes)',
    ],
    [
      'binary NaN',
      concat(
        encode(envelope({ sensors: [{ name: 'a', units: 'b' }], values: ['Ref-Binary-f32'] })),
        le([NaN], 'f32'),
      ),
      'invalid-acquisition',
      'x.cbor: binary sample 0 is NaN',
    ],
  ];
  it.each(errors)('rejects %s', (_, bytes, code, message) =>
    expectFormatError(() => parseAcquisitionCbor('x.cbor', bytes), code, message),
  );
});
