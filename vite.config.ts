import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './scripts/contentSecurityPolicy';
import { tfliteEagerLoad } from './scripts/tfliteEagerLoad';
import { wasmAssets } from './scripts/wasmAssets';

// Everything is served from the app itself: no CDN, no remote fonts, so the studio works offline.
export default defineConfig({
  plugins: [
    react(),
    // The app's pages (and runtime-check.html, which hosts the official TFLite runtime) under their
    // Content-Security-Policy, as meta elements and as the preview server's header.
    contentSecurityPolicy(fileURLToPath(new URL('.', import.meta.url))),
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
  preview: { port: 4173, strictPort: true },
});
