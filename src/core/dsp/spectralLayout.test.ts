import { describe, expect, it } from 'vitest';
import { spectralBlock } from './spectral';
import { SPECTRAL_STATISTICS, spectralLayout } from './spectralLayout';

const GESTURE = { axes: 3, frames: 125, frequencyHz: 62.5 };
const AXES = ['accX', 'accY', 'accZ'];
const params = (json: Record<string, unknown>) => spectralBlock.parseParams(json);

/** One sine per axis, at the given frequencies. */
function sines(shape: typeof GESTURE, hz: number[]): Float32Array {
  const out = new Float32Array(shape.frames * shape.axes);
  for (let i = 0; i < shape.frames; i++)
    for (let a = 0; a < shape.axes; a++)
      out[i * shape.axes + a] = Math.sin((2 * Math.PI * hz[a] * i) / shape.frequencyHz);
  return out;
}

describe('spectralLayout', () => {
  it('names every feature once, in the block’s order, matching its count', () => {
    for (const json of [
      {},
      { 'fft-length': 128, 'filter-type': 'low', 'filter-cutoff': 3 },
      { 'fft-length': 64, 'filter-type': 'high', 'filter-cutoff': 10 },
      { 'fft-length': 16, 'input-decimation-ratio': 3 },
    ]) {
      const p = params(json);
      const layout = spectralLayout(p, GESTURE, AXES);
      expect(layout.featureCount).toBe(spectralBlock.describe(p, GESTURE).featureCount);
      const indices = layout.sections.flatMap((s) => [...s.statistics, ...s.bins.map((b) => b.index)]);
      expect(indices).toEqual(Array.from({ length: layout.featureCount }, (_, i) => i));
      expect(layout.sections.map((s) => s.axis)).toEqual(AXES);
      expect(layout.sections[0].statistics).toHaveLength(SPECTRAL_STATISTICS.length);
    }
  });

  it('gives each bin its frequency: FFT 128 at 62.5 Hz, low-pass 3 Hz keeps 6 bins up to 2.93 Hz', () => {
    const layout = spectralLayout(
      params({ 'fft-length': 128, 'filter-type': 'low', 'filter-cutoff': 3 }),
      GESTURE,
      AXES,
    );
    expect(layout.featureCount).toBe(33);
    const hz = layout.sections[1].bins.map((b) => b.hz);
    expect(hz).toEqual([1, 2, 3, 4, 5, 6].map((k) => (k * 62.5) / 128));
    expect(layout.sections[1].bins[0].index).toBe(11 + 5);
    expect(layout.logPower).toBe(true);
  });

  it('starts a high-pass at its first kept bin and follows input decimation', () => {
    const high = spectralLayout(
      params({ 'fft-length': 64, 'filter-type': 'high', 'filter-cutoff': 10 }),
      GESTURE,
      AXES,
    );
    // int(10·64/62.5 − 0.5) + 1 = 10: bins 10…32.
    expect(high.sections[0].bins[0].hz).toBeCloseTo((10 * 62.5) / 64, 12);
    expect(high.sections[0].bins.at(-1)!.hz).toBeCloseTo(31.25, 12);
    const decimated = spectralLayout(params({ 'input-decimation-ratio': 3 }), GESTURE, AXES);
    expect(decimated.sections[0].sampleRateHz).toBeCloseTo(62.5 / 3, 12);
    expect(decimated.sections[0].bins.at(-1)!.hz).toBeCloseTo(62.5 / 6, 12);
  });

  it('puts the low-frequency analysis of every axis after the main one', () => {
    const shape = { axes: 2, frames: 1250, frequencyHz: 62.5 };
    const layout = spectralLayout(params({ 'fft-length': 16, 'extra-low-freq': true }), shape, ['x', 'y']);
    expect(layout.sections.map((s) => `${s.analysis} ${s.axis}`)).toEqual([
      'main x',
      'main y',
      'low-frequency x',
      'low-frequency y',
    ]);
    expect(layout.sections[2].sampleRateHz).toBeCloseTo(6.25, 12);
    expect(layout.sections[2].statistics[0]).toBe(2 * (5 + 8));
  });

  it('points at the bin that holds a sine’s power', () => {
    const p = params({ 'fft-length': 64, 'do-fft-overlap': false });
    const layout = spectralLayout(p, GESTURE, AXES);
    const features = spectralBlock.run(p, sines(GESTURE, [62.5 / 8, 62.5 / 4, 62.5 / 16]), GESTURE);
    const peaks = layout.sections.map((s) => {
      const strongest = s.bins.reduce((best, b) => (features[b.index] > features[best.index] ? b : best));
      return strongest.hz;
    });
    expect(peaks).toEqual([62.5 / 8, 62.5 / 4, 62.5 / 16]);
    // RMS of a unit sine.
    expect(features[layout.sections[0].statistics[0]]).toBeCloseTo(Math.SQRT1_2, 2);
  });
});
