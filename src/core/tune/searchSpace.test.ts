import { describe, expect, it } from 'vitest';
import { planArchitecture } from '../learn/architecture';
import { GESTURE_IMPULSE } from '../learn/gestureBenchSet';
import { seededRandom } from '../random';
import { dspText, networkText, spaceText } from './describeCandidate';
import { candidateImpulse, layersOf, sampleSpec, searchSpaceFor } from './searchSpace';

const keywords = {
  input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 16000, zeroPad: true, axes: ['audio'] },
  dsp: { block: 'mfcc' as const, params: { num_cepstral: 13 } },
};

describe('searchSpaceFor', () => {
  it('searches the gesture impulse’s window, FFT length and low-pass filter, with dense networks', () => {
    const space = searchSpaceFor(GESTURE_IMPULSE);
    expect(space.windowSizesMs).toEqual([1000, 1500, 2000, 3000]);
    expect(space.dsp.map((d) => d.title)).toEqual(['FFT length', 'filter']);
    expect(space.families.map((f) => f.family)).toEqual(['dense']);
    expect(spaceText(space)[1]).toBe('FFT length: FFT 16 / FFT 32 / FFT 64 / FFT 128');
  });

  it('searches MFCC cepstra, filters and frames, with conv1d, conv2d and dense networks, keeping keywords whole', () => {
    const space = searchSpaceFor(keywords);
    expect(space.windowSizesMs).toEqual([750, 1000]);
    expect(space.dsp.map((d) => d.title)).toEqual([
      'cepstral coefficients',
      'filters',
      'frame length',
      'frame stride',
    ]);
    expect(space.families.map((f) => f.family)).toEqual(['conv1d', 'conv2d', 'dense']);
  });

  it('draws points whose layers plan and whose FFT holds a frame', () => {
    const space = searchSpaceFor(keywords);
    const rand = seededRandom(5);
    for (let i = 0; i < 40; i++) {
      const spec = sampleSpec(space, keywords, rand);
      const frame = Math.ceil(Number(spec.dspParams.frame_length) * 16000);
      expect(Number(spec.dspParams.fft_length)).toBeGreaterThanOrEqual(frame);
      expect(spec.dspParams.num_cepstral === 10 || spec.dspParams.num_cepstral === 13).toBe(true);
      expect(() =>
        planArchitecture([50, 13], layersOf(spec.network), { kind: 'classifier', classes: 4 }),
      ).not.toThrow();
      expect([0.25, 0.5].map((f) => Math.round(spec.windowSizeMs * f))).toContain(spec.windowStrideMs);
    }
  });

  it('makes a candidate impulse of the base: its window, DSP and a classifier trained without early stopping', () => {
    const base = { id: 'b', projectId: 'p', name: 'Base', ...GESTURE_IMPULSE, createdAt: 1, updatedAt: 2 };
    const spec = {
      windowSizeMs: 1500,
      windowStrideMs: 375,
      dspParams: { ...GESTURE_IMPULSE.dsp.params, 'fft-length': 32 },
      network: { family: 'dense' as const, widths: [32, 16], kernel: 0 },
    };
    const impulse = candidateImpulse(base, spec, 12, { id: 'x', name: 'Tuned' });
    expect(impulse).toMatchObject({
      id: 'x',
      name: 'Tuned',
      projectId: 'p',
      input: { windowSizeMs: 1500, windowStrideMs: 375, frequencyHz: 62.5, axes: ['accX', 'accY', 'accZ'] },
      dsp: { block: 'spectral', params: { 'fft-length': 32, 'filter-type': 'low' } },
    });
    expect(impulse.learn).toMatchObject({
      kind: 'classifier',
      layers: [
        { type: 'dense', units: 32 },
        { type: 'dense', units: 16 },
      ],
      training: { epochs: 12, earlyStoppingPatience: 0, augmentation: { enabled: false } },
    });
    expect(dspText(searchSpaceFor(base), spec.dspParams)).toBe('FFT 32, low-pass 3 Hz');
    expect(networkText({ family: 'conv1d', widths: [8, 16], kernel: 3 })).toBe('conv1d 8→16, kernel 3');
  });
});
