import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { ParsedSample } from '../core/dataset/sample';
import { toCsv } from '../core/formats/csv';
import { toAcquisitionJson } from '../core/formats/eiAcquisition';
import { importFile } from '../core/formats/importFile';
import { sampleFeatures } from '../core/impulse/generateFeatures';
import type { Impulse } from '../core/impulse/impulse';
import { runCli } from './run';
import { fakeIo } from './fakeIo';

const YES = resolve('../shared/testdata/audio/yes_1000ms.wav');

/** 4.16 s of 3-axis motion at 62.5 Hz (16 ms): a sway, a shake and gravity, with a little deterministic noise. */
function motion(): Pick<ParsedSample, 'sensors' | 'intervalMs' | 'values' | 'deviceName' | 'deviceType'> {
  const frames = 260;
  const values = new Float32Array(frames * 3);
  for (let i = 0; i < frames; i++) {
    const t = i * 0.016;
    for (let a = 0; a < 3; a++)
      values[i * 3 + a] =
        (a + 1) * Math.sin(2 * Math.PI * (1.5 + a) * t) +
        0.5 * Math.sin(2 * Math.PI * 11 * t + a) +
        0.05 * Math.sin(i * i * 0.37 + a) +
        (a === 2 ? 9.81 : 0);
  }
  return {
    sensors: ['accX', 'accY', 'accZ'].map((name) => ({ name, units: 'm/s2' })),
    intervalMs: 16,
    values,
    deviceName: 'test',
    deviceType: 'VIRTUAL',
  };
}

const MOTION_FILES = {
  'wave.csv': new TextEncoder().encode(toCsv(motion())),
  'wave.json': new TextEncoder().encode(toAcquisitionJson(motion(), { iat: 1_700_000_000 })),
};

type FeatureJson = { shape: number[]; features: number[][] };

/** Runs `features` on one of the motion files with 1 s windows every 0.5 s; exit code 0 expected. */
async function motionFeatures(input: keyof typeof MOTION_FILES, block: string, params?: object) {
  const t = fakeIo({
    ...MOTION_FILES,
    'p.json': new TextEncoder().encode(JSON.stringify(params ?? {})),
  });
  const args = ['features', '--block', block, '--params', 'p.json', '--input', input];
  const code = await runCli([...args, '--window-ms', '1000', '--stride-ms', '500'], t.io);
  expect(t.err).toEqual([]);
  expect(code).toBe(0);
  return JSON.parse(t.out[0]) as FeatureJson;
}

/** The studio's own features (core/impulse: what the DSP worker caches) for the same file and windows. */
function studioFeatures(input: keyof typeof MOTION_FILES, dsp: Impulse['dsp']): number[][] {
  const sample = importFile(input, MOTION_FILES[input]).samples[0];
  const input_: Impulse['input'] = {
    windowSizeMs: 1000,
    windowStrideMs: 500,
    frequencyHz: 62.5,
    zeroPad: false,
    axes: ['accX', 'accY', 'accZ'],
  };
  const f = sampleFeatures({ input: input_, dsp }, sample);
  return Array.from({ length: f.windowCount }, (_, w) =>
    Array.from(f.features.subarray(w * f.featureCount, (w + 1) * f.featureCount)),
  );
}

const withJsonFiles = (files: Record<string, unknown>) =>
  fakeIo(
    Object.fromEntries(
      Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(JSON.stringify(v))]),
    ),
  );

describe('studio features', () => {
  it('prints the MFCC matrix of a 1 s WAV as one window of 50 × 13', async () => {
    const t = fakeIo();
    expect(await runCli(['features', '--block', 'mfcc', '--input', YES], t.io)).toBe(0);
    const json = JSON.parse(t.out[0]) as { shape: number[]; features: number[][] };
    expect(json.shape).toEqual([1, 650]);
    expect(json.features[0]).toHaveLength(650);
    expect(json.features[0].every(Number.isFinite)).toBe(true);
  });

  it('windows the sample, takes --params, and writes --out', async () => {
    const t = withJsonFiles({ 'p.json': { num_filters: 32 } });
    const code = await runCli(
      [
        'features',
        '--block',
        'mfe',
        '--params',
        'p.json',
        '--input',
        YES,
        '--window-ms',
        '500',
        '--stride-ms',
        '250',
        '--out',
        'f.json',
      ],
      t.io,
    );
    expect(code).toBe(0);
    const json = JSON.parse(t.written['f.json'] as string) as { shape: number[] };
    // 500 ms windows every 250 ms over 1 s: 3 windows; 0.5 s at 16 kHz gives 49 frames × 32 filters.
    expect(json.shape).toEqual([3, 49 * 32]);
  });

  it('names an unknown parameter and fails with exit code 1', async () => {
    const t = withJsonFiles({ 'p.json': { 'fft-lenght': 64 } });
    expect(
      await runCli(['features', '--block', 'spectral', '--params', 'p.json', '--input', YES], t.io),
    ).toBe(1);
    expect(t.err.join('\n')).toContain('fft-lenght');
  });

  it('names the --params file when it is not JSON, with exit code 1', async () => {
    const t = fakeIo({ 'p.json': new TextEncoder().encode('{"fft-length": 64,') });
    expect(
      await runCli(['features', '--block', 'spectral', '--params', 'p.json', '--input', YES], t.io),
    ).toBe(1);
    expect(t.err).toHaveLength(1);
    expect(t.err[0]).toMatch(/^features: p\.json: not valid JSON \(/);
  });

  it('reads Edge Impulse CSV and JSON alike: spectral features of 3 axes', async () => {
    const params = { 'fft-length': 32, 'filter-type': 'low', 'filter-cutoff': 8 };
    const fromCsv = await motionFeatures('wave.csv', 'spectral', params);
    const fromJson = await motionFeatures('wave.json', 'spectral', params);
    // 4.16 s in 1 s windows every 0.5 s: 7 windows; low-pass 8 Hz keeps bins 1…int(8·32/62.5 + 0.5) = 4.
    expect(fromCsv.shape).toEqual([7, 3 * (5 + 4)]);
    expect(fromJson).toEqual(fromCsv);
  });

  it('gives raw windows: frames × axes values, interleaved by axis', async () => {
    const json = await motionFeatures('wave.csv', 'raw', { 'scale-axes': 2 });
    const frames = 63; // 1 s at 62.5 Hz, rounded up
    expect(json.shape).toEqual([7, frames * 3]);
    const values = motion().values;
    expect(json.features[0].slice(0, 6)).toEqual(
      Array.from(values.subarray(0, 6), (v) => Math.fround(v * 2)),
    );
  });

  it('gives flatten statistics, one set per axis', async () => {
    const json = await motionFeatures('wave.json', 'flatten', { skewness: false, kurtosis: false });
    expect(json.shape).toEqual([7, 3 * 5]);
  });

  it.each([
    ['spectral', { 'fft-length': 64, 'do-fft-overlap': false }],
    ['raw', {}],
    ['flatten', {}],
  ] as const)('equals the studio’s own per-sample features (%s)', async (block, params) => {
    for (const input of ['wave.csv', 'wave.json'] as const) {
      const cli = await motionFeatures(input, block, params);
      expect(cli.features).toEqual(studioFeatures(input, { block, params: { ...params } }));
    }
  });
});
