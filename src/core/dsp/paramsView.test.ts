import { describe, expect, it } from 'vitest';
import { getBlock } from './blocks';
import { paramsView } from './paramsView';
import { spectralBlock } from './spectral';
import { waveletLayout } from './spectralWaveletLayout';

describe('paramsView', () => {
  it('shows the values under their parameters.json names and keeps only what an edit should save', () => {
    const view = paramsView(spectralBlock, {
      fft_length: 64,
      'filter-type': 'low',
      'spectral-power-edges': '0.1, 0.5',
    });
    expect(view.given).toEqual({ 'fft-length': 64, 'filter-type': 'low' });
    expect(view.values['fft-length']).toBe(64);
    expect(view.values['do-log']).toBe(true);
    expect(view.notes).toEqual([
      '"fft_length" is read as "fft-length"',
      '"spectral-power-edges" is ignored: read only by implementation version 1 (spectral peaks and power edges); ' +
        'version 4 ignores it',
    ]);
  });

  it('groups the parameters the settings leave unused, in the block order', () => {
    expect(paramsView(spectralBlock, { 'analysis-type': 'Wavelet', 'filter-type': 'none' }).unused).toEqual([
      { keys: ['filter-cutoff', 'filter-order'], reason: 'used only by a low- or high-pass filter' },
      {
        keys: ['fft-length', 'do-log', 'do-fft-overlap', 'extra-low-freq'],
        reason: 'used by FFT analysis only',
      },
    ]);
    expect(paramsView(spectralBlock, { 'filter-type': 'high' }).unused).toEqual([
      { keys: ['wavelet-level', 'wavelet'], reason: 'used by Wavelet analysis only' },
    ]);
  });

  it('leaves a block without notes as it is, unknown keys included (the form names them as problems)', () => {
    const mfcc = getBlock('mfcc');
    expect(paramsView(mfcc, { num_cepstral: 20, nope: 1 })).toEqual({
      given: { num_cepstral: 20, nope: 1 },
      values: { ...mfcc.defaults, num_cepstral: 20, nope: 1 },
      unused: [],
      notes: [],
    });
  });
});

describe('waveletLayout', () => {
  it('names every feature: per axis, 14 statistics of each sub-band, approximation first, with its band', () => {
    const params = spectralBlock.parseParams({ 'analysis-type': 'Wavelet', 'wavelet-level': 2 });
    const layout = waveletLayout(params, { axes: 2, frames: 200, frequencyHz: 100 }, ['accX', 'accY']);
    expect(layout.bands).toEqual([
      { label: 'L0', kind: 'approximation', level: 2, fromHz: 0, toHz: 12.5 },
      { label: 'L1', kind: 'detail', level: 2, fromHz: 12.5, toHz: 25 },
      { label: 'L2', kind: 'detail', level: 1, fromHz: 25, toHz: 50 },
    ]);
    expect(layout.featureCount).toBe(
      spectralBlock.describe(params, { axes: 2, frames: 200, frequencyHz: 100 }).featureCount,
    );
    expect(layout.axes.map((a) => a.axis)).toEqual(['accX', 'accY']);
    expect(layout.axes[0].features[0][0]).toBe(0);
    expect(layout.axes[0].features[2][13]).toBe(41);
    expect(layout.axes[1].features[0][0]).toBe(42);
  });

  it('divides the analysed rate by the input decimation ratio', () => {
    const params = spectralBlock.parseParams({ 'analysis-type': 'Wavelet', 'input-decimation-ratio': 10 });
    const layout = waveletLayout(params, { axes: 1, frames: 1000, frequencyHz: 100 }, []);
    expect(layout.bands.map((b) => [b.fromHz, b.toHz])).toEqual([
      [0, 2.5],
      [2.5, 5],
    ]);
    expect(layout.axes[0].axis).toBe('axis 1');
  });
});
