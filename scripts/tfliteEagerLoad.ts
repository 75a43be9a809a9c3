import type { Plugin } from 'vite';

/**
 * @tensorflow/tfjs-tflite's bundle, when imported, starts loading its wasm loader script from an empty path,
 * that is from beside the page (`/tflite_web_api_cc_simd.js`), before any `setWasmPath` can run. That load
 * always fails (the studio serves the runtime under `wasm/tflite/`), logs a 404, and its loader instance is
 * never used again: the models are loaded through a second instance keyed by the path set with
 * `setWasmPath`. This removes that one eager statement from the bundle.
 */
const EAGER_CALL = 'EmscriptenModuleLoader.getInstance("","tflite_web_api",';
const EAGER_END = "').load(!0);";
const BUNDLE = /@tensorflow[\\/]tfjs-tflite[\\/]dist[\\/]tf-tflite\.fesm\.js$/;

/** The bundle's source without its eager, path-less loader load; throws if the bundle no longer has it. */
export function withoutEagerLoad(source: string): string {
  const call = source.indexOf(EAGER_CALL);
  if (call < 0 || source.indexOf(EAGER_CALL, call + 1) >= 0) {
    throw new Error(
      'tfjs-tflite: the eager loader statement was not found exactly once; check scripts/tfliteEagerLoad.ts against this version',
    );
  }
  // The statement starts after the previous one's semicolon and ends after `.load(!0);`.
  const start = source.lastIndexOf(';', call) + 1;
  const end = source.indexOf(EAGER_END, call);
  if (start <= 0 || end < 0)
    throw new Error('tfjs-tflite: the eager loader statement has an unexpected shape');
  return source.slice(0, start) + source.slice(end + EAGER_END.length);
}

export function tfliteEagerLoad(): Plugin {
  return {
    name: 'tinyml-tflite-eager-load',
    enforce: 'pre',
    transform(code, id) {
      if (!BUNDLE.test(id.split('?')[0])) return null;
      return { code: withoutEagerLoad(code), map: null };
    },
  };
}
