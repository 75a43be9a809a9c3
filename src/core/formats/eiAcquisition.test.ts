import { createHmac } from 'node:crypto';
import { encode } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import {
  EMPTY_SIGNATURE,
  parseAcquisitionCbor,
  parseAcquisitionJson,
  toAcquisitionCbor,
  toAcquisitionDocument,
  toAcquisitionJson,
  type AcquisitionSource,
} from './eiAcquisition';
import { signAcquisition } from './eiSigning';
import { fuzz, mutateDocument, prng } from './testUtils/fuzz';

const envelope = (payload: Record<string, unknown>) => ({
  protected: { ver: 'v1', alg: 'none', iat: 1700000000 },
  signature: EMPTY_SIGNATURE,
  payload: { device_type: 'NANO33', interval_ms: 10, ...payload },
});

const imu = envelope({
  device_name: 'ac:87:a3',
  sensors: [
    { name: 'accX', units: 'm/s2' },
    { name: 'accY', units: 'm/s2' },
  ],
  values: [
    [1.5, -2.25],
    [0.1, 9.81],
  ],
});

const json = (doc: unknown) => new TextEncoder().encode(JSON.stringify(doc));

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function le(values: number[], kind: 'i16' | 'u16' | 'f32'): Uint8Array {
  const size = kind === 'f32' ? 4 : 2;
  const out = new Uint8Array(values.length * size);
  const v = new DataView(out.buffer);
  values.forEach((x, i) => {
    if (kind === 'i16') v.setInt16(i * 2, x, true);
    else if (kind === 'u16') v.setUint16(i * 2, x, true);
    else v.setFloat32(i * 4, x, true);
  });
  return out;
}

function expectFormatError(run: () => unknown, code: string, message: string) {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    expect({ code: (e as FormatError).code, message: (e as FormatError).message }).toEqual({ code, message });
    return;
  }
  throw new Error('expected a FormatError');
}

