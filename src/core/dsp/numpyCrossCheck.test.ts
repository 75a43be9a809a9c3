/**
 * Cross-check of the audio DSP against an independent float64 numpy implementation of DESIGN.md §5
 * (scripts/dsp_reference.py). Both sides compute in float64; our blocks return float32.
 *
 * Tolerances (each with its reason):
 * - FFT power: |ours − numpy| ≤ 1e-9·|numpy| + 1e-12·(largest bin of that frame): float64 FFTs agree to a few
 *   ulps of the spectrum's scale; a bin far below the peak carries that absolute round-off, not a relative one.
 * - Mel filterbank: ≤ 1e-12 per weight (the same ratios of small integers: in practice identical).
 * - MFE: the 8-bit codes must be equal, except where numpy's unquantised value·256 lies within 1e-6 of a
 *   rounding boundary (.5), where float64 round-off (≈1e-13 in dB) may legitimately flip the code by 1/256.
 * - MFCC: ≤ 1e-6·max(1, |numpy|): the outputs are normalised (|x| up to ≈ 10) and stored as float32 (relative
 *   6e-8); the sliding sums (running add/subtract in ours, per-window sums in numpy) differ by ≈ 1e-12 before
 *   the division by the window's std. The 'fullscale' signal (a 4 kHz tone at full scale, clamping MFE cells) is left out
 *   here: its frames are all identical, so
 *   every window's std is 0 and both sides return round-off noise / 1e-10 (≈ 1e-4), not a feature.
 * - Spectrogram: ≤ 1e-6·max(1, |numpy|): float32 storage of values up to ≈ 3 (relative 6e-8) plus float64
 *   round-off in log10.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWav } from '../formats/wav';
import type { BlockParams, DspBlock } from './block';
import { getRealFft } from './fft';
import { melFilterbank } from './mel';
import { mfccBlock } from './mfcc';
import { mfeBlock } from './mfe';
import { spectrogramBlock } from './spectrogram';

const SCRIPT = resolve(process.cwd(), 'scripts/dsp_reference.py');
const AUDIO = resolve(process.cwd(), '../shared/testdata/audio');
const WAVS = ['yes_1000ms.wav', 'no_1000ms.wav', 'noise_1000ms.wav', 'silence_1000ms.wav'];

interface Signal {
  name: string;
  fs: number;
  values: Float32Array;
}

type AudioBlock = DspBlock<BlockParams>;
const audioBlocks = [mfeBlock, mfccBlock, spectrogramBlock] as unknown as AudioBlock[];

interface BlockCase {
  name: string;
  block: AudioBlock;
  signal: Signal;
  params: BlockParams;
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function synthetic(): Signal[] {
  const chirpFs = 16000;
  const chirp = Float32Array.from({ length: chirpFs }, (_, i) => {
    const t = i / chirpFs;
    return Math.round(12000 * Math.sin(2 * Math.PI * (50 * t + 3000 * t * t)));
  });
  const rand = lcg(42);
  const noise = Float32Array.from({ length: 8269 }, () => Math.round((rand() - 0.5) * 20000));
  const fullScale = Float32Array.from({ length: 16000 }, (_, i) =>
    Math.round(32767 * Math.sin((Math.PI * i) / 2)),
  );
  return [
    { name: 'chirp', fs: chirpFs, values: chirp },
    { name: 'noise11k', fs: 11025, values: noise },
    { name: 'fullscale', fs: 16000, values: fullScale },
  ];
}

function wavs(): Signal[] {
  return WAVS.map((file) => {
    const { sample } = parseWav(file, new Uint8Array(readFileSync(join(AUDIO, file))));
    return {
      name: file.replace('.wav', ''),
      fs: 1000 / sample.intervalMs,
      values: Float32Array.from(sample.values),
    };
  });
}

/** Non-default parameter sets, per block id. */
const variants: Record<string, BlockParams[]> = {
  mfe: [
    {
      frame_length: 0.025,
      frame_stride: 0.0125,
      num_filters: 32,
      fft_length: 512,
      low_frequency: 300,
      high_frequency: 5000,
      noise_floor_db: -70,
    },
  ],
  mfcc: [
    {
      num_cepstral: 20,
      frame_length: 0.03,
      frame_stride: 0.015,
      num_filters: 40,
      fft_length: 512,
      win_size: 21,
      low_frequency: 100,
      high_frequency: 5000,
      pre_cof: 0.95,
      pre_shift: 3,
    },
  ],
  spectrogram: [{ frame_length: 0.032, frame_stride: 0.016, fft_length: 256, noise_floor_db: -80 }],
};

