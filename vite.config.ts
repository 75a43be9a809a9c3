import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { wasmAssets } from './scripts/wasmAssets';

// Everything is served from the app itself: no CDN, no remote fonts, so the studio works offline.
export default defineConfig({
  plugins: [react(), wasmAssets()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  preview: { port: 4173, strictPort: true },
});
