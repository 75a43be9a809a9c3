/**
 * The learning block of an impulse (DESIGN.md §1 step 4): a neural classifier, a neural regressor, or k-means
 * anomaly detection. Pure data, stored with the impulse.
 */

export type LayerSpec =
  | { type: 'dense'; units: number }
  | { type: 'conv1d'; filters: number; kernelSize: number }
  | { type: 'conv2d'; filters: number; kernelSize: number }
  /**
   * A depthwise-separable convolution block: a depthwise K(×K) convolution (one filter per input channel, ReLU)
   * then a pointwise 1×1 convolution to `filters` channels (ReLU), as MobileNet and DS-CNN use.
   */
  | { type: 'separableConv'; filters: number; kernelSize: number }
  | { type: 'maxPool'; size: number }
  | { type: 'avgPool'; size: number }
  | { type: 'dropout'; rate: number };

export type LayerType = LayerSpec['type'];

export interface AugmentationSettings {
  enabled: boolean;
  /** Motion: σ of added noise as a fraction of each axis's spread; audio: of the features' spread. */
  noise: number;
  /** Motion only: ± fraction of amplitude scaling per window. */
  scale: number;
  /** Motion only: largest time shift as a fraction of the window. */
  shift: number;
  /** Audio only: SpecAugment masks per window and their largest width, in frames / coefficients. */
  timeMasks: number;
  timeMaskMax: number;
  freqMasks: number;
  freqMaskMax: number;
}

export interface TrainingSettings {
  epochs: number;
  learningRate: number;
  batchSize: number;
  /** Fraction of the training windows held out for validation (stratified by class). */
  validationSplit: number;
  /** Weight each class by n / (k · count) so rare classes count as much as common ones. */
  classWeighting: boolean;
  /** Stop when validation loss has not improved for this many epochs (0: off). */
  earlyStoppingPatience: number;
  seed: number;
  augmentation: AugmentationSettings;
}

export interface NeuralBlock {
  kind: 'classifier' | 'regression';
  /** Hidden layers in order; the output layer (softmax over the labels, or one linear unit) is added. */
  layers: LayerSpec[];
  training: TrainingSettings;
}

export interface AnomalyBlock {
  kind: 'anomaly';
  clusters: number;
  /** Indices of the features the clusters are fitted on (e.g. the RMS of each axis). */
  featureIndices: number[];
  seed: number;
}

export type LearnBlock = NeuralBlock | AnomalyBlock;
export type LearnKind = LearnBlock['kind'];

export const LEARN_KINDS: Array<{ kind: LearnKind; title: string }> = [
  { kind: 'classifier', title: 'Classifier (neural network)' },
  { kind: 'regression', title: 'Regression (neural network)' },
  { kind: 'anomaly', title: 'Anomaly detection (k-means)' },
];

export const DEFAULT_AUGMENTATION: AugmentationSettings = {
  enabled: false,
  noise: 0.05,
  scale: 0.1,
  shift: 0.1,
  timeMasks: 1,
  timeMaskMax: 4,
  freqMasks: 1,
  freqMaskMax: 3,
};

export function defaultTrainingSettings(audio: boolean): TrainingSettings {
  return {
    epochs: audio ? 60 : 30,
    learningRate: 0.005,
    batchSize: 32,
    validationSplit: 0.2,
    classWeighting: false,
    earlyStoppingPatience: 0,
    seed: 1,
    augmentation: { ...DEFAULT_AUGMENTATION },
  };
}

/**
 * Layers that suit a processing block's output: two dense layers (20, 10) for flat features such as the
 * gesture impulse's spectral features (33→20→10→N), a small conv1d stack over time for MFE/MFCC/spectrogram
 * features ([frames, coefficients]), as Edge Impulse's templates for those blocks.
 */
export function defaultLayers(featureShape: readonly number[]): LayerSpec[] {
  if (featureShape.length === 2) {
    return [
      { type: 'conv1d', filters: 8, kernelSize: 3 },
      { type: 'maxPool', size: 2 },
      { type: 'dropout', rate: 0.25 },
      { type: 'conv1d', filters: 16, kernelSize: 3 },
      { type: 'maxPool', size: 2 },
      { type: 'dropout', rate: 0.25 },
    ];
  }
  return [
    { type: 'dense', units: 20 },
    { type: 'dense', units: 10 },
  ];
}

export function defaultLearnBlock(kind: LearnKind, featureShape: readonly number[]): LearnBlock {
  if (kind === 'anomaly') {
    return { kind, clusters: 8, featureIndices: [], seed: 1 };
  }
  const audio = featureShape.length === 2;
  return { kind, layers: defaultLayers(featureShape), training: defaultTrainingSettings(audio) };
}
