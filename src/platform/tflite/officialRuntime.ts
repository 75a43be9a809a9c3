import type { Tensor } from '../../core/ir/graph';

/** Where the build serves the official TFLite runtime's wasm and loader scripts (never a CDN). */
export const TFLITE_WASM_DIR = 'wasm/tflite/';

export interface OfficialModel {
  /** Runs one input (flattened, raw int8 values or floats as the input tensor's type) and returns the raw output. */
  run(input: ArrayLike<number>): Float32Array | Int32Array;
}

/**
 * The official TensorFlow Lite runtime compiled to WebAssembly (@tensorflow/tfjs-tflite), loaded on demand on
 * the page's main thread (it does not run in module workers). Used as an independent oracle for the studio's
 * own `.tflite` writer and interpreter.
 */
export async function loadOfficialModel(
  bytes: Uint8Array,
  input: Tensor,
  baseUrl: string,
): Promise<OfficialModel> {
  const [tf, tflite] = await Promise.all([
    import('@tensorflow/tfjs-core'),
    import('@tensorflow/tfjs-tflite'),
    import('@tensorflow/tfjs-backend-cpu'),
  ]);
  await tf.setBackend('cpu');
  tflite.setWasmPath(new URL(TFLITE_WASM_DIR, baseUrl).href);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const model = await tflite.loadTFLiteModel(buffer, { numThreads: 1 });
  const shape = input.shape;
  const integer = input.dtype !== 'float32';
  return {
    run(values) {
      const x = integer
        ? tf.tensor(Int32Array.from(values), shape, 'int32')
        : tf.tensor(Float32Array.from(values), shape, 'float32');
      const y = model.predict(x) as import('@tensorflow/tfjs-core').Tensor;
      const out = y.dataSync();
      x.dispose();
      y.dispose();
      return out instanceof Int32Array ? Int32Array.from(out) : Float32Array.from(out);
    },
  };
}
