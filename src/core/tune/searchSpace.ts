/**
 * The tuner's search space, derived from the project's impulse: its window size and stride, the main parameters of
 * its processing block (spectral: FFT length and low-pass filter; MFE / MFCC / spectrogram: filters, frame length
 * and stride, cepstra), and networks that suit the block's features (dense stacks for flat features; conv1d,
 * conv2d or dense for time × frequency ones). A seeded sampler draws points from it.
 */
import type { BlockId, BlockParams } from '../dsp/block';
import { getBlock } from '../dsp/blocks';
import type { Impulse } from '../impulse/impulse';
import {
  DEFAULT_AUGMENTATION,
  defaultTrainingSettings,
  type LayerSpec,
  type NeuralBlock,
} from '../learn/learnBlock';
import type { CandidateSpec, NetworkGenes } from './tuneTypes';

/** One searched DSP setting: alternatives, each a set of parameters changed together. */
export interface DspDimension {
  title: string;
  options: BlockParams[];
}

/** The sizes one network family is searched over. */
export interface FamilySpace {
  family: NetworkGenes['family'];
  depths: number[];
  /** Neurons or filters of the first hidden layer. */
  firstWidths: number[];
  /** Each next layer's width is the previous one's times this (rounded, at least MIN_WIDTH). */
  factors: number[];
  kernels: number[];
}

export interface SearchSpace {
  block: BlockId;
  windowSizesMs: number[];
  /** Strides as fractions of the window size. */
  strideFractions: number[];
  dsp: DspDimension[];
  families: FamilySpace[];
}

const MIN_WIDTH = 4;
const TIME_FREQUENCY: readonly BlockId[] = ['mfe', 'mfcc', 'spectrogram'];
/** Motion windows are searched from half to one and a half times the impulse's; a keyword must stay whole. */
const MOTION_WINDOW_FACTORS = [0.5, 0.75, 1, 1.5];
const AUDIO_WINDOW_FACTORS = [0.75, 1];
const STRIDE_FRACTIONS = [0.25, 0.5];
const FRAME_LENGTHS_S = [0.02, 0.025, 0.032];
const FRAME_STRIDES_S = [0.01, 0.02];
const FILTER_COUNTS = [20, 32, 40];
const LOW_PASS_HZ = [3, 5, 8];

const each = <T>(values: readonly T[], option: (v: T) => BlockParams): BlockParams[] => values.map(option);

function dspDimensions(impulse: Pick<Impulse, 'input' | 'dsp'>): DspDimension[] {
  const nyquist = impulse.input.frequencyHz / 2;
  const frames: DspDimension[] = [
    { title: 'frame length', options: each(FRAME_LENGTHS_S, (s) => ({ frame_length: s })) },
    { title: 'frame stride', options: each(FRAME_STRIDES_S, (s) => ({ frame_stride: s })) },
  ];
  switch (impulse.dsp.block) {
    case 'spectral':
      if (impulse.dsp.params['analysis-type'] === 'Wavelet')
        return [{ title: 'wavelet level', options: each([1, 2, 3], (l) => ({ 'wavelet-level': l })) }];
      return [
        { title: 'FFT length', options: each([16, 32, 64, 128], (n) => ({ 'fft-length': n })) },
        {
          title: 'filter',
          options: [
            { 'filter-type': 'none' },
            ...each(
              LOW_PASS_HZ.filter((hz) => hz < nyquist),
              (hz) => ({ 'filter-type': 'low', 'filter-cutoff': hz }),
            ),
          ],
        },
      ];
    case 'mfe':
      return [{ title: 'filters', options: each(FILTER_COUNTS, (n) => ({ num_filters: n })) }, ...frames];
    case 'mfcc':
      return [
        { title: 'cepstral coefficients', options: each([10, 13], (n) => ({ num_cepstral: n })) },
        { title: 'filters', options: each(FILTER_COUNTS, (n) => ({ num_filters: n })) },
        ...frames,
      ];
    case 'spectrogram':
      return frames;
    case 'raw':
    case 'flatten':
      return [];
  }
}

function families(block: BlockId): FamilySpace[] {
  const dense: FamilySpace = {
    family: 'dense',
    depths: [1, 2, 3],
    firstWidths: [8, 16, 32, 64],
    factors: [1, 0.5],
    kernels: [0],
  };
  if (!TIME_FREQUENCY.includes(block)) return [dense];
  return [
    { family: 'conv1d', depths: [1, 2, 3], firstWidths: [4, 8, 16, 32], factors: [1, 2], kernels: [3, 5] },
    { family: 'conv2d', depths: [1, 2], firstWidths: [4, 8, 16], factors: [1, 2], kernels: [3] },
    { ...dense, depths: [1, 2] },
  ];
}

