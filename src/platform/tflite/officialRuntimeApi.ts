import type { Tensor } from '../../core/ir/graph';

/**
 * The official TFLite runtime as the app reaches it: in runtime-check.html, a same-origin page in a hidden
 * iframe under its own Content-Security-Policy (the runtime needs 'unsafe-eval', the app's policy forbids it),
 * over comlink on a MessagePort. Imported by both sides.
 */
export interface OfficialRuntimeApi {
  /**
   * Loads `bytes` (a `.tflite` whose input tensor is `input`) into the official runtime, runs every raw input
   * through it and returns the raw outputs in the same order.
   */
  runAll(
    bytes: Uint8Array,
    input: Tensor,
    inputs: readonly (Int8Array | Float32Array)[],
  ): Promise<(Float32Array | Int32Array)[]>;
}

/** The frame's page, relative to the app's base URL. */
export const RUNTIME_FRAME_PAGE = 'runtime-check.html';

/** The page posts this to the frame with the MessagePort it is to serve the API on. */
export const CONNECT_MESSAGE = 'tinyml-studio:official-runtime:connect';

/** The frame's first message on that port, once the API is exposed. */
export const READY_MESSAGE = 'tinyml-studio:official-runtime:ready';
