import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The wasm files the studio serves itself (single-threaded builds only: see DESIGN.md §9). */
const ASSETS: Array<{ url: string; file: () => string }> = [
  ...['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'].map((f) => ({
    url: `wasm/tfjs/${f}`,
    file: () => join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist', f),
  })),
  ...[
    'tflite_web_api_cc.js',
    'tflite_web_api_cc.wasm',
    'tflite_web_api_cc_simd.js',
    'tflite_web_api_cc_simd.wasm',
    'tflite_web_api_client.js',
  ].map((f) => ({
    url: `wasm/tflite/${f}`,
    file: () => join(packageDir('@tensorflow/tfjs-tflite'), 'wasm', f),
  })),
];

const CONTENT_TYPES: Record<string, string> = { wasm: 'application/wasm', js: 'text/javascript' };

/** Copies the runtime's wasm into the build and serves it in dev, so nothing is fetched from a CDN. */
export function wasmAssets(): Plugin {
  return {
    name: 'tinyml-wasm-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0].replace(/^\//, '');
        const asset = ASSETS.find((a) => a.url === path);
        if (!asset) return next();
        res.setHeader(
          'Content-Type',
          CONTENT_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
        );
        res.end(readFileSync(asset.file()));
      });
    },
    generateBundle() {
      for (const asset of ASSETS)
        this.emitFile({ type: 'asset', fileName: asset.url, source: readFileSync(asset.file()) });
    },
  };
}
