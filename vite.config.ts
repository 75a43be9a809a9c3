import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { tfliteEagerLoad } from './scripts/tfliteEagerLoad';
import { wasmAssets } from './scripts/wasmAssets';

// Everything is served from the app itself: no CDN, no remote fonts, so the studio works offline.
export default defineConfig({
  plugins: [react(), wasmAssets(), tfliteEagerLoad()],
  // The package's default entry is CommonJS with a global loader; its ES module build is what bundles (DESIGN.md §6).
  resolve: {
    alias: {
      '@tensorflow/tfjs-tflite': fileURLToPath(
        new URL('./node_modules/@tensorflow/tfjs-tflite/dist/tf-tflite.fesm.js', import.meta.url),
      ),
    },
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  preview: { port: 4173, strictPort: true },
});