function blockCases(signals: Signal[]): BlockCase[] {
  const cases: BlockCase[] = [];
  for (const signal of signals)
    for (const block of audioBlocks)
      for (const [i, params] of [{}, ...variants[block.id]].entries())
        cases.push({
          name: `${block.id}-${signal.name}-${i}`,
          block,
          signal,
          params: block.parseParams(params),
        });
  return cases;
}

const POWER_CASES = [
  {
    fft_length: 2,
    frames: [
      [0, 2],
      [5, 1],
    ],
  },
  {
    fft_length: 16,
    frames: [
      [3, 16],
      [100, 40],
      [7, 5],
    ],
  },
  {
    fft_length: 256,
    frames: [
      [0, 320],
      [160, 256],
      [1000, 100],
    ],
  },
  {
    fft_length: 1024,
    frames: [
      [11, 1024],
      [2000, 1500],
    ],
  },
];

const MEL_CASES = [
  { num_filters: 40, fft_length: 256, fs: 16000, low: 0, high: 0 },
  { num_filters: 32, fft_length: 256, fs: 16000, low: 300, high: 0 },
  { num_filters: 64, fft_length: 1024, fs: 44100, low: 20, high: 18000 },
  { num_filters: 10, fft_length: 64, fs: 8000, low: 0, high: 3999 },
];

function readF64(path: string): Float64Array {
  const bytes = readFileSync(path);
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function writeF64(path: string, values: ArrayLike<number>): void {
  writeFileSync(path, new Uint8Array(Float64Array.from(values).buffer));
}

const powerInput = Float64Array.from({ length: 4000 }, lcg(7)).map((v) => v * 2 - 1);

interface NumpyResults {
  dir: string;
  cases: BlockCase[];
  shapes: Record<string, number[]>;
}

let results: NumpyResults | undefined;

/** Runs the reference once; every test calls it, so a missing python3/numpy fails each test with the fix. */
function numpy(): NumpyResults {
  if (results) return results;
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    throw new Error(
      'The numpy cross-check needs python3 with numpy: install it with `apt-get install -y python3-numpy` ' +
        `(${probe.error?.message ?? probe.stderr.trim()}).`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'dsp-crosscheck-'));
  const cases = blockCases([...wavs(), ...synthetic()]);
  const manifest: object[] = [];
  writeF64(join(dir, 'power.f64'), powerInput);
  POWER_CASES.forEach((c, i) =>
    manifest.push({ name: `power-${i}`, kind: 'power', input: 'power.f64', ...c }),
  );
  MEL_CASES.forEach((c, i) => manifest.push({ name: `mel-${i}`, kind: 'mel', ...c }));
  const written = new Set<string>();
  for (const c of cases) {
    const input = `${c.signal.name}.f64`;
    if (!written.has(input)) writeF64(join(dir, input), c.signal.values);
    written.add(input);
    manifest.push({ name: c.name, kind: c.block.id, input, fs: c.signal.fs, params: c.params });
  }
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(manifest));
  const run = spawnSync('python3', [SCRIPT, dir], { encoding: 'utf8' });
  if (run.status !== 0)
    throw new Error(`scripts/dsp_reference.py failed: ${run.stderr || run.error?.message}`);
  const shapes = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Record<string, number[]>;
  results = { dir, cases, shapes };
  return results;
}

afterAll(() => {
  if (results) rmSync(results.dir, { recursive: true, force: true });
});

function reference(name: string, suffix = 'out'): Float64Array {
  return readF64(join(numpy().dir, `${name}.${suffix}.f64`));
}

function run(c: BlockCase): { out: Float32Array; shape: number[] } {
  const shape = { axes: 1, frames: c.signal.values.length, frequencyHz: c.signal.fs };
  return {
    out: c.block.run(c.params, c.signal.values, shape),
    shape: c.block.describe(c.params, shape).shape,
  };
}