describe('parseAcquisitionJson', () => {
  it('reads 2-D values as interleaved float32 with device and sensors', () => {
    const { sample, notes } = parseAcquisitionJson('dir/wave.s1.json', json(imu));
    expect(sample.values).toEqual(Float32Array.from([1.5, -2.25, 0.1, 9.81]));
    expect(sample.sensors).toEqual([
      { name: 'accX', units: 'm/s2' },
      { name: 'accY', units: 'm/s2' },
    ]);
    expect(sample).toMatchObject({
      name: 'wave.s1',
      label: null,
      intervalMs: 10,
      deviceName: 'ac:87:a3',
      deviceType: 'NANO33',
    });
    expect(notes).toEqual([]);
  });

  it('reads a flat list for a single sensor, with fractional interval_ms', () => {
    const doc = envelope({ interval_ms: 0.0625, sensors: [{ name: 'temp', units: 'C' }], values: [1, 2, 3] });
    const { sample } = parseAcquisitionJson('t.json', JSON.stringify(doc));
    expect(sample.values).toEqual(Float32Array.from([1, 2, 3]));
    expect(sample.intervalMs).toBe(0.0625);
  });

  it('reads audio (one sensor in wav units) as rounded, clipped int16', () => {
    const doc = envelope({
      interval_ms: 0.0625,
      sensors: [{ name: 'audio', units: 'wav' }],
      values: [1, -2.5, 2.5, 40000, -7],
    });
    const { sample, notes } = parseAcquisitionJson('a.json', json(doc));
    expect(sample.values).toBeInstanceOf(Int16Array);
    expect(Array.from(sample.values)).toEqual([1, -3, 3, 32767, -7]);
    expect(notes).toEqual(['1 audio values outside the 16-bit range were clipped']);
  });

  it('accepts any signature and a missing protected header; device_type defaults to IMPORT', () => {
    const doc = {
      signature: 'whatever',
      payload: { interval_ms: 5, sensors: [{ name: 'x', units: 'g' }], values: [[1]] },
    };
    expect(parseAcquisitionJson('x.json', json(doc)).sample).toMatchObject({
      deviceType: 'IMPORT',
      deviceName: '',
    });
  });

  it('takes a label from payload.label or the top level', () => {
    const withPayloadLabel = { ...imu, payload: { ...imu.payload, label: 'wave' } };
    expect(parseAcquisitionJson('x.json', json(withPayloadLabel)).sample.label).toBe('wave');
    expect(parseAcquisitionJson('x.json', json({ ...imu, label: ' idle ' })).sample.label).toBe('idle');
  });

  const errors: [string, unknown, string][] = [
    ['not an object', 42, 'x.json: the JSON document must be an object, but it is the number 42'],
    ['no payload', { signature: '' }, 'x.json: JSON has no payload object'],
    [
      'no values',
      envelope({ sensors: [{ name: 'a', units: 'b' }] }),
      'x.json: JSON has no payload.values array',
    ],
    [
      'no interval',
      { payload: { sensors: [{ name: 'a', units: 'b' }], values: [[1]] } },
      'x.json: JSON has no payload.interval_ms number',
    ],
    [
      'string interval',
      envelope({ interval_ms: '10', sensors: [{ name: 'a', units: 'b' }], values: [[1]] }),
      'x.json: payload.interval_ms must be a number, but it is the string "10"',
    ],
    [
      'zero interval',
      envelope({ interval_ms: 0, sensors: [{ name: 'a', units: 'b' }], values: [[1]] }),
      'x.json: payload.interval_ms must be greater than 0 (it is 0)',
    ],
    [
      'sensor units missing',
      envelope({ sensors: [{ name: 'a' }], values: [[1]] }),
      'x.json: JSON has no payload.sensors[0].units string',
    ],
    ['no sensors', envelope({ sensors: [], values: [[1]] }), 'x.json: payload.sensors is empty'],
    [
      'empty values',
      envelope({ sensors: [{ name: 'a', units: 'b' }], values: [] }),
      'x.json: payload.values is empty',
    ],
    [
      'several problems',
      { payload: { interval_ms: 'x', sensors: 3 } },
      'x.json: payload.interval_ms must be a number, but it is the string "x" (and 2 more problems)',
    ],
    [
      'short frame',
      { ...imu, payload: { ...imu.payload, values: [[1, 2], [3]] } },
      'x.json: frame 1 has 1 values but there are 2 sensors',
    ],
    [
      'frame not an array',
      { ...imu, payload: { ...imu.payload, values: [[1, 2], 5] } },
      'x.json: frame 1 (payload.values[1]) is the number 5, not an array of 2 numbers',
    ],
    [
      'value not a number',
      {
        ...imu,
        payload: {
          ...imu.payload,
          values: [
            [1, 2],
            [3, 'x'],
          ],
        },
      },
      'x.json: frame 1 value 1 (payload.values[1][1]) must be a finite number, but it is the string "x"',
    ],
    [
      'flat list for many sensors',
      { ...imu, payload: { ...imu.payload, values: [1, 2, 3, 4] } },
      'x.json: payload.values is a flat list, but there are 2 sensors; give each frame as an array of 2 numbers',
    ],
    [
      'flat value not a number',
      envelope({ sensors: [{ name: 'a', units: 'b' }], values: [1, null] }),
      'x.json: payload.values[1] must be a finite number, but it is null',
    ],
    [
      'float32 overflow',
      envelope({ sensors: [{ name: 'a', units: 'b' }], values: [[1e39]] }),
      'x.json: frame 0 value 0 (payload.values[0][0]) is 1e+39, beyond the float32 range (±3.4e38)',
    ],
    [
      'Ref-Binary in JSON',
      envelope({ sensors: [{ name: 'a', units: 'wav' }], values: ['Ref-Binary-i16'] }),
      'x.json: payload.values is "Ref-Binary-i16", which refers to binary samples after a CBOR object; a JSON file cannot carry them',
    ],
  ];
  it.each(errors)('rejects %s', (_, doc, message) =>
    expectFormatError(() => parseAcquisitionJson('x.json', json(doc)), 'invalid-acquisition', message),
  );

  it('rejects text that is not JSON, not UTF-8, empty or blank', () => {
    expect(() => parseAcquisitionJson('x.json', '{"payload": ')).toThrow(/^x\.json: not valid JSON: /);
    expectFormatError(
      () => parseAcquisitionJson('x.json', new Uint8Array([0x7b, 0xff, 0x7d])),
      'invalid-text',
      'x.json: the file is not valid UTF-8 text',
    );
    expectFormatError(
      () => parseAcquisitionJson('x.json', new Uint8Array(0)),
      'empty-file',
      'x.json: the file is empty (0 bytes)',
    );
    expectFormatError(
      () => parseAcquisitionJson('x.json', ' \n'),
      'invalid-json',
      'x.json: the file holds only whitespace, no JSON',
    );
  });
});

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

