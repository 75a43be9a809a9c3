import { describe, expect, it } from 'vitest';
import { parseAcquisitionJson } from './eiAcquisition';
import { envelope, imu, json } from './testUtils/eiDocuments';
import { expectFormatError } from './testUtils/expectFormatError';

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
