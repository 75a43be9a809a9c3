/**
 * The benchmarks that need headless Chromium, in one page served by a Vite dev server (bench/browser):
 * - interp.int8_ms, interp.tflite_runtime_ms, interp.int8_vs_tflite_ratio: the MLPerf Tiny keyword-spotting
 *   DS-CNN (../shared/testdata/tflite/kws_ref_model.tflite, int8) run by our interpreter and by the official
 *   TFLite runtime (tfjs-tflite, wasm) on the page's main thread, same inputs, mean of 200 invokes each;
 * - train.gesture_wasm_s, train.gesture_cpu_s: a module worker trains the standard gesture impulse (≈ 3,000
 *   windows, 30 epochs, 33→20→10→4) on each tfjs backend with the studio's own training code;
 * - live.windows_per_s: live classification (spectral DSP + our interpreter) of raw windows for 2 s.
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium-path.mjs';
import type { BrowserBenchResults } from './browser/protocol';
import type { Benchmark } from './types';

const KWS = '../shared/testdata/tflite/kws_ref_model.tflite';

export const browserBench: Benchmark = {
  name: 'browser',
  run: async () => {
    const executablePath = findChromium();
    if (!executablePath)
      throw new Error('no Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
    // A production build of the bench page, like the e2e tests use: the dev server's dependency
    // optimisation may reload the page mid-run.
    await build({
      configFile: 'vite.config.ts',
      root: 'bench/browser',
      base: '/',
      logLevel: 'error',
      build: { outDir: '../../dist-bench', emptyOutDir: true, sourcemap: false },
    });
    const server = await preview({
      configFile: 'vite.config.ts',
      root: 'bench/browser',
      build: { outDir: '../../dist-bench' },
      preview: { port: 4181, strictPort: false, host: '127.0.0.1' },
      logLevel: 'error',
    });
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4181/';
      await page.goto(`${url}index.html`);
      await page.waitForFunction(() => typeof window.startBench === 'function', undefined, {
        timeout: 120_000,
      });
      const bytes = Array.from(readFileSync(KWS));
      await page.evaluate((model) => window.startBench!(model), { name: 'kws_ref_model.tflite', bytes });
      const handle = await page.waitForFunction(() => window.benchResults ?? window.benchError, undefined, {
        timeout: 15 * 60_000,
        polling: 500,
      });
      const value = (await handle.jsonValue()) as BrowserBenchResults | string;
      if (typeof value === 'string') throw new Error(value);
      const goal = `${value.windows} windows × ${value.epochs} epochs`;
      return {
        'train.gesture_wasm_s': {
          value: value.train.wasm.seconds,
          unit: 's',
          goal: `report (${goal}; ≈ wasm-SIMD, lower than cpu)`,
        },
        'train.gesture_cpu_s': { value: value.train.cpu.seconds, unit: 's', goal: `report (${goal})` },
        'live.windows_per_s': {
          value: value.liveWindowsPerS,
          unit: 'windows/s',
          goal: '≥ 100 (2 windows/s needed live)',
        },
        'interp.int8_ms': {
          value: value.interp.oursMs,
          unit: 'ms',
          goal: `report: ${value.interp.model}; ${value.interp.differingOutputs} of ${value.interp.outputs} outputs differ from the official runtime, max ${value.interp.maxLsb} LSB (logits max ${value.interp.logitsMaxLsb} LSB)`,
        },
        'interp.tflite_runtime_ms': {
          value: value.interp.officialMs,
          unit: 'ms',
          goal: 'report: official TFLite (tfjs-tflite wasm), same inputs',
        },
        'interp.int8_vs_tflite_ratio': {
          value: value.interp.oursMs / value.interp.officialMs,
          unit: '×',
          goal: '≤ 2 (ours ÷ official, same run)',
        },
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
