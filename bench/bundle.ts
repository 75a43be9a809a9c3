import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execSync } from 'node:child_process';
import type { Benchmark } from './types';

/** bundle.main_gzip_kb: gzip size of the main entry chunk of a fresh production build. */
export const bundleBench: Benchmark = {
  name: 'bundle',
  run: async () => {
    execSync('npx vite build --logLevel error', { stdio: 'inherit' });
    const html = readFileSync('dist/index.html', 'utf8');
    const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
    if (!entry || !existsSync(join('dist', entry)))
      throw new Error('main chunk not found in dist/index.html');
    const kb = gzipSync(readFileSync(join('dist', entry))).length / 1024;
    const chunks = readdirSync('dist/assets').filter((f) => f.endsWith('.js')).length;
    return { 'bundle.main_gzip_kb': { value: kb, unit: 'KiB', goal: `report (${chunks} JS chunks)` } };
  },
};
