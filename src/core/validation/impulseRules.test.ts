import { describe, expect, it } from 'vitest';
import type { Impulse } from '../impulse/impulse';
import { defaultLearnBlock, type NeuralBlock } from '../learn/learnBlock';
import { dspParamProblems } from './dspParamRules';
import { featureSettingsProblems, impulseFieldProblems, trainingBlockers } from './impulseRules';
import { impulseInputProblems } from './impulseInputRules';

const impulse: Impulse = {
  id: 'i',
  projectId: 'p',
  name: 'Motion',
  input: { windowSizeMs: 2000, windowStrideMs: 500, frequencyHz: 62.5, zeroPad: true, axes: ['accX'] },
  dsp: { block: 'spectral', params: {} },
  createdAt: 0,
  updatedAt: 0,
};

describe('impulse input rules', () => {
  it('accepts a usable input block', () => {
    expect(impulseInputProblems(impulse.input)).toEqual({});
  });

  it('rejects a window of 0 ms, an empty stride, no axis and a window shorter than one frame', () => {
    expect(
      impulseInputProblems({ ...impulse.input, windowSizeMs: 0, windowStrideMs: NaN, axes: [] }),
    ).toEqual({
      windowSizeMs: 'Window size must be a number above 0 and at most 600,000 ms.',
      windowStrideMs: 'Window stride must be a number above 0 and at most 600,000 ms.',
      axes: 'The impulse uses no axis: choose at least one.',
    });
    expect(impulseInputProblems({ ...impulse.input, windowSizeMs: 5 }).windowSizeMs).toBe(
      'A 5 ms window at 62.5 Hz is shorter than one frame (16 ms): lengthen the window or raise the frequency.',
    );
  });

  it('rejects a stride shorter than one sample period, on the stride field and before a job', () => {
    const input = { ...impulse.input, windowStrideMs: 5 };
    expect(impulseInputProblems(input)).toEqual({
      windowStrideMs:
        'The window stride 5 ms is shorter than one sample at 62.5 Hz, so windows would repeat: use a stride ' +
        'of at least 16 ms.',
    });
    expect(impulseInputProblems({ ...input, windowStrideMs: 16 })).toEqual({});
    expect(featureSettingsProblems({ ...impulse, input })).toEqual([
      impulseInputProblems(input).windowStrideMs,
    ]);
  });
});

describe('processing block parameter rules', () => {
  it('reports each wrong parameter with the block’s own rule, an empty field as empty', () => {
    const problems = dspParamProblems({
      block: 'spectral',
      params: { 'fft-length': 0, 'filter-order': NaN },
    });
    expect(Object.keys(problems).sort()).toEqual(['fft-length', 'filter-order']);
    expect(problems['filter-order']).toMatch(/"filter-order" must be .*, not empty\.$/);
    expect(dspParamProblems({ block: 'mfe', params: { fft_length: 256 } })).toEqual({});
  });
});

describe('impulse checks before a job', () => {
  it('lists input and processing problems for feature generation', () => {
    const wrong = {
      ...impulse,
      input: { ...impulse.input, frequencyHz: -1 },
      dsp: { block: 'spectral' as const, params: { 'fft-length': 0 } },
    };
    const problems = featureSettingsProblems(wrong);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe('Frequency must be a number above 0 and at most 100,000 Hz.');
  });

  it('adds the learning block’s problems for training, and nothing for a sound impulse', () => {
    const learn = defaultLearnBlock('classifier', [33]) as NeuralBlock;
    expect(trainingBlockers({ ...impulse, learn })).toEqual([]);
    const tooMany = { ...impulse, learn: { ...learn, training: { ...learn.training, epochs: 5000 } } };
    expect(impulseFieldProblems(tooMany)).toEqual(['Epochs must be a whole number from 1 to 1000.']);
    expect(trainingBlockers(tooMany)).toEqual(['Epochs must be a whole number from 1 to 1000.']);
  });

  it('blocks training when the processing block does not fit the window, though no field is wrong', () => {
    // A 40 Hz low-pass at 62.5 Hz: above the Nyquist frequency, though 40 Hz is a valid cut-off on its own.
    const nyquist = {
      ...impulse,
      dsp: { block: 'spectral' as const, params: { 'filter-type': 'low', 'filter-cutoff': 40 } },
    };
    expect(impulseFieldProblems(nyquist)).toEqual([]);
    expect(trainingBlockers(nyquist)).toEqual([expect.stringMatching(/Nyquist/)]);
  });
});