export function searchSpaceFor(impulse: Pick<Impulse, 'input' | 'dsp'>): SearchSpace {
  const audio = impulse.input.axes.length === 1 && TIME_FREQUENCY.includes(impulse.dsp.block);
  const factors = audio ? AUDIO_WINDOW_FACTORS : MOTION_WINDOW_FACTORS;
  return {
    block: impulse.dsp.block,
    windowSizesMs: factors.map((f) => Math.round(impulse.input.windowSizeMs * f)),
    strideFractions: STRIDE_FRACTIONS,
    dsp: dspDimensions(impulse),
    families: families(impulse.dsp.block),
  };
}

const pick = <T>(values: readonly T[], rand: () => number): T => values[Math.floor(rand() * values.length)];

/** The smallest power of two of at least `n`. */
const powerOfTwoAtLeast = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(2, n)));

/** A frame's FFT must hold the frame: lengthened to the next power of two when the frame outgrows it. */
function withFittingFft(block: BlockId, params: BlockParams, frequencyHz: number): BlockParams {
  if (typeof params.frame_length !== 'number' || !('fft_length' in getBlock(block).defaults)) return params;
  const parsed = getBlock(block).parseParams(params) as { fft_length: number; frame_length: number };
  const needed = powerOfTwoAtLeast(Math.ceil(parsed.frame_length * frequencyHz));
  return { ...params, fft_length: Math.max(parsed.fft_length, needed) };
}

function sampleNetwork(space: SearchSpace, rand: () => number): NetworkGenes {
  const f = pick(space.families, rand);
  const depth = pick(f.depths, rand);
  const factor = pick(f.factors, rand);
  const widths = [pick(f.firstWidths, rand)];
  while (widths.length < depth)
    widths.push(Math.max(MIN_WIDTH, Math.round(widths[widths.length - 1] * factor)));
  return { family: f.family, widths, kernel: pick(f.kernels, rand) };
}

/** One point of the space, drawn uniformly in every dimension. */
export function sampleSpec(
  space: SearchSpace,
  base: Pick<Impulse, 'input' | 'dsp'>,
  rand: () => number,
): CandidateSpec {
  const windowSizeMs = pick(space.windowSizesMs, rand);
  const windowStrideMs = Math.round(windowSizeMs * pick(space.strideFractions, rand));
  let dspParams: BlockParams = { ...base.dsp.params };
  for (const d of space.dsp) dspParams = { ...dspParams, ...pick(d.options, rand) };
  dspParams = withFittingFft(space.block, dspParams, base.input.frequencyHz);
  return { windowSizeMs, windowStrideMs, dspParams, network: sampleNetwork(space, rand) };
}

/** Identifies a point, to draw each one once. */
export function specKey(spec: CandidateSpec): string {
  const params = Object.keys(spec.dspParams)
    .sort()
    .map((k) => [k, spec.dspParams[k]]);
  return JSON.stringify([spec.windowSizeMs, spec.windowStrideMs, params, spec.network]);
}

/** The hidden layers of a network: dense layers, or convolutions each followed by pooling and dropout. */
export function layersOf(network: NetworkGenes): LayerSpec[] {
  if (network.family === 'dense') return network.widths.map((units) => ({ type: 'dense', units }));
  const { family, kernel } = network;
  return network.widths.flatMap((filters): LayerSpec[] => [
    { type: family, filters, kernelSize: kernel },
    { type: 'maxPool', size: 2 },
    { type: 'dropout', rate: 0.25 },
  ]);
}

/**
 * The learning block a candidate is trained with: the base impulse's training settings (or the defaults), for the
 * rung's epochs, without early stopping or augmentation so that every candidate is trained alike.
 */
export function candidateLearnBlock(
  base: Pick<Impulse, 'input' | 'dsp' | 'learn'>,
  network: NetworkGenes,
  epochs: number,
): NeuralBlock {
  const training =
    base.learn && base.learn.kind !== 'anomaly'
      ? base.learn.training
      : defaultTrainingSettings(TIME_FREQUENCY.includes(base.dsp.block));
  return {
    kind: 'classifier',
    layers: layersOf(network),
    training: {
      ...training,
      epochs,
      earlyStoppingPatience: 0,
      augmentation: { ...DEFAULT_AUGMENTATION, enabled: false },
    },
  };
}

/** The impulse a candidate makes of the base impulse: its window, DSP parameters and network. */
export function candidateImpulse(
  base: Impulse,
  spec: CandidateSpec,
  epochs: number,
  identity: { id: string; name: string },
): Impulse {
  return {
    ...base,
    ...identity,
    input: { ...base.input, windowSizeMs: spec.windowSizeMs, windowStrideMs: spec.windowStrideMs },
    dsp: { block: base.dsp.block, params: spec.dspParams },
    learn: candidateLearnBlock(base, spec.network, epochs),
  };
}
