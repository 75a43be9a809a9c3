import type { BlockId, BlockParams } from '../dsp/block';
import { fnv1a32, hashHex } from '../dataset/hash';
import type { LearnBlock } from '../learn/learnBlock';

/** The input block: how samples are cut into windows (DESIGN.md §1 step 4). */
export interface ImpulseInput {
  windowSizeMs: number;
  windowStrideMs: number;
  /** Windows are resampled to this frequency. */
  frequencyHz: number;
  /** A sample shorter than one window is zero-padded into one window instead of skipped. */
  zeroPad: boolean;
  /** The sample axes used, by name, in order. */
  axes: string[];
}

export interface ImpulseDsp {
  block: BlockId;
  /** Parameters named as in Edge Impulse's parameters.json for the block. */
  params: BlockParams;
}

/** One impulse of a project: window → one processing block → one learning block. */
export interface Impulse {
  id: string;
  projectId: string;
  name: string;
  input: ImpulseInput;
  dsp: ImpulseDsp;
  /** Absent until the user picks one: the studio then offers the default for the features. */
  learn?: LearnBlock;
  createdAt: number;
  updatedAt: number;
}

/**
 * What the features of a window depend on, as canonical text: cached features are reused only when this is
 * identical (the hash is the cache key, the text is compared on read so a hash collision cannot mix them up).
 */
export function featureConfig(impulse: Pick<Impulse, 'input' | 'dsp'>): string {
  const params = Object.keys(impulse.dsp.params)
    .sort()
    .map((k) => [k, impulse.dsp.params[k]]);
  const { windowSizeMs, windowStrideMs, frequencyHz, zeroPad, axes } = impulse.input;
  return JSON.stringify({
    v: 1,
    input: [windowSizeMs, windowStrideMs, frequencyHz, zeroPad, axes],
    block: impulse.dsp.block,
    params,
  });
}

export function featureConfigHash(impulse: Pick<Impulse, 'input' | 'dsp'>): string {
  return hashHex(fnv1a32(featureConfig(impulse)));
}

/** Cached features of one sample under one configuration. */
export interface CachedFeatures {
  /** `${sampleId}|${configHash}` */
  key: string;
  sampleId: string;
  configHash: string;
  config: string;
  /** The sample's updatedAt when computed: an edited sample (crop…) is recomputed. */
  sampleUpdatedAt: number;
  windowCount: number;
  featureCount: number;
  /** windowCount × featureCount, row-major. */
  features: Float32Array;
  /** Start of each window in the sample, ms. */
  startMs: Float32Array;
  /** Why the sample gave no window, kept so a run served from the cache can still say it. */
  skippedReason?: string;
}

export function featureKey(sampleId: string, configHash: string): string {
  return `${sampleId}|${configHash}`;
}
