/**
 * Cross-check of the spectral block's Wavelet analysis against PyWavelets, numpy and SciPy
 * (scripts/wavelet_reference.py), on random signals and on real-shaped ones (virtual-board gestures, recorded
 * speech), for every wavelet Edge Impulse offers and every level the signals allow (audio: 0, 4 and 8).
 *
 * Tolerances (each with its reason):
 * - Filter taps, float64: ≤ 5e-12 from pywt.Wavelet(name).dec_lo/dec_hi. Ours are derived; PyWavelets' tables
 *   carry about 12 digits for the symlets and bior4.4/5.5/6.8, and coif3 solved in double agrees to ~1e-12.
 * - Filter taps, float32 (the ones PyWavelets applies to float32 data): equal.
 * - Decomposition of float32 data: every coefficient equal (float32 products and sums in PyWavelets' order).
 * - Decomposition of float64 data: ≤ 1e-9 × the signal's largest value, the drift of those tables' last digits.
 * - Features of float32 data (the reference without input decimation), whole chain from the signal: the ones
 *   numpy computes in float32 (percentiles, mean, std, var, rms) and the crossing rates are equal; entropy, skew
 *   and kurtosis, computed in float64 (log, pow), are equal or one float32 step apart.
 * - Features of float64 sub-bands (the reference with input decimation), taken from PyWavelets' own
 *   coefficients: within one float32 step of the float64 value (we store features as float32).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWav } from '../formats/wav';
import { createGestureStream } from '../virtual/gestures';
import { spectralBlock } from './spectral';
import { minimumSamples } from './spectralWavelet';
import { WAVELET_FEATURES, subBandFeatures } from './waveletFeatures';
import { WAVELETS, waveletFilters, type WaveletName } from './waveletFilters';
import { wavedec } from './waveletTransform';

const SCRIPT = resolve(process.cwd(), 'scripts/wavelet_reference.py');
const YES = resolve(process.cwd(), '../shared/testdata/audio/yes_1000ms.wav');
const PYTHONS = ['python3', '/usr/bin/python3'];
/** Indices (in WAVELET_FEATURES) of the features the reference computes in float64. */
const FLOAT64_FEATURES = new Set(
  ['entropy', 'skew', 'kurtosis'].map((f) => (WAVELET_FEATURES as readonly string[]).indexOf(f)),
);

