import type { TFLiteWebModelRunner } from '@tensorflow/tfjs-tflite';
import type { Tensor } from '../../core/ir/graph';

/** Where the build serves the official TFLite runtime's wasm and loader scripts (never a CDN). */
export const TFLITE_WASM_DIR = 'wasm/tflite/';

export interface OfficialModel {
  /** Runs one input (flattened, raw int8 values or floats as the input tensor's type) and returns the raw output. */
  run(input: ArrayLike<number>): Float32Array | Int32Array;
  /** Frees the runtime's copy of the model. */
  dispose(): void;
}

/**
 * The official TensorFlow Lite runtime compiled to WebAssembly (@tensorflow/tfjs-tflite), loaded on demand in a
 * window (it does not run in module workers). Used as an independent oracle for the studio's own `.tflite`
 * writer and interpreter. Its Emscripten bindings compile with `new Function`, so the app runs it in
 * runtime-check.html, whose policy allows that (runtimeFrame.ts, reached through officialRuntimeClient.ts).
 */
export async function loadOfficialModel(
  bytes: Uint8Array,
  input: Tensor,
  baseUrl: string,
): Promise<OfficialModel> {
  const tflite = await import('@tensorflow/tfjs-tflite');
  tflite.setWasmPath(new URL(TFLITE_WASM_DIR, baseUrl).href);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const model = await tflite.loadTFLiteModel(buffer, { numThreads: 1 });
  const runner = modelRunnerOf(model, input);
  return {
    run(values) {
      // The runner's own tensors: an int8 input takes int8 values as they are, so nothing is converted (the
      // model's tfjs predict() path casts from int32 and warns on every call).
      const [tensorIn] = runner.getInputs();
      tensorIn.data().set(values);
      if (!runner.infer()) throw new Error('The official TFLite runtime failed to run the model.');
      const out = runner.getOutputs()[0].data();
      return out instanceof Float32Array || out instanceof Float64Array
        ? Float32Array.from(out)
        : Int32Array.from(out);
    },
    dispose: () => runner.cleanUp(),
  };
}

/** The runner behind tfjs-tflite's TFLiteModel (its `modelRunner`, a TFLiteWebModelRunner), checked for shape. */
function modelRunnerOf(model: unknown, input: Tensor): TFLiteWebModelRunner {
  const runner = (model as { modelRunner?: TFLiteWebModelRunner }).modelRunner;
  if (typeof runner?.getInputs !== 'function' || typeof runner.infer !== 'function') {
    throw new Error('This version of tfjs-tflite does not expose its model runner; the check cannot run.');
  }
  const [tensorIn] = runner.getInputs();
  const elements = input.shape.reduce((a, b) => a * b, 1);
  if (tensorIn.data().length !== elements) {
    throw new Error(`The official runtime expects ${tensorIn.data().length} input values, not ${elements}.`);
  }
  return runner;
}
