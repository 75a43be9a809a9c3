/**
 * mcu.profile_ms: one all-boards profile of the KWS model (../shared/testdata/tflite/kws_ref_model.tflite) in the
 * MCU worker, in headless Chromium (bench/mcuProfilePage: a production build of its page, served by vite preview,
 * in a folder of its own so it never meets the other browser bench's build).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium-path.mjs';
import type { McuBenchResults } from './mcuProfilePage/main';
import type { Benchmark } from './types';

const KWS = '../shared/testdata/tflite/kws_ref_model.tflite';

export const mcuProfileBench: Benchmark = {
  name: 'mcu.profile',
  run: async () => {
    const executablePath = findChromium();
    if (!executablePath)
      throw new Error('no Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
    const outDir = mkdtempSync(join(tmpdir(), 'studio-bench-mcu-'));
    await build({
      configFile: 'vite.config.ts',
      root: 'bench/mcuProfilePage',
      base: '/',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    const server = await preview({
      configFile: 'vite.config.ts',
      root: 'bench/mcuProfilePage',
      build: { outDir },
      preview: { port: 4182, strictPort: false, host: '127.0.0.1' },
      logLevel: 'error',
    });
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4182/'}index.html`);
      await page.waitForFunction(() => typeof window.startMcuBench === 'function', undefined, {
        timeout: 60_000,
      });
      const bytes = Array.from(readFileSync(KWS));
      await page.evaluate((model) => window.startMcuBench!(model), { name: 'kws_ref_model.tflite', bytes });
      const handle = await page.waitForFunction(
        () => window.mcuBenchResults ?? window.mcuBenchError,
        undefined,
        {
          timeout: 5 * 60_000,
          polling: 200,
        },
      );
      const value = (await handle.jsonValue()) as McuBenchResults | string;
      if (typeof value === 'string') throw new Error(value);
      return {
        'mcu.profile_ms': {
          value: value.medianMs,
          unit: 'ms',
          goal: `report: KWS read, run once and profiled on ${value.boards} boards × ${value.runtimes} runtimes in the MCU worker, median of ${value.runs} (worker's own time ${value.workerMedianMs.toFixed(1)} ms)`,
        },
      };
    } finally {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
