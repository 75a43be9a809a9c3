import { describe, expect, it } from 'vitest';
import { defaultLearnBlock, type NeuralBlock } from './learnBlock';
import { trainImpulse } from './trainImpulse';
import { trainingSetFromSamples } from './trainingSet';

const sample = (ms: number) => ({
  id: `s${ms}`,
  label: 'wave',
  sensors: [{ name: 'accX', units: 'm/s2' }],
  intervalMs: 10,
  values: new Float32Array(ms / 10),
});

const impulse = (zeroPad: boolean) => ({
  input: { windowSizeMs: 5000, windowStrideMs: 500, frequencyHz: 100, zeroPad, axes: ['accX'] },
  dsp: { block: 'raw' as const, params: {} },
});

describe('trainingSetFromSamples', () => {
  it('blames the window, not missing samples, when every sample is shorter and zero-padding is off', () => {
    expect(() => trainingSetFromSamples(impulse(false), [sample(2000), sample(1000)])).toThrow(
      'No sample is at least 5000 ms long (the longest is 2000 ms); shorten the window or turn on zero-padding.',
    );
  });

  it('pads each short sample into one window when zero-padding is on', () => {
    expect(trainingSetFromSamples(impulse(true), [sample(2000), sample(1000)]).set.rows).toHaveLength(2);
  });
});

describe('trainImpulse', () => {
  it('refuses settings outside their limits before training anything (the CLI and the worker alike)', async () => {
    const { set } = trainingSetFromSamples(impulse(true), [sample(2000), sample(1000)]);
    const learn = defaultLearnBlock('classifier', set.featureShape) as NeuralBlock;
    const options = { impulseId: 'i', projectId: 'p', backend: 'cpu', description: '' };
    const tooMany = { ...learn, training: { ...learn.training, epochs: 5000 } };
    await expect(trainImpulse(set, { ...options, learn: tooMany })).rejects.toMatchObject({
      code: 'learn-settings',
      message: 'Epochs must be a whole number from 1 to 1000.',
    });
  });
});
