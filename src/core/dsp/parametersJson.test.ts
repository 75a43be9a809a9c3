/**
 * Every key of each block's parameters.json in Edge Impulse's published processing blocks
 * (github.com/edgeimpulse/processing-blocks: raw, flatten, spectral_analysis, mfe, mfcc, spectrogram), with the
 * default value it declares, is accepted; so are the Python keyword spellings its generate_features takes.
 */
import { describe, expect, it } from 'vitest';
import type { BlockId } from './block';
import { getBlock } from './blocks';

const PARAMETERS_JSON: Record<BlockId, Record<string, unknown>> = {
  raw: { 'scale-axes': 1 },
  flatten: {
    'scale-axes': 1,
    average: true,
    minimum: true,
    maximum: true,
    rms: true,
    stdev: true,
    skewness: true,
    kurtosis: true,
  },
  spectral: {
    'scale-axes': 1,
    'input-decimation-ratio': '1',
    'filter-type': 'none',
    'filter-cutoff': 3,
    'filter-order': 6,
    'analysis-type': 'FFT',
    'fft-length': 16,
    'spectral-peaks-count': 3,
    'spectral-peaks-threshold': 0.1,
    'spectral-power-edges': '0.1, 0.5, 1.0, 2.0, 5.0',
    'do-log': true,
    'do-fft-overlap': true,
    'wavelet-level': 1,
    wavelet: 'db4',
    'extra-low-freq': false,
  },
  mfe: {
    frame_length: 0.02,
    frame_stride: 0.01,
    num_filters: 40,
    fft_length: 256,
    low_frequency: 0,
    high_frequency: 0,
    win_size: 101,
    noise_floor_db: -52,
  },
  mfcc: {
    num_cepstral: 13,
    frame_length: 0.02,
    frame_stride: 0.02,
    num_filters: 32,
    fft_length: 256,
    win_size: 101,
    low_frequency: 0,
    high_frequency: 0,
    pre_cof: 0.98,
    pre_shift: 1,
  },
  spectrogram: {
    frame_length: 0.02,
    frame_stride: 0.01,
    fft_length: 128,
    noise_floor_db: -52,
    show_axes: true,
  },
};

/** Keys each block accepts but does not store. */
const IGNORED: Partial<Record<BlockId, string[]>> = {
  spectral: ['spectral-peaks-count', 'spectral-peaks-threshold', 'spectral-power-edges'],
  mfe: ['win_size'],
  spectrogram: ['show_axes'],
};

const underscored = (json: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(json).map(([k, v]) => [k.replaceAll('-', '_'), v]));

describe("every key of Edge Impulse's parameters.json", () => {
  for (const [id, json] of Object.entries(PARAMETERS_JSON) as [BlockId, Record<string, unknown>][]) {
    it(`${id}: accepted; the defaults it declares are ours; ignored keys are said so`, () => {
      const block = getBlock(id);
      const parsed = block.parseParams(json);
      expect(parsed).toEqual(block.defaults);
      const ignored = IGNORED[id] ?? [];
      expect(Object.keys(parsed).sort()).toEqual(
        Object.keys(json)
          .filter((k) => !ignored.includes(k))
          .sort(),
      );
      const notes = block.paramNotes?.(json) ?? [];
      expect(notes.filter((n) => n.kind === 'ignored').map((n) => n.key)).toEqual(ignored);
    });

    it(`${id}: also accepted as the reference's Python keyword names, stored under the parameters.json names`, () => {
      const block = getBlock(id);
      expect(block.parseParams(underscored(json))).toEqual(block.parseParams(json));
    });
  }

  it('still refuses a key no version of the block has, naming it', () => {
    for (const id of Object.keys(PARAMETERS_JSON) as BlockId[])
      expect(() => getBlock(id).parseParams({ ...PARAMETERS_JSON[id], 'fft-lenght': 16 }), id).toThrow(
        /unknown parameter "fft-lenght"/,
      );
  });
});