/** The cell with the largest |ours − numpy| / scale(numpy). */
function worstCell(
  out: Float32Array | Float64Array,
  ref: Float64Array,
  scale: (r: number) => number,
): { cell: number; difference: number } {
  expect(out.length).toBe(ref.length);
  let cell = 0;
  let difference = 0;
  for (let j = 0; j < ref.length; j++) {
    const d = Math.abs(out[j] - ref[j]) / scale(ref[j]);
    if (d > difference) [cell, difference] = [j, d];
  }
  return { cell, difference };
}

describe('numpy cross-check', () => {
  it('FFT power spectra agree within 1e-9 relative', () => {
    POWER_CASES.forEach((c, i) => {
      const ref = reference(`power-${i}`);
      const fft = getRealFft(c.fft_length);
      const out = new Float64Array(fft.bins);
      c.frames.forEach(([offset, length], f) => {
        fft.power(powerInput, offset, length, out);
        const row = ref.subarray(f * fft.bins, (f + 1) * fft.bins);
        const peak = Math.max(...row);
        for (let k = 0; k < fft.bins; k++)
          expect(Math.abs(out[k] - row[k]), `power-${i} frame ${f} bin ${k}`).toBeLessThanOrEqual(
            1e-9 * Math.abs(row[k]) + 1e-12 * peak,
          );
      });
    });
  });

  it('mel filterbanks agree weight for weight', () => {
    MEL_CASES.forEach((c, i) => {
      const ref = reference(`mel-${i}`);
      const high = c.high || c.fs / 2;
      const bank = melFilterbank('test', c.num_filters, c.fft_length, c.fs, c.low, high);
      const dense = new Float64Array(c.num_filters * bank.bins);
      for (let f = 0; f < c.num_filters; f++)
        for (let j = 0; j < bank.count[f]; j++)
          dense[f * bank.bins + bank.first[f] + j] = bank.weights[bank.offset[f] + j];
      expect(numpy().shapes[`mel-${i}`]).toEqual([c.num_filters, bank.bins]);
      const { cell, difference } = worstCell(dense, ref, () => 1);
      expect(difference, `mel-${i} weight ${cell}`).toBeLessThanOrEqual(1e-12);
    });
  });

  it('MFE: the same 8-bit codes, except at rounding boundaries', () => {
    for (const c of numpy().cases.filter((x) => x.block.id === 'mfe')) {
      const { out, shape } = run(c);
      expect(shape, c.name).toEqual(numpy().shapes[c.name]);
      const ref = reference(c.name);
      const scaled = reference(c.name, 'scaled');
      expect(out.length).toBe(ref.length);
      const unexplained: number[] = [];
      for (let j = 0; j < ref.length; j++) {
        if (out[j] === ref[j]) continue;
        const atBoundary = Math.abs(((scaled[j] * 256) % 1) - 0.5) < 1e-6;
        if (!atBoundary || Math.abs(out[j] - ref[j]) !== 1 / 256) unexplained.push(j);
      }
      expect(unexplained, `${c.name}: cells differing away from a rounding boundary`).toEqual([]);
    }
  });

  it('MFCC agrees within 1e-6 relative', () => {
    for (const c of numpy().cases.filter((x) => x.block.id === 'mfcc' && x.signal.name !== 'fullscale')) {
      const { out, shape } = run(c);
      expect(shape, c.name).toEqual(numpy().shapes[c.name]);
      const { cell, difference } = worstCell(out, reference(c.name), (r) => Math.max(1, Math.abs(r)));
      expect(difference, `${c.name} cell ${cell}`).toBeLessThanOrEqual(1e-6);
    }
  });

  it('spectrograms agree within 1e-6 relative', () => {
    for (const c of numpy().cases.filter((x) => x.block.id === 'spectrogram')) {
      const { out, shape } = run(c);
      expect(shape, c.name).toEqual(numpy().shapes[c.name]);
      const { cell, difference } = worstCell(out, reference(c.name), (r) => Math.max(1, Math.abs(r)));
      expect(difference, `${c.name} cell ${cell}`).toBeLessThanOrEqual(1e-6);
    }
  });
});
