/**
 * The contract of a processing block (DESIGN.md §5). Every block — raw, flatten, spectral, mfe, mfcc,
 * spectrogram — is a pure object implementing it, registered in `blocks.ts`, and used alike by the studio's
 * DSP worker, the CLI (`studio features`) and, later, code generation.
 */

import type { ParamNote } from './params';

export type BlockId = 'raw' | 'flatten' | 'spectral' | 'mfe' | 'mfcc' | 'spectrogram';

/** Block parameters exactly as Edge Impulse's parameters.json names them (e.g. `fft-length`, `num_filters`). */
export type BlockParams = Record<string, number | string | boolean>;

/** What a block knows about its input window. */
export interface WindowShape {
  /** Axes per frame (1 for audio). */
  axes: number;
  /** Frames in one window, after resampling. */
  frames: number;
  /** Sampling frequency of the window, Hz. */
  frequencyHz: number;
}

export interface DspBlock<P extends BlockParams = BlockParams> {
  readonly id: BlockId;
  readonly title: string;
  /** The default of every parameter (also the list of known keys). */
  readonly defaults: P;
  /**
   * Validates user parameters: a missing key takes its default, an unknown key or a bad value throws a
   * StudioError ('dsp-params') whose message names the key and what is allowed.
   */
  parseParams(json: unknown): P;
  /**
   * Optional: notes on the keys of `json` that parseParams accepts but the block will not use as given —
   * other spellings, ignored keys (display only, older implementation versions) and parameters the chosen
   * settings leave unused — each with why (params.ts ParamNote). A block without it has none.
   */
  paramNotes?(json: unknown): ParamNote[];
  /**
   * Checks the parameters against a window (too few frames, FFT length not a power of two, cutoff above
   * Nyquist, more than 500 frames…) and gives the feature layout: `shape` is [features] for flat blocks and
   * [frames, coefficients] for MFE/MFCC/spectrogram (so a conv net knows its input). Throws StudioError
   * ('dsp-config') with a message that says what to change.
   */
  describe(params: P, window: WindowShape): { featureCount: number; shape: number[] };
  /**
   * Features of one window: `window` holds `shape.frames × shape.axes` values interleaved by axis (audio: raw
   * int16 values as floats). Returns exactly `describe(...).featureCount` values.
   */
  run(params: P, window: Float32Array, shape: WindowShape): Float32Array;
  /**
   * Optional: the features of many windows of one signal, equal bit for bit to `run` on each window copied
   * out, but sharing the work of frames that overlapping windows have in common. `signal` holds the whole
   * resampled signal (frames × axes interleaved); window i is frames starts[i] … starts[i] + shape.frames − 1,
   * all inside `signal`. Yields one row per window, in order; a row may be overwritten by the next one.
   */
  runWindows?(
    params: P,
    signal: Float32Array,
    starts: readonly number[],
    shape: WindowShape,
  ): Iterable<Float32Array>;
}
