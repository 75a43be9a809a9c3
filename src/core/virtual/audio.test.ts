import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { type AudioMode, createVirtualAudio, VIRTUAL_AUDIO_RATE_HZ } from './audio';

const RATE = VIRTUAL_AUDIO_RATE_HZ;
const HOP = RATE / 50; // 20 ms

function rms(x: Int16Array, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return Math.sqrt(s / (to - from));
}

function record(mode: AudioMode, seed: number, seconds: number): Int16Array {
  return createVirtualAudio({ mode, seed }).next(RATE * seconds);
}

/** Runs of 20 ms hops louder than `threshold`, joined across dips shorter than 60 ms: [startHop, endHop). */
function bursts(x: Int16Array, threshold: number): [number, number][] {
  const loud: boolean[] = [];
  for (let h = 0; h + HOP <= x.length; h += HOP) loud.push(rms(x, h, h + HOP) > threshold);
  const runs: [number, number][] = [];
  for (let i = 0; i < loud.length; i++) {
    if (!loud[i]) continue;
    const last = runs[runs.length - 1];
    if (last && i - last[1] < 3) last[1] = i + 1;
    else runs.push([i, i + 1]);
  }
  return runs;
}

/** Power-weighted mean frequency (Hz) over the 512-sample frames that fit in the ranges [from, to) of x. */
function spectralCentroid(x: Int16Array, ranges: [number, number][]): number {
  const n = 512;
  const cos = new Float64Array(n);
  const sin = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    cos[i] = Math.cos((2 * Math.PI * i) / n);
    sin[i] = Math.sin((2 * Math.PI * i) / n);
  }
  let weighted = 0;
  let total = 0;
  for (const [from, to] of ranges) {
    for (let start = from; start + n <= to; start += n) {
      for (let k = 1; k < n / 2; k++) {
        let re = 0;
        let im = 0;
        for (let i = 0; i < n; i++) {
          const j = (k * i) % n;
          re += x[start + i] * cos[j];
          im -= x[start + i] * sin[j];
        }
        const power = re * re + im * im;
        weighted += power * ((k * RATE) / n);
        total += power;
      }
    }
  }
  return weighted / total;
}

describe('virtual microphone', () => {
  it('is deterministic by seed and independent of chunking', () => {
    const whole = createVirtualAudio({ mode: 'yes', seed: 4 }).next(20000);
    const s = createVirtualAudio({ mode: 'yes', seed: 4 });
    const parts = [s.next(7000), s.next(13000)];
    expect(Array.from(parts[0]).concat(Array.from(parts[1]))).toEqual(Array.from(whole));
    expect(Array.from(createVirtualAudio({ mode: 'yes', seed: 5 }).next(20000))).not.toEqual(
      Array.from(whole),
    );
  });

  it('orders the levels: silence < background noise < whistle and tone', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const level = (mode: AudioMode) => rms(record(mode, seed, 2));
      const silence = level('silence');
      const noise = level('noise');
      expect(silence).toBeGreaterThan(0);
      expect(silence).toBeLessThan(10);
      expect(noise).toBeGreaterThan(100);
      expect(noise).toBeLessThan(2000);
      expect(level('tone')).toBeGreaterThan(2 * noise);
      expect(level('whistle')).toBeGreaterThan(2 * noise);
    }
  });

  it('says words as 0.3–0.8 s bursts separated by quiet, louder than background noise', () => {
    for (const word of ['yes', 'no'] as const) {
      for (let seed = 1; seed <= 3; seed++) {
        const x = record(word, seed, 10);
        const background = rms(record('noise', seed, 2));
        const runs = bursts(x, 100);
        expect(runs.length, `${word} seed ${seed}`).toBeGreaterThanOrEqual(6);
        expect(runs.length, `${word} seed ${seed}`).toBeLessThanOrEqual(14);
        const whole = runs.filter(([a, b]) => a > 0 && b * HOP < x.length - HOP);
        for (const [a, b] of whole) {
          const seconds = ((b - a) * HOP) / RATE;
          expect(seconds, `${word} seed ${seed}`).toBeGreaterThanOrEqual(0.3);
          expect(seconds, `${word} seed ${seed}`).toBeLessThanOrEqual(0.8);
          expect(rms(x, a * HOP, b * HOP)).toBeGreaterThan(background);
        }
        // Between words: the quiet room, far below the words.
        const [, firstEnd] = runs[0];
        const [secondStart] = runs[1];
        expect(rms(x, (firstEnd + 3) * HOP, (secondStart - 3) * HOP)).toBeLessThan(40);
      }
    }
  });

  it('makes "yes" (hissing /s/, high F2) much brighter than "no"', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const centroid = (word: 'yes' | 'no') => {
        const x = record(word, seed, 4);
        return spectralCentroid(
          x,
          bursts(x, 100).map(([a, b]) => [a * HOP, b * HOP]),
        );
      };
      const yes = centroid('yes');
      const no = centroid('no');
      expect(yes, `seed ${seed}: yes ${yes} Hz, no ${no} Hz`).toBeGreaterThan(1.5 * no);
    }
  });

  it('switches mode without a click', () => {
    const s = createVirtualAudio({ mode: 'tone', seed: 9 });
    const before = s.next(RATE / 2);
    let steady = 0;
    for (let i = 1; i < before.length; i++) steady = Math.max(steady, Math.abs(before[i] - before[i - 1]));
    s.setMode('silence');
    expect(s.mode).toBe('silence');
    const after = s.next(RATE / 2);
    let step = Math.abs(after[0] - before[before.length - 1]);
    for (let i = 1; i < after.length; i++) step = Math.max(step, Math.abs(after[i] - after[i - 1]));
    expect(step).toBeLessThanOrEqual(steady * 1.05);
    expect(rms(after, RATE / 10)).toBeLessThan(10);
  });

  it('rejects bad options with a StudioError', () => {
    expect(() => createVirtualAudio({ mode: 'tone', seed: 1, sampleRateHz: 100 })).toThrow(StudioError);
    expect(() => createVirtualAudio({ mode: 'hum' as AudioMode, seed: 1 })).toThrow(
      /Unknown audio mode "hum"/,
    );
    expect(() => createVirtualAudio({ mode: 'tone', seed: 1 }).next(-1)).toThrow(StudioError);
  });
});
