/**
 * - bundle.main_gzip_kb: gzip size of the main entry chunk of a fresh production build;
 * - bundle.initial_gzip_kb: everything index.html makes the browser fetch before the first render (the entry,
 *   its modulepreloaded chunks and the stylesheet), gzip;
 * - bundle.first_render_ms: from navigation to the first page's content on screen (App.tsx's performance
 *   mark), median of several cold first visits (fresh browser context, no service worker) in headless Chromium.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium-path.mjs';
import { FIRST_RENDER_MARK } from '../src/app/routes';
import type { Benchmark } from './types';

const VISITS = 7;

const gzipKb = (file: string) => gzipSync(readFileSync(join('dist', file))).length / 1024;

export const bundleBench: Benchmark = {
  name: 'bundle',
  run: async () => {
    execSync('npx vite build --logLevel error', { stdio: 'inherit' });
    const html = readFileSync('dist/index.html', 'utf8');
    const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
    if (!entry || !existsSync(join('dist', entry)))
      throw new Error('main chunk not found in dist/index.html');
    const initialFiles = [
      entry,
      ...[...html.matchAll(/<link rel="(?:modulepreload|stylesheet)"[^>]*href="\/([^"]+)"/g)].map(
        (m) => m[1],
      ),
    ];
    const chunks = readdirSync('dist/assets').filter((f) => f.endsWith('.js')).length;
    const renders = await firstRenders();
    const median = renders.sort((a, b) => a - b)[Math.floor(renders.length / 2)];
    return {
      'bundle.main_gzip_kb': { value: gzipKb(entry), unit: 'KiB', goal: `≤ 150 (${chunks} JS chunks)` },
      'bundle.initial_gzip_kb': {
        value: initialFiles.reduce((sum, f) => sum + gzipKb(f), 0),
        unit: 'KiB',
        goal: `report (${initialFiles.length} files before the first render)`,
      },
      'bundle.first_render_ms': {
        value: median,
        unit: 'ms',
        goal: `report (median of ${VISITS} cold visits, ${Math.min(...renders).toFixed(0)}–${Math.max(...renders).toFixed(0)} ms)`,
      },
    };
  },
};

/** The first-render time of each of VISITS cold visits of the production build in dist/. */
async function firstRenders(): Promise<number[]> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('no Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  const server = await preview({
    configFile: 'vite.config.ts',
    preview: { port: 4182, strictPort: false, host: '127.0.0.1' },
    logLevel: 'error',
  });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4182/';
    const times: number[] = [];
    for (let i = 0; i < VISITS; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(url);
      const handle = await page.waitForFunction(
        (mark) => performance.getEntriesByName(mark)[0]?.startTime,
        FIRST_RENDER_MARK,
        { timeout: 60_000 },
      );
      times.push((await handle.jsonValue()) as number);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
    await server.close();
  }
}
