import { createHmac } from 'node:crypto';
import { encode } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import {
  parseAcquisitionCbor,
  parseAcquisitionJson,
  toAcquisitionCbor,
  toAcquisitionDocument,
  toAcquisitionJson,
  type AcquisitionSource,
} from './eiAcquisition';
import { signAcquisition } from './eiSigning';
import { fuzz, mutateDocument, prng } from './testUtils/fuzz';
import { concat, envelope, imu, json, le } from './testUtils/eiDocuments';

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
