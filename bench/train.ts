/**
 * train.gesture_wasm_s, train.gesture_cpu_s and live.windows_per_s, measured in headless Chromium: a Vite dev
 * server serves bench/browser, whose module worker trains the standard gesture impulse (≈ 3,000 windows, 30
 * epochs, 33→20→10→4) on each tfjs backend with the studio's own training code, then runs live
 * classification (spectral DSP + our interpreter) on raw windows for 2 s.
 */
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium-path.mjs';
import type { BrowserBenchResults } from './browser/protocol';
import type { Benchmark } from './types';

export const trainBench: Benchmark = {
  name: 'train',
  run: async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('no Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
    const server = await createServer({ configFile: 'vite.config.ts', server: { port: 4180, strictPort: false, host: '127.0.0.1' }, logLevel: 'error' });
    await server.listen();
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4180/';
      await page.goto(`${url}bench/browser/index.html`);
      const handle = await page.waitForFunction(() => window.benchResults ?? window.benchError, undefined, { timeout: 15 * 60_000, polling: 500 });
      const value = (await handle.jsonValue()) as BrowserBenchResults | string;
      if (typeof value === 'string') throw new Error(value);
      const goal = `${value.windows} windows × ${value.epochs} epochs`;
      return {
        'train.gesture_wasm_s': { value: value.train.wasm.seconds, unit: 's', goal: `${goal}; ≈ wasm-SIMD, lower than cpu` },
        'train.gesture_cpu_s': { value: value.train.cpu.seconds, unit: 's', goal },
        'live.windows_per_s': { value: value.liveWindowsPerS, unit: 'windows/s', goal: '≥ 100 (2 windows/s needed live)' },
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
