import { describe, expect, it } from 'vitest';
import type { BlockParams, DspBlock, WindowShape } from './block';
import { windowFrameMatrices, type FrameRows } from './frameReuse';
import { mfccBlock } from './mfcc';
import { mfeBlock } from './mfe';
import { spectrogramBlock } from './spectrogram';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Audio with loud noise, a tone, digital silence (zero energies) and full-scale stretches (clamped cells). */
function recording(samples: number, rnd: () => number): Float32Array {
  const x = Float32Array.from({ length: samples }, (_, i) =>
    Math.round((rnd() - 0.5) * 20000 + 8000 * Math.sin(i / 9)),
  );
  const cut = (a: number) => Math.floor(a * samples);
  x.fill(0, cut(0.2), cut(0.35));
  x.fill(32767, cut(0.5), cut(0.55));
  x.fill(-32768, cut(0.55), cut(0.6));
  return x;
}

/** Window starts as the input block places them: round(k · stride) while the window fits. */
function starts(total: number, frames: number, stride: number): number[] {
  const out: number[] = [];
  for (let k = 0; Math.round(k * stride) + frames <= total; k++) out.push(Math.round(k * stride));
  return out;
}

/** Index of the first window whose features differ from `run` on the window copied out, or −1. */
function firstMismatch<P extends BlockParams>(
  block: DspBlock<P>,
  params: P,
  signal: Float32Array,
  at: number[],
  shape: WindowShape,
): number {
  const runWindows = block.runWindows;
  if (!runWindows) throw new Error(`${block.id} has no runWindows`);
  let i = 0;
  for (const row of runWindows.call(block, params, signal, at, shape)) {
    const expected = block.run(params, signal.slice(at[i], at[i] + shape.frames), shape);
    if (row.length !== expected.length || !expected.every((v, k) => Object.is(v, row[k]))) return i;
    i++;
  }
  return i === at.length ? -1 : i;
}

describe('windowFrameMatrices', () => {
  /** Row of a frame: from its signal position (negated for a window's own frames); records every call. */
  function positions(stride: number, count: number, ownFrames: number) {
    const computed: { at: number; own: boolean }[] = [];
    const rows: FrameRows<Float64Array> = {
      layout: { length: stride, stride, count },
      width: 2,
      ownFrames,
      allocate: (length) => new Float64Array(length),
      frameRow(_signal, start, _frames, f, out, offset) {
        const at = start + f * stride;
        computed.push({ at, own: f < ownFrames });
        out[offset] = f < ownFrames ? -at : at;
        out[offset + 1] = at % 7;
      },
    };
    return { rows, computed };
  }
  const every10 = (from: number, to: number) =>
    Array.from({ length: (to - from) / 10 + 1 }, (_, i) => from + 10 * i);

  it('computes each frame a window shares with others of its phase once', () => {
    // Frames every 10 samples, 10 per 100-sample window; windows every 25 samples alternate two phases.
    const { rows, computed } = positions(10, 10, 1);
    const at = [0, 25, 50, 75, 100, 125];
    expect([...windowFrameMatrices(rows, new Float32Array(300), at, 100)]).toHaveLength(6);
    expect(computed.filter((c) => c.own).map((c) => c.at)).toEqual(at);
    // Phase 0 (windows at 0, 50, 100) has frames at 10…190, phase 5 (25, 75, 125) at 35…215.
    const shared = computed.filter((c) => !c.own).map((c) => c.at);
    expect(shared.sort((a, b) => a - b)).toEqual(
      [...every10(10, 190), ...every10(35, 215)].sort((a, b) => a - b),
    );
  });

  it('gives every window its frames in order, own frames first', () => {
    const { rows } = positions(4, 5, 2);
    const signal = new Float32Array(64);
    const at = [0, 8, 3, 8, 40, 12];
    let w = 0;
    for (const matrix of windowFrameMatrices(rows, signal, at, 20)) {
      const expected = Array.from({ length: 5 }, (_, f) => [
        f < 2 ? -(at[w] + 4 * f) : at[w] + 4 * f,
        (at[w] + 4 * f) % 7,
      ]);
      expect(Array.from(matrix)).toEqual(expected.flat());
      w++;
    }
    expect(w).toBe(at.length);
  });

  it('refuses a window outside the signal', () => {
    const { rows } = positions(4, 5, 1);
    const run = (at: number[]) => [...windowFrameMatrices(rows, new Float32Array(30), at, 20)];
    expect(() => run([11])).toThrow(RangeError);
    expect(() => run([1.5])).toThrow(RangeError);
    expect(run([10])).toHaveLength(1);
  });
});

