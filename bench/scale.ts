/**
 * scale.*: the large-project run of issue 19 against the production build in headless Chromium. In the page
 * (through the `?studioTest` hook, with the studio's own storage code) it builds 2 h of 3-axis 100 Hz gestures
 * (720 × 10 s, 4 labels) and 30 min of 16 kHz sounds (1,800 × 1 s, 3 labels), then drives each project through
 * the UI: open, filter, chart, features, training, testing. Peak memory is sampled per target over CDP
 * (Runtime.getHeapUsage: V8 heap in use + array-buffer backing store; bench/scale/heapSampler.ts) for the page
 * and for its workers. Figures, never assertions.
 */
import { rmSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium-path.mjs';
import { driveProject, type ProjectRun } from './scale/driveProject';
import { HeapSampler } from './scale/heapSampler';
import type { SeededProject } from '../src/platform/db/scaleSeed';
import type { BenchResult, Benchmark } from './types';

const OUT_DIR = 'dist-scale';
const PORT = 4203;
const SEED = { imuSamples: 720, audioClips: 1800, audioClipMs: 1000 };
const EPOCHS = { imu: 10, audio: 10 };
// Gestures train with augmentation on (noise, scale, shift of the raw window), which needs the raw windows.
const AUGMENTATION = { imu: true, audio: false };
const MB = 1024 * 1024;

function projectResults(
  prefix: 'imu' | 'audio',
  run: ProjectRun,
  seeded: SeededProject,
): Record<string, BenchResult> {
  const what = `${seeded.samples} samples, ${(seeded.bytes / MB).toFixed(1)} MB of values`;
  const report = (goal: string) => `report (${goal})`;
  return {
    [`scale.${prefix}_open_ms`]: {
      value: run.openMs,
      unit: 'ms',
      goal: report(`reload → sample list shown; ${what}`),
    },
    [`scale.${prefix}_filter_ms`]: {
      value: run.filterMs,
      unit: 'ms',
      goal: report('label filter → list shows it'),
    },
    [`scale.${prefix}_chart_ms`]: {
      value: run.chartMs,
      unit: 'ms',
      goal: report('click a sample → its chart'),
    },
    [`scale.${prefix}_features_s`]: { value: run.featuresS, unit: 's', goal: report(run.featureSummary) },
    [`scale.${prefix}_train_s`]: {
      value: run.trainS,
      unit: 's',
      goal: report(
        `${EPOCHS[prefix]} epochs${AUGMENTATION[prefix] ? ' with augmentation' : ''}, default learning block; validation accuracy ${run.valAccuracy}`,
      ),
    },
    [`scale.${prefix}_test_s`]: {
      value: run.testS,
      unit: 's',
      goal: report(`test accuracy per sample ${run.testAccuracy}`),
    },
    [`scale.${prefix}_peak_heap_mb`]: {
      value: run.peaks.page / MB,
      unit: 'MB',
      goal: report(
        `page, whole run, V8 heap + array buffers; the project's values are ${(seeded.bytes / MB).toFixed(0)} MB`,
      ),
    },
    [`scale.${prefix}_worker_peak_heap_mb`]: {
      value: run.peaks.worker / MB,
      unit: 'MB',
      goal: report(
        `largest worker, same measure; all workers at once ≤ ${(run.peaks.workersTogether / MB).toFixed(0)} MB`,
      ),
    },
    [`scale.${prefix}_features_worker_peak_heap_mb`]: {
      value: run.featurePeaks.worker / MB,
      unit: 'MB',
      goal: report(
        'DSP worker while generating, values read one sample at a time, garbage not yet collected included',
      ),
    },
  };
}

export const scaleBench: Benchmark = {
  name: 'scale',
  run: async () => {
    const executablePath = findChromium();
    if (!executablePath)
      throw new Error('no Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
    await build({
      configFile: 'vite.config.ts',
      logLevel: 'error',
      build: { outDir: OUT_DIR, emptyOutDir: true },
    });
    const server = await preview({
      configFile: 'vite.config.ts',
      build: { outDir: OUT_DIR },
      preview: { port: PORT, strictPort: true, host: '127.0.0.1' },
      logLevel: 'error',
    });
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({
        // As in e2e: the service worker's precache download would run beside the first measurements.
        serviceWorkers: 'block',
        baseURL: `http://127.0.0.1:${PORT}`,
        viewport: { width: 1440, height: 900 },
      });
      const page = await context.newPage();
      const heap = await HeapSampler.attach(page);
      await page.goto('/?studioTest#/projects');
      await page.waitForFunction(() => typeof window.__studioTest?.seedScaleProjects === 'function');
      const seedStart = performance.now();
      const [imu, audio] = await page.evaluate(
        (request) => window.__studioTest!.seedScaleProjects!(request),
        SEED,
      );
      const seedS = (performance.now() - seedStart) / 1000;
      const seedPeaks = await heap.takePeaks();
      process.stdout.write(`  seeded ${imu.samples} + ${audio.samples} samples in ${seedS.toFixed(1)} s\n`);
      // The projects store read the project list before the seed wrote to it.
      await page.reload();
      const imuRun = await driveProject(page, heap, {
        name: imu.name,
        filterLabel: 'circle',
        epochs: EPOCHS.imu,
        augmentation: AUGMENTATION.imu,
      });
      const audioRun = await driveProject(page, heap, {
        name: audio.name,
        filterLabel: 'whistle',
        epochs: EPOCHS.audio,
        augmentation: AUGMENTATION.audio,
      });
      heap.stop();
      return {
        'scale.seed_s': {
          value: seedS,
          unit: 's',
          goal: `report (both projects generated and written in the page, ${((imu.bytes + audio.bytes) / MB).toFixed(0)} MB; page peak ${(seedPeaks.page / MB).toFixed(0)} MB)`,
        },
        ...projectResults('imu', imuRun, imu),
        ...projectResults('audio', audioRun, audio),
      };
    } finally {
      await browser.close();
      await server.close();
      rmSync(OUT_DIR, { recursive: true, force: true });
    }
  },
};