describe('writers', () => {
  const imuSample: AcquisitionSource = {
    sensors: [
      { name: 'accX', units: 'm/s2' },
      { name: 'accY', units: 'm/s2' },
    ],
    intervalMs: 16,
    values: Float32Array.from([0.1, -9.81, 1 / 3, 123456.789]),
    deviceName: 'board-1',
    deviceType: 'NANO33',
  };
  const audioSample: AcquisitionSource = {
    sensors: [{ name: 'audio', units: 'wav' }],
    intervalMs: 1000 / 16000,
    values: Int16Array.from([0, 1, -1, 32767, -32768]),
    deviceName: '',
    deviceType: 'MIC',
  };

  it('writes the unsigned envelope with the shortest float32 text', () => {
    const text = toAcquisitionJson(imuSample, { iat: 1700000000 });
    expect(JSON.parse(text)).toEqual({
      protected: { ver: 'v1', alg: 'none', iat: 1700000000 },
      signature: '0'.repeat(64),
      payload: {
        device_name: 'board-1',
        device_type: 'NANO33',
        interval_ms: 16,
        sensors: imuSample.sensors,
        values: [
          [0.1, -9.81],
          [0.33333334, 123456.79],
        ],
      },
    });
  });

  it('JSON and CBOR round-trip values, sensors and interval exactly', () => {
    for (const sample of [imuSample, audioSample]) {
      for (const parsed of [
        parseAcquisitionJson('r.json', toAcquisitionJson(sample)),
        parseAcquisitionCbor('r.cbor', toAcquisitionCbor(sample)),
      ]) {
        expect(parsed.sample.values).toEqual(sample.values);
        expect(parsed.sample.sensors).toEqual(sample.sensors);
        expect(parsed.sample.intervalMs).toBe(sample.intervalMs);
        expect(parsed.sample.deviceType).toBe(sample.deviceType);
        expect(parsed.notes).toEqual([]);
      }
    }
  });

  it('writes audio CBOR as Ref-Binary-i16 followed by the raw samples', () => {
    const bytes = toAcquisitionCbor(audioSample, { iat: 1 });
    const raw = bytes.subarray(bytes.length - 10);
    expect(Array.from(new Int16Array(raw.slice().buffer))).toEqual([0, 1, -1, 32767, -32768]);
    expect(new TextDecoder('latin1').decode(bytes)).toContain('Ref-Binary-i16');
  });

  it('omits an empty device name and writes audio JSON as a flat list', () => {
    const doc = toAcquisitionDocument(audioSample, { iat: 1 });
    expect(doc.payload).not.toHaveProperty('device_name');
    expect(doc.payload.values).toEqual([0, 1, -1, 32767, -32768]);
  });

  it('signs with HMAC-SHA256 over the text with a zero signature', async () => {
    const doc = toAcquisitionDocument(imuSample, { iat: 1700000000 });
    const signed = await signAcquisition(doc, 'secret-key');
    const parsed = JSON.parse(signed);
    expect(parsed.protected.alg).toBe('HS256');
    expect(parsed.signature).toMatch(/^[0-9a-f]{64}$/);
    const zeroed = signed.replace(parsed.signature, '0'.repeat(64));
    expect(createHmac('sha256', 'secret-key').update(zeroed).digest('hex')).toBe(parsed.signature);
    expect(parseAcquisitionJson('s.json', signed).sample.values).toEqual(imuSample.values);
  });
});

describe('fuzz', () => {
  const audio = envelope({
    interval_ms: 0.0625,
    sensors: [{ name: 'audio', units: 'wav' }],
    values: ['Ref-Binary-i16'],
  });
  const validCbor = [
    encode(imu),
    concat(encode(audio), le([1, 2, 3, 4, 5], 'i16')),
    encode(envelope({ sensors: [{ name: 'a', units: 'b' }], values: [1, 2.5, 3] })),
  ];
  const validJson = [
    json(imu),
    json(envelope({ sensors: [{ name: 'audio', units: 'wav' }], values: [1, 2, 3] })),
  ];

  it('CBOR: 4000 mutated inputs give a sample or a FormatError', () => {
    const stats = fuzz((b) => parseAcquisitionCbor('f.cbor', b), validCbor, { seed: 2, iterations: 4000 });
    expect(stats.ok).toBeGreaterThan(50);
    expect(stats.rejected).toBeGreaterThan(1000);
  });

  it('JSON: 3000 mutated inputs give a sample or a FormatError', () => {
    const stats = fuzz((b) => parseAcquisitionJson('f.json', b), validJson, { seed: 3, iterations: 3000 });
    expect(stats.ok).toBeGreaterThan(20);
    expect(stats.rejected).toBeGreaterThan(1000);
  });

  it('JSON and CBOR: 2000 documents with a node replaced, removed or repeated give a sample or a FormatError', () => {
    const random = prng(4);
    const docs = [
      imu,
      envelope({ interval_ms: 0.0625, sensors: [{ name: 'audio', units: 'wav' }], values: [1, 2, 3] }),
    ];
    let ok = 0;
    for (let i = 0; i < 2000; i++) {
      const doc = mutateDocument(random, docs[i % docs.length]);
      for (const parse of [
        () => parseAcquisitionJson('m.json', JSON.stringify(doc)),
        () => parseAcquisitionCbor('m.cbor', encode(doc)),
      ]) {
        try {
          parse();
          ok++;
        } catch (e) {
          if (!(e instanceof FormatError))
            throw new Error(`iteration ${i}: ${String(e)} for ${JSON.stringify(doc)}`, { cause: e });
        }
      }
    }
    expect(ok).toBeGreaterThan(200);
  });
});
