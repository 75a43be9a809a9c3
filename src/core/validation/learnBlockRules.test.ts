import { describe, expect, it } from 'vitest';
import { defaultLearnBlock, type NeuralBlock } from '../learn/learnBlock';
import { layerProblems, learnBlockProblems, parseFeatureIndices } from './learnBlockRules';
import { trainingSettingsProblems } from './trainingSettingsRules';

const classifier = defaultLearnBlock('classifier', [33]) as NeuralBlock;

describe('training settings rules', () => {
  it('accepts the defaults, for motion and audio features', () => {
    expect(learnBlockProblems(classifier, [33])).toEqual({});
    expect(learnBlockProblems(defaultLearnBlock('classifier', [49, 13]), [49, 13])).toEqual({});
    expect(learnBlockProblems(defaultLearnBlock('anomaly', [33]), [33])).toEqual({});
  });

  it('names the field and its limits: 5000 epochs is not silently kept at the last value', () => {
    const settings = { ...classifier.training, epochs: 5000, batchSize: NaN, validationSplit: 0.8 };
    expect(trainingSettingsProblems(settings, false)).toEqual({
      epochs: 'Epochs must be a whole number from 1 to 1000.',
      batchSize: 'Batch size must be a whole number from 1 to 1024.',
      validationSplit: 'Validation split must be a number from 0 to 0.5.',
    });
  });

  it('checks augmentation only when it is on, and only the fields that apply to the features', () => {
    const augmentation = { ...classifier.training.augmentation, scale: 3, timeMasks: 1.5 };
    const off = { ...classifier.training, augmentation };
    expect(trainingSettingsProblems(off, false)).toEqual({});
    const on = { ...off, augmentation: { ...augmentation, enabled: true } };
    expect(trainingSettingsProblems(on, false)).toEqual({
      'augmentation.scale': 'Scale must be a number from 0 to 0.5.',
    });
    expect(trainingSettingsProblems(on, true)).toEqual({
      'augmentation.timeMasks': 'Time masks must be a whole number from 0 to 10.',
    });
  });
});

describe('layer rules', () => {
  it('keys each problem by layer and field and names the layer', () => {
    expect(
      layerProblems([
        { type: 'dense', units: 20 },
        { type: 'dense', units: 0 },
        { type: 'conv1d', filters: 8, kernelSize: 99 },
        { type: 'dropout', rate: 1 },
      ]),
    ).toEqual({
      'layers.1.units': 'Layer 2: Neurons must be a whole number from 1 to 4096.',
      'layers.2.kernelSize': 'Layer 3: Kernel must be a whole number from 1 to 15.',
      'layers.3.rate': 'Layer 4: Rate must be a number from 0 to 0.95.',
    });
  });

  it('checks a neural block’s layers and training together', () => {
    const block = {
      ...classifier,
      layers: [{ type: 'maxPool' as const, size: 1 }],
      training: { ...classifier.training, seed: -1 },
    };
    expect(Object.keys(learnBlockProblems(block, [33]))).toEqual(['layers.0.size', 'seed']);
  });
});

describe('k-means rules', () => {
  it('parses indices and ranges, keeping a wrong token as NaN so it is reported', () => {
    expect(parseFeatureIndices('0, 3-5 3')).toEqual([0, 3, 4, 5]);
    expect(parseFeatureIndices('')).toEqual([]);
    expect(parseFeatureIndices('1, x')).toEqual([1, NaN]);
    expect(parseFeatureIndices('5-2')).toEqual([NaN]);
    expect(parseFeatureIndices('0-99999999')).toEqual([NaN]);
  });

  it('reports indices beyond the features, and skips that check when the feature count is unknown', () => {
    const block = { kind: 'anomaly' as const, clusters: 0, featureIndices: [0, 33], seed: 1 };
    expect(learnBlockProblems(block, [33])).toEqual({
      clusters: 'Clusters must be a whole number from 1 to 64.',
      featureIndices:
        'Features used must be indices from 0 to 32 or ranges like 0-5, separated by commas (empty: all).',
    });
    expect(Object.keys(learnBlockProblems(block, null))).toEqual(['clusters']);
    expect(learnBlockProblems({ ...block, clusters: 4, featureIndices: [0, 32] }, [33])).toEqual({});
  });
});