describe('runWindows equals run on every window, bit for bit', () => {
  it('MFE, MFCC and spectrogram with their defaults, 1 s windows at a 250 ms stride (MFCC: two phases)', () => {
    const rnd = random(1);
    const signal = recording(16000 * 4, rnd);
    const shape: WindowShape = { axes: 1, frames: 16000, frequencyHz: 16000 };
    const at = starts(signal.length, shape.frames, 4000);
    expect(at).toHaveLength(13);
    expect(firstMismatch(mfeBlock, mfeBlock.parseParams({}), signal, at, shape)).toBe(-1);
    expect(firstMismatch(mfccBlock, mfccBlock.parseParams({}), signal, at, shape)).toBe(-1);
    expect(firstMismatch(spectrogramBlock, spectrogramBlock.parseParams({}), signal, at, shape)).toBe(-1);
  });

  it('for random rates, window lengths, frame and window strides and pre-emphasis shifts', () => {
    const rnd = random(7);
    const pick = <T>(values: T[]) => values[Math.floor(rnd() * values.length)];
    for (let c = 0; c < 45; c++) {
      const fs = pick([16000, 11025, 8000, 1000]);
      const frames = Math.round(fs * pick([0.25, 0.5, 1, 0.777]));
      const frameStride = pick([0.005, 0.01, 0.0125, 0.016, 0.02]);
      const frameLength = frameStride * pick([1, 1.5, 2, 3]);
      const strideSamples = Math.ceil(frameStride * fs);
      // Whole numbers of frame strides, any whole number of samples, or a fractional stride.
      const stride = pick([
        strideSamples * (1 + Math.floor(rnd() * 30)),
        1 + Math.floor(rnd() * frames),
        1 + rnd() * frames * 0.3,
      ]);
      const signal = recording(frames + Math.floor(rnd() * 3 * frames), rnd);
      const shape: WindowShape = { axes: 1, frames, frequencyHz: fs };
      const at = starts(signal.length, frames, stride);
      const common = { frame_length: frameLength, frame_stride: frameStride };
      const fft = pick([256, 512]);
      const cases: [DspBlock, BlockParams][] = [
        [mfeBlock, { ...common, fft_length: fft, num_filters: 20, noise_floor_db: pick([-52, -90, -20]) }],
        [
          mfccBlock,
          {
            ...common,
            fft_length: fft,
            num_filters: 20,
            num_cepstral: 10,
            // Shift 1 wraps into frame 0 only; a longer one into several frames, or wraps round the window.
            pre_shift: pick([1, 1, 2 * strideSamples + 3, frames + 2, 3 * frames]),
            pre_cof: pick([0.98, 0.5, -0.3]),
            win_size: pick([101, 1, 7, 301]),
          },
        ],
        [spectrogramBlock, { ...common, fft_length: pick([64, 128, 256]), noise_floor_db: -52 }],
      ];
      for (const [block, json] of cases) {
        const params = block.parseParams(json);
        const configured = (() => {
          try {
            block.describe(params, shape);
            return true;
          } catch {
            return false;
          }
        })();
        if (!configured) continue;
        const where = `${block.id} ${JSON.stringify({ fs, frames, stride, ...json })}`;
        expect(firstMismatch(block, params, signal, at, shape), where).toBe(-1);
      }
    }
  });
});
