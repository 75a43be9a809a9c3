import { describe, expect, it } from 'vitest';
import { DSP_BLOCKS } from '../dsp/blocks';
import { generateDspC } from '../codegen/dsp/generateDspC';
import { dspBuild } from './dspBuild';

const motion = {
  windowSizeMs: 2000,
  windowStrideMs: 80,
  frequencyHz: 62.5,
  zeroPad: true,
  axes: ['x', 'y', 'z'],
};
const audio = { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 16000, zeroPad: true, axes: ['audio'] };

describe('DSP build', () => {
  it('takes RAM and tables from the generated DSP C, exactly, and estimates its code', () => {
    const impulse = { input: audio, dsp: { block: 'mfcc' as const, params: {} } };
    const build = dspBuild(impulse);
    if (!('ram' in build)) throw new Error(build.problem);
    const code = generateDspC(impulse);
    expect(build.ram.map((p) => [p.name, p.bytes, p.accuracy])).toEqual([
      ['input window buffer', 16000 * 4, 'exact'],
      ['DSP working buffers', code.ram.bytes, 'exact'],
      ['feature vector', code.featureCount * 4, 'exact'],
    ]);
    expect(build.flash[0]).toMatchObject({ name: 'DSP tables', bytes: code.tables.bytes, accuracy: 'exact' });
    expect(build.flash[1]).toMatchObject({ name: 'DSP code (mfcc + logf, sqrtf)', accuracy: 'estimated' });
  });

  it('has measured code for every block', () => {
    for (const block of Object.keys(DSP_BLOCKS) as (keyof typeof DSP_BLOCKS)[]) {
      const input = block === 'mfe' || block === 'mfcc' || block === 'spectrogram' ? audio : motion;
      const build = dspBuild({ input, dsp: { block, params: {} } });
      expect('flash' in build && build.flash[1].bytes > 0, block).toBe(true);
    }
  });

  it('says why a block cannot be built', () => {
    const build = dspBuild({ input: motion, dsp: { block: 'spectral', params: { 'fft-length': 100 } } });
    expect('problem' in build ? build.problem : 'built').toContain('fft-length');
  });
});