interface Signal {
  name: string;
  values: Float32Array | Float64Array;
  levels: number[];
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Every level the reference allows for a window of `samples`. */
function levelsUpTo(samples: number): number[] {
  const levels: number[] = [];
  for (let l = 0; minimumSamples(l) <= samples; l++) levels.push(l);
  return levels;
}

/** One axis of a virtual-board recording (accelerometer or gyroscope), `frames` long. */
function gesture(
  kind: 'wave' | 'punch' | 'circle',
  axis: number,
  frames: number,
  rate: number,
): Float32Array {
  const values = createGestureStream({ gesture: kind, sampleRateHz: rate, seed: 11 }).next(frames);
  return Float32Array.from({ length: frames }, (_, i) => values[i * 9 + axis]);
}

function signals32(): Signal[] {
  const rand = lcg(3);
  const noise = Float32Array.from({ length: 1000 }, () => (rand() - 0.5) * 8);
  return [
    { name: 'noise', values: noise, levels: levelsUpTo(1000) },
    { name: 'noise-odd', values: noise.subarray(0, 333), levels: levelsUpTo(333) },
    { name: 'wave-accY', values: gesture('wave', 1, 400, 100), levels: levelsUpTo(400) },
    { name: 'punch-gyrZ', values: gesture('punch', 5, 256, 62.5), levels: levelsUpTo(256) },
    { name: 'speech', values: speechWindow(), levels: [0, 4, 8] },
  ];
}

function signal64(): Signal {
  const rand = lcg(5);
  const values = Float64Array.from({ length: 500 }, (_, i) => Math.sin(i / 7) + (rand() - 0.5) * 0.3);
  return { name: 'noise64', values, levels: levelsUpTo(500) };
}

/** 3-axis gesture windows through the whole block (no input decimation: the reference's float32 path). */
const BLOCK_CASES = [
  { gesture: 'wave', params: {} },
  { gesture: 'wave', params: { wavelet: 'sym5', 'wavelet-level': 2, 'scale-axes': 0.5 } },
  {
    gesture: 'punch',
    params: { wavelet: 'coif3', 'wavelet-level': 3, 'filter-type': 'low', 'filter-cutoff': 8 },
  },
  {
    gesture: 'circle',
    params: { wavelet: 'bior6.8', 'wavelet-level': 2, 'filter-type': 'high', 'filter-order': 4 },
  },
  { gesture: 'circle', params: { wavelet: 'rbio3.9', 'wavelet-level': 0 } },
  { gesture: 'punch', params: { wavelet: 'haar', 'wavelet-level': 3 } },
] as const;
const BLOCK_SHAPE = { axes: 3, frames: 256, frequencyHz: 62.5 };

const SPEECH_SHAPE = { axes: 1, frames: 16000, frequencyHz: 16000 };
const SPEECH_PARAMS = spectralBlock.parseParams({
  'analysis-type': 'Wavelet',
  wavelet: 'db6',
  'wavelet-level': 5,
  'filter-type': 'high',
  'filter-cutoff': 100,
  'filter-order': 2,
  'scale-axes': 1 / 32768,
});

function speechWindow(): Float32Array {
  const { sample } = parseWav('yes.wav', new Uint8Array(readFileSync(YES)));
  return Float32Array.from(sample.values);
}

function blockWindow(kind: 'wave' | 'punch' | 'circle'): Float32Array {
  const values = createGestureStream({ gesture: kind, sampleRateHz: 62.5, seed: 4 }).next(BLOCK_SHAPE.frames);
  return Float32Array.from(
    { length: BLOCK_SHAPE.frames * 3 },
    (_, i) => values[Math.floor(i / 3) * 9 + (i % 3)],
  );
}

function findPython(): { python: string } | { missing: string } {
  for (const python of PYTHONS) {
    const probe = spawnSync(python, ['-c', 'import numpy, scipy, pywt'], { encoding: 'utf8' });
    if (!probe.error && probe.status === 0) return { python };
  }
  return {
    missing:
      'needs python3 with numpy, SciPy and PyWavelets: install them with ' +
      '`apt-get install -y python3-numpy python3-scipy python3-pywt`',
  };
}

interface Reference {
  dir: string;
  lengths: Record<string, number[]>;
}

let reference: Reference | undefined;

function write(dir: string, file: string, values: Float32Array | Float64Array): void {
  writeFileSync(join(dir, file), new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

/** Runs the reference once, for every case. */
function pywt(python: string): Reference {
  if (reference) return reference;
  const dir = mkdtempSync(join(tmpdir(), 'wavelet-crosscheck-'));
  const cases: object[] = WAVELETS.map((wavelet) => ({
    name: `filters-${wavelet}`,
    kind: 'filters',
    wavelet,
  }));
  for (const s of [...signals32(), signal64()]) {
    const input = `${s.name}.${s.values instanceof Float32Array ? 'f32' : 'f64'}`;
    write(dir, input, s.values);
    for (const wavelet of WAVELETS)
      for (const level of s.levels) {
        const name = `${s.name}-${wavelet}-${level}`;
        cases.push({ name: `wavedec-${name}`, kind: 'wavedec', input, wavelet, level });
        cases.push({ name: `features-${name}`, kind: 'features', input, wavelet, level });
      }
  }
  BLOCK_CASES.forEach((c, i) => {
    write(dir, `block-${i}.f64`, Float64Array.from(blockWindow(c.gesture)));
    cases.push({
      name: `block-${i}`,
      kind: 'spectral',
      input: `block-${i}.f64`,
      axes: BLOCK_SHAPE.axes,
      fs: BLOCK_SHAPE.frequencyHz,
      params: spectralBlock.parseParams({ 'analysis-type': 'Wavelet', ...c.params }),
    });
  });
  write(dir, 'block-speech.f64', Float64Array.from(speechWindow()));
  cases.push({
    name: 'block-speech',
    kind: 'spectral',
    input: 'block-speech.f64',
    axes: 1,
    fs: 16000,
    params: SPEECH_PARAMS,
  });
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
  const run = spawnSync(python, [SCRIPT, dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0)
    throw new Error(`scripts/wavelet_reference.py failed: ${run.stderr || run.error?.message}`);
  reference = { dir, lengths: JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) };
  return reference;
}

afterAll(() => {
  if (reference) rmSync(reference.dir, { recursive: true, force: true });
});

function read(python: string, name: string, suffix = 'out.f64'): Float64Array {
  const bytes = readFileSync(join(pywt(python).dir, `${name}.${suffix}`));
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return suffix.endsWith('f32') ? Float64Array.from(new Float32Array(copy)) : new Float64Array(copy);
}

/** One float32 step at |x| (the spacing of float32 values there). */
function float32Step(x: number): number {
  const a = Math.abs(Math.fround(x));
  if (a < 2 ** -126) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

/** Splits the reference's concatenated sub-bands. */
function bands(flat: Float64Array, lengths: number[]): Float64Array[] {
  let at = 0;
  return lengths.map((n) => flat.subarray(at, (at += n)));
}

/** Feature cells that differ more than allowed: exact, or one float32 step for the float64-computed ones. */
function featureMismatches(ours: Float32Array, ref: Float64Array, stepAll: boolean): string[] {
  const out: string[] = [];
  ref.forEach((r, j) => {
    const feature = j % WAVELET_FEATURES.length;
    const allowed = stepAll || FLOAT64_FEATURES.has(feature) ? float32Step(r) : 0;
    if (!(Math.abs(ours[j] - Math.fround(r)) <= allowed))
      out.push(
        `L${Math.floor(j / WAVELET_FEATURES.length)}-${WAVELET_FEATURES[feature]}: ${ours[j]} vs ${r}`,
      );
  });
  return out;
}

function decomposition(values: Float32Array | Float64Array, wavelet: WaveletName, level: number) {
  return wavedec(values, values.length, waveletFilters(wavelet), level, values instanceof Float32Array);
}

const found = findPython();

if ('missing' in found) {
  describe('PyWavelets cross-check', () => {
    it.skip(`skipped: the PyWavelets cross-check ${found.missing}`, () => {});
  });
} else {
  const { python } = found;

  describe('PyWavelets cross-check', () => {
    // One run of the reference for every case below: some 1,200 decompositions, scipy.stats being slow to call.
    beforeAll(() => void pywt(python), 180_000);

    it('derives every filter bank PyWavelets holds (float64 to 5e-12, float32 equal)', () => {
      for (const wavelet of WAVELETS) {
        const name = `filters-${wavelet}`;
        const f = waveletFilters(wavelet);
        const [lo, hi] = bands(read(python, name), pywt(python).lengths[name]);
        const taps32 = read(python, name, 'out32.f32');
        expect(f.decLo.length, wavelet).toBe(lo.length);
        f.decLo.forEach((x, i) =>
          expect(Math.abs(x - lo[i]), `${wavelet} dec_lo[${i}]`).toBeLessThanOrEqual(5e-12),
        );
        f.decHi.forEach((x, i) =>
          expect(Math.abs(x - hi[i]), `${wavelet} dec_hi[${i}]`).toBeLessThanOrEqual(5e-12),
        );
        // + 0 turns −0 into 0: the sign of a zero tap changes no sum.
        expect(
          [...f.decLo32, ...f.decHi32].map((x) => x + 0),
          `${wavelet} float32 taps`,
        ).toEqual([...taps32]);
      }
    });

    it('decomposes float32 signals bit for bit, every wavelet and level', () => {
      for (const s of signals32())
        for (const wavelet of WAVELETS)
          for (const level of s.levels) {
            const name = `wavedec-${s.name}-${wavelet}-${level}`;
            const ours = decomposition(s.values, wavelet, level);
            expect(
              ours.map((b) => b.length),
              name,
            ).toEqual(pywt(python).lengths[name]);
            const ref = read(python, name);
            const flat = ours.flatMap((b) => [...b]);
            const first = flat.findIndex((x, i) => x !== ref[i]);
            expect(first, `${name}: first differing coefficient`).toBe(-1);
          }
    });

    it('decomposes float64 signals to 1e-9 of their scale', () => {
      const s = signal64();
      const scale = Math.max(...s.values.map(Math.abs));
      for (const wavelet of WAVELETS)
        for (const level of s.levels) {
          const name = `wavedec-${s.name}-${wavelet}-${level}`;
          const ours = decomposition(s.values, wavelet, level).flatMap((b) => [...b]);
          const ref = read(python, name);
          expect(ours.length, name).toBe(ref.length);
          const worst = Math.max(...ours.map((x, i) => Math.abs(x - ref[i])));
          expect(worst, name).toBeLessThanOrEqual(1e-9 * scale);
        }
    });

    it('gives the reference features of float32 signals, from the signal on', () => {
      for (const s of signals32())
        for (const wavelet of WAVELETS)
          for (const level of s.levels) {
            const name = `features-${s.name}-${wavelet}-${level}`;
            const ours = new Float32Array(WAVELET_FEATURES.length * (level + 1));
            decomposition(s.values, wavelet, level).forEach((b, i) =>
              subBandFeatures(b, b.length, true, ours, i * WAVELET_FEATURES.length),
            );
            expect(featureMismatches(ours, read(python, name), false), name).toEqual([]);
          }
    });

    it('gives the reference features of float64 sub-bands within one float32 step', () => {
      const s = signal64();
      for (const wavelet of WAVELETS)
        for (const level of s.levels) {
          const name = `${s.name}-${wavelet}-${level}`;
          const ours = new Float32Array(WAVELET_FEATURES.length * (level + 1));
          const refBands = bands(read(python, `wavedec-${name}`), pywt(python).lengths[`wavedec-${name}`]);
          refBands.forEach((b, i) => subBandFeatures(b, b.length, false, ours, i * WAVELET_FEATURES.length));
          expect(featureMismatches(ours, read(python, `features-${name}`), true), name).toEqual([]);
        }
    });

    it('runs the spectral block in Wavelet mode as the reference does (filter, scale, every axis)', () => {
      BLOCK_CASES.forEach((c, i) => {
        const params = spectralBlock.parseParams({ 'analysis-type': 'Wavelet', ...c.params });
        const ours = spectralBlock.run(params, blockWindow(c.gesture), BLOCK_SHAPE);
        const ref = read(python, `block-${i}`);
        expect(ours.length, `block-${i}`).toBe(ref.length);
        expect(spectralBlock.describe(params, BLOCK_SHAPE).featureCount).toBe(ref.length);
        expect(featureMismatches(ours, ref, false), `block-${i} ${JSON.stringify(c.params)}`).toEqual([]);
      });
    });

    it('runs it on a window longer than the 8192 values numpy reduces at a time (1 s of speech)', () => {
      const ours = spectralBlock.run(SPEECH_PARAMS, speechWindow(), SPEECH_SHAPE);
      expect(featureMismatches(ours, read(python, 'block-speech'), false)).toEqual([]);
    });
  });
}
