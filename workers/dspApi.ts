/** The DSP worker's API, imported by both sides (the worker implements it, the page calls it via comlink). */
import type { SampleMeta } from '../src/core/dataset/sample';
import type { Impulse } from '../src/core/impulse/impulse';

export type FeatureJobSample = Pick<SampleMeta, 'id' | 'name' | 'label' | 'category' | 'updatedAt'>;

export interface FeatureJob {
  impulse: Impulse;
  /** The samples to generate features for (the enabled ones), in the order rows should follow. */
  samples: FeatureJobSample[];
}

export interface FeatureProgress {
  done: number;
  total: number;
  /** Samples computed in this run, and those taken from the cache. */
  computed: number;
  cached: number;
}

/** The result of a run: the matrix itself stays in the worker (for the explorer and, later, training). */
export interface FeatureSetSummary {
  configHash: string;
  featureCount: number;
  /** [features] or [frames, coefficients]. */
  shape: number[];
  windowCount: number;
  /** Per row: index into the job's samples, and the window's start in that sample. */
  rowSample: Int32Array;
  rowStartMs: Float32Array;
  computed: number;
  cached: number;
  skipped: Array<{ sampleId: string; name: string; reason: string }>;
  durationMs: number;
  /** Samples whose features were computed but not cached because the storage was full (absent: none). */
  notCached?: number;
}

export interface WindowView {
  windowCount: number;
  /** The window shown: the one asked for, or the sample's last if it has fewer windows. */
  windowIndex: number;
  startMs: number;
  /** The window's input values (frames × axes, interleaved) and the block's features of it. */
  window: Float32Array;
  windowAxes: string[];
  frequencyHz: number;
  features: Float32Array;
  featureShape: number[];
}

export type ProjectionMethod = 'pca' | 'umap';

export interface Projection {
  points: Float32Array;
  method: ProjectionMethod;
  note: string;
  axisTitles: [string, string];
}

/** What the feature cache holds of a job, computed from nothing (see `cachedFeatureSet`). */
export interface FeatureCacheReport {
  cached: number;
  total: number;
  /** The feature set as a generate would return it, when every sample is cached; the explorer can then use it. */
  summary: FeatureSetSummary | null;
}

export interface DspWorkerApi {
  /** Generates (or takes from the cache) the features of every sample; rejects with code 'cancelled' on cancel. */
  generate(job: FeatureJob, onProgress: (p: FeatureProgress) => void): Promise<FeatureSetSummary>;
  /** The job's feature set from the IndexedDB cache only, or how many of its samples are cached. */
  cachedFeatures(job: FeatureJob): Promise<FeatureCacheReport>;
  /** Stops the running generate or project call at the next sample or step. */
  cancel(): void;
  /** 2-D projection of the last generated feature set. */
  project(
    method: ProjectionMethod,
    seed: number,
    onProgress: (fraction: number) => void,
  ): Promise<Projection>;
  /** One window of one sample through the impulse, for the per-block views. */
  windowView(impulse: Impulse, sampleId: string, windowIndex: number): Promise<WindowView>;
}
