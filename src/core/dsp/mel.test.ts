import { describe, expect, it } from 'vitest';
import { applyMelFilterbank, getMelFilterbank, hzToMel, melEdgeBins, melFilterbank, melToHz } from './mel';

const configError = (pattern: RegExp) =>
  expect.objectContaining({ code: 'dsp-config', message: expect.stringMatching(pattern) });

function weightOf(bank: ReturnType<typeof melFilterbank>, filter: number, bin: number): number {
  const j = bin - bank.first[filter];
  return j >= 0 && j < bank.count[filter] ? bank.weights[bank.offset[filter] + j] : 0;
}

describe('mel scale', () => {
  it('uses mel = 1127·ln(1 + f/700) and inverts it', () => {
    expect(hzToMel(700)).toBeCloseTo(1127 * Math.log(2), 12);
    expect(hzToMel(0)).toBe(0);
    for (const hz of [0, 100, 1000, 8000, 22050]) expect(melToHz(hzToMel(hz))).toBeCloseTo(hz, 8);
  });
});

describe('melEdgeBins', () => {
  it('spans bin 0 to floor((nFFT + 1)·(fs/2 − 0.001)/fs) and never decreases', () => {
    const edges = melEdgeBins(40, 256, 16000, 0, 8000);
    expect(edges.length).toBe(42);
    expect(edges[0]).toBe(0);
    expect(edges[41]).toBe(128);
    for (let i = 1; i < edges.length; i++) expect(edges[i]).toBeGreaterThanOrEqual(edges[i - 1]);
  });

  it('lowers the last point by 0.001 Hz', () => {
    // 257·4096/16448 is exactly 64 (and 4096 Hz survives the mel round trip as 4096 + 1e-12): lowered, bin 63.
    expect(melEdgeBins(10, 256, 16448, 0, 4096)[11]).toBe(63);
    expect(melEdgeBins(10, 256, 16448, 0, 4097)[11]).toBe(64);
  });
});

describe('melFilterbank', () => {
  const bank = melFilterbank('MFE', 40, 256, 16000, 0, 8000);
  const edges = melEdgeBins(40, 256, 16000, 0, 8000);

  it('gives every filter a non-zero weight', () => {
    for (let i = 0; i < bank.filters; i++) {
      expect(bank.count[i]).toBeGreaterThan(0);
      let sum = 0;
      for (let j = 0; j < bank.count[i]; j++) sum += bank.weights[bank.offset[i] + j];
      expect(sum).toBeGreaterThan(0);
    }
  });

  it('peaks with weight 1 at the middle edge bin and stays inside the triangle', () => {
    for (let i = 0; i < bank.filters; i++) {
      const [l, m, r] = [edges[i], edges[i + 1], edges[i + 2]];
      expect(weightOf(bank, i, m)).toBe(1);
      expect(bank.first[i]).toBeGreaterThanOrEqual(l);
      expect(bank.first[i] + bank.count[i] - 1).toBeLessThanOrEqual(r);
      for (let k = 0; k < bank.bins; k++) expect(weightOf(bank, i, k)).toBeLessThanOrEqual(1);
    }
  });

  it('weighs (k − l)/(m − l) rising and (r − k)/(r − m) falling', () => {
    const i = 30;
    const [l, m, r] = [edges[i], edges[i + 1], edges[i + 2]];
    expect(r - l).toBeGreaterThan(2);
    for (let k = l; k <= r; k++) {
      const expected = k <= m ? (k - l) / (m - l) : (r - k) / (r - m);
      expect(weightOf(bank, i, k)).toBeCloseTo(expected, 15);
    }
  });

  it('refuses too many filters for the FFT, naming num_filters and a count that works', () => {
    const tooMany = () => melFilterbank('Audio (MFE)', 100, 128, 16000, 0, 8000);
    expect(tooMany).toThrow(
      configError(/Audio \(MFE\): num_filters 100 is too many for fft_length 128.*raise fft_length/),
    );
    let suggested = 0;
    try {
      tooMany();
    } catch (e) {
      suggested = Number(/Lower num_filters to (\d+)/.exec((e as Error).message)?.[1]);
    }
    expect(suggested).toBeGreaterThan(1);
    expect(() => melFilterbank('T', suggested, 128, 16000, 0, 8000)).not.toThrow();
    expect(() => melFilterbank('T', suggested + 1, 128, 16000, 0, 8000)).toThrow(configError(/num_filters/));
  });

  it('is cached per parameter set', () => {
    expect(getMelFilterbank('MFE', 32, 256, 16000, 300, 8000)).toBe(
      getMelFilterbank('MFCC', 32, 256, 16000, 300, 8000),
    );
  });
});

describe('applyMelFilterbank', () => {
  it('equals the dense matrix product', () => {
    const bank = melFilterbank('T', 20, 128, 8000, 100, 3500);
    const power = Float64Array.from({ length: bank.bins }, (_, k) => (k * 37) % 11);
    const out = new Float64Array(22);
    applyMelFilterbank(bank, power, out, 2);
    for (let i = 0; i < 20; i++) {
      let dense = 0;
      for (let k = 0; k < bank.bins; k++) dense += weightOf(bank, i, k) * power[k];
      expect(out[2 + i]).toBeCloseTo(dense, 12);
    }
  });
});
