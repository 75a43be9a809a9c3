import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { tfliteEagerLoad } from './scripts/tfliteEagerLoad';
import { wasmAssets } from './scripts/wasmAssets';

/**
 * The studio's Content-Security-Policy, also set as a meta element in index.html (keep the two equal). The
 * header covers what the meta element cannot: the workers (they take the policy of their own response) and
 * frame-ancestors. The wasm runtimes need 'wasm-unsafe-eval'. 'unsafe-eval' is there for one reason only: the
 * official TFLite runtime (tfjs-tflite, an Emscripten build with embind) compiles its bindings with
 * `new Function` when the Training page checks a model against it; the studio's own code needs neither.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Everything is served from the app itself: no CDN, no remote fonts, so the studio works offline.
export default defineConfig({
  plugins: [
    react(),
    wasmAssets(),
    tfliteEagerLoad(),
    VitePWA({
      // A new build waits for the user's "Reload" (src/app/components/UpdatePrompt.tsx), never mid-job.
      registerType: 'prompt',
      injectRegister: false,
      // The glob below already takes the icons and the favicon.
      includeManifestIcons: false,
      manifest: {
        name: 'TinyML Studio',
        short_name: 'TinyML Studio',
        description: 'Record, label, train and deploy tiny ML models, all in your browser.',
        theme_color: '#1d4ed8',
        background_color: '#f5f6f8',
        display: 'standalone',
        start_url: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole studio after one visit: every page and worker chunk, the wasm runtimes and their loaders,
        // the microphone worklet and the firmware sketch (a ?raw chunk); the plugin adds the manifest. Source
        // maps stay on the network.
        globPatterns: ['**/*.{js,css,html,svg,png,wasm,tflite}'],
        // The TFLite runtime's wasm and the training worker are several MB each.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // The package's default entry is CommonJS with a global loader; its ES module build is what bundles (DESIGN.md §6).
  resolve: {
    alias: [
      {
        find: '@tensorflow/tfjs-tflite',
        replacement: fileURLToPath(
          new URL('./node_modules/@tensorflow/tfjs-tflite/dist/tf-tflite.fesm.js', import.meta.url),
        ),
      },
      // cbor-x's default build probes `new Function` when it loads, which the Content-Security-Policy forbids
      // and reports; its no-eval build is the same codec without the compiled record readers.
      { find: /^cbor-x$/, replacement: 'cbor-x/index-no-eval' },
    ],
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  preview: {
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
});
