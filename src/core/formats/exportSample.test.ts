import { describe, expect, it } from 'vitest';
import type { Sample } from '../dataset/sample';
import { FormatError } from '../errors';
import { exportFileName, exportSample, type ExportFormat } from './exportSample';
import { importFile } from './importFile';

function sample(overrides: Partial<Sample>): Sample {
  return {
    id: 'id1',
    projectId: 'p1',
    name: 'take1',
    label: 'wave',
    category: 'training',
    enabled: true,
    sensors: [
      { name: 'accX', units: 'm/s2' },
      { name: 'accY', units: 'm/s2' },
      { name: 'accZ', units: 'm/s2' },
    ],
    intervalMs: 16,
    frameCount: 2,
    values: Float32Array.from([0.1, -9.81, 1 / 3, 1e-7, 12345.678, -0.5]),
    deviceName: 'nano',
    deviceType: 'ARDUINO_NANO33BLE',
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

const imu = sample({});
const audio = sample({
  name: 'yes.s2',
  label: 'yes',
  sensors: [{ name: 'audio', units: 'wav' }],
  intervalMs: 1000 / 16000,
  frameCount: 5,
  values: Int16Array.from([0, 1, -1, 32767, -32768]),
  deviceName: '',
  deviceType: 'MICROPHONE',
});

describe('exportSample', () => {
  const cases: [string, Sample, ExportFormat[]][] = [
    ['IMU', imu, ['json', 'cbor', 'csv']],
    ['audio', audio, ['json', 'cbor', 'csv', 'wav']],
  ];
  for (const [what, s, formats] of cases) {
    it.each(formats)(`${what} round-trips through %s`, (format) => {
      const file = exportSample(s, format);
      const { samples, notes } = importFile(file.fileName, file.bytes);
      const back = samples[0];
      expect(back.values).toEqual(s.values);
      expect(back.sensors).toEqual(s.sensors);
      expect(back.intervalMs).toBe(s.intervalMs);
      expect(back.label).toBe(s.label);
      expect(notes).toEqual([]);
      if (format === 'json' || format === 'cbor') expect(back.deviceType).toBe(s.deviceType);
    });
  }

  it('names files <label>.<name>.<ext> with a MIME type', () => {
    expect(exportSample(imu, 'csv')).toMatchObject({ fileName: 'wave.take1.csv', mime: 'text/csv' });
    expect(exportSample(audio, 'wav')).toMatchObject({ fileName: 'yes.s2.wav', mime: 'audio/wav' });
    expect(exportSample(imu, 'cbor').mime).toBe('application/cbor');
    expect(exportSample(imu, 'json').mime).toBe('application/json');
  });

  it('keeps labels and names file-safe', () => {
    expect(exportFileName({ label: 'a.b/c', name: 'x:y' }, 'json')).toBe('a_b_c.x_y.json');
    expect(exportFileName({ label: 'l', name: '' }, 'csv')).toBe('l.sample.csv');
  });

  it('refuses WAV for non-audio samples and rates that are not whole Hz', () => {
    expect(() => exportSample(imu, 'wav')).toThrow(
      "wave.take1.wav: only audio samples (one sensor in 'wav' units) can be exported as WAV; this sample has accX (m/s2), accY (m/s2), accZ (m/s2)",
    );
    expect(() => exportSample({ ...audio, intervalMs: 0.3 }, 'wav')).toThrow(
      /a WAV file needs a whole number of Hz/,
    );
  });

  it('refuses non-finite values', () => {
    const bad = sample({ values: Float32Array.from([0, 1, 2, 3, NaN, 5]) });
    try {
      exportSample(bad, 'json');
      throw new Error('expected a FormatError');
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).message).toBe(
        'wave.take1.json: frame 1 axis "accY" is NaN; only finite values can be exported',
      );
    }
  });
});
