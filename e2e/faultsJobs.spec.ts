import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeSerial, installFakeSerial, play } from './fakeSerial';
import { studioStream } from './streams';
import { createProject, dismissToasts, importFiles, screenshot, type FilePayload } from './helpers';

/**
 * Job faults: a worker that dies mid-job (for real: an uncaught error in it, `self.close()` in it, or
 * `terminate()`), and a reload in the middle of each long job. The crash hooks exist only with the
 * localStorage flag this spec sets (src/platform/workers/testHooks.ts).
 */

const KWS = resolve('../shared/testdata/tflite/kws_ref_model.tflite');

type Kind = 'dsp' | 'train' | 'mcu' | 'deploy';
type How = 'throw' | 'close' | 'terminate';

/** 3-axis accelerometer at 100 Hz: a wave (large periodic motion) or idle (gravity and a little noise). */
function motionCsv(name: string, wave: boolean, seconds: number, phase: number): FilePayload {
  const rows = ['timestamp,accX (m/s2),accY (m/s2),accZ (m/s2)'];
  for (let i = 0; i < seconds * 100; i++) {
    const t = i / 100;
    const a = wave ? 5 * Math.sin(2 * Math.PI * 2 * t + phase) : 0.05 * Math.sin(37 * t + phase);
    const b = wave ? 3 * Math.cos(2 * Math.PI * 1.5 * t) : 0.05 * Math.cos(23 * t);
    rows.push(`${i * 10},${a.toFixed(3)},${b.toFixed(3)},${(9.81 + a / 4).toFixed(3)}`);
  }
  return { name, mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') };
}

/** A project of wave and idle samples and an impulse with its defaults (the samples give many windows). */
async function gestureProject(page: Page, name: string, samplesPerLabel = 8): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('tinyml-studio.testHooks', '1'));
  await createProject(page, name);
  const files: FilePayload[] = [];
  for (let i = 0; i < samplesPerLabel; i++) {
    files.push(motionCsv(`wave.r${i}.csv`, true, 20, i), motionCsv(`idle.r${i}.csv`, false, 20, i));
  }
  await importFiles(page, files);
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(page.getByTestId('feature-count')).toBeVisible();
}

const crashNow = (page: Page, kind: Kind, how: How) =>
  page.evaluate(([k, h]) => window.__studioTest!.crashWorker!(k, h as How), [kind, how] as const);

/** The worker dies right after the next call of `method` reaches it (other calls to it meanwhile are left alone). */
const crashOnNextCall = (page: Page, kind: Kind, how: How, method: string) =>
  page.evaluate(([k, h, m]) => window.__studioTest!.crashWorkerOnNextCall!(k, h as How, m), [
    kind,
    how,
    method,
  ] as const);

async function train(page: Page, epochs: number): Promise<void> {
  await page.goto('/#/training');
  await page.getByLabel('Epochs').fill(String(epochs));
  await page.getByTestId('train-start').click();
}

async function trainToTheEnd(page: Page): Promise<void> {
  await train(page, 5);
  await expect(page.getByTestId('training-results')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 120_000 });
}

/**
 * Clicks a button (by test id or by its text) and reloads the page in the same task: the job has started (its
 * action runs synchronously up to its first await), and cannot have ended.
 */
async function clickThenReload(page: Page, button: string): Promise<void> {
  await page.evaluate((b) => {
    const target =
      document.querySelector<HTMLButtonElement>(`[data-testid="${b}"]`) ??
      [...document.querySelectorAll('button')].find((e) => e.textContent === b);
    target!.click();
    location.reload();
  }, button);
  await page.waitForLoadState('load');
}

/**
 * Clicks Generate features and reloads the page from inside it as soon as the progress shows `from` samples
 * or more done: mid-run, with some of the cache written (in batches of 32).
 */
async function generateThenReload(page: Page, from: number): Promise<void> {
  await page.evaluate(
    (low) =>
      new Promise<void>((resolve) => {
        const progress = () => document.querySelector('[data-testid="generate-progress"]')?.textContent ?? '';
        const observer = new MutationObserver(() => {
          const done = Number(/(\d+) \/ \d+ samples/.exec(progress())?.[1] ?? -1);
          if (done < low) return;
          observer.disconnect();
          location.reload();
          resolve();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'Generate features')!.click();
      }),
    from,
  );
  await page.waitForLoadState('load');
}

const toast = (page: Page, text: string) => page.getByTestId('toasts').getByText(text);

test('a worker that dies mid-job fails that job with a message, the app stays alive, and a retry works', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await gestureProject(page, 'Worker crashes');

  // Feature generation: the DSP worker closes itself right after the job reaches it.
  await crashOnNextCall(page, 'dsp', 'close', 'generate');
  await page.getByRole('button', { name: 'Generate features' }).click();
  const panel = page.getByTestId('generate-panel');
  await expect(panel.locator('.error-text')).toContainText(
    'The feature generation worker stopped unexpectedly (it was closed, or ran out of memory)',
  );
  await expect(panel.locator('.error-text')).toContainText('Try again');
  await page.getByRole('button', { name: 'Generate features' }).click();
  await expect(page.getByTestId('generate-summary')).toContainText('windows', { timeout: 60_000 });

  // Training: an uncaught error in the training worker between two epochs.
  await train(page, 500);
  await expect(page.getByTestId('training-epoch')).toContainText(/Epoch [2-9]/, { timeout: 90_000 });
  expect(await crashNow(page, 'train', 'throw')).toBe(true);
  await expect(page.getByTestId('last-run-status')).toContainText(
    'failed: The training worker stopped unexpectedly (an uncaught error',
  );
  await expect(page.getByTestId('training-results')).toHaveCount(0);
  await screenshot(page, 'faults-training-crash');
  // The app is alive: other pages work, and training again succeeds on a fresh worker.
  await page.goto('/#/data');
  await expect(page.locator('[data-testid="sample-row"]').first()).toBeVisible();
  await trainToTheEnd(page);
  await expect(page.getByTestId('last-run-status')).toHaveCount(0);
  await page.getByTestId('quantize-panel').getByTestId('quantize-start').click();
  await expect(page.getByTestId('int8-size')).toContainText('× smaller', { timeout: 120_000 });
  await expect(page.getByTestId('target-figures')).toBeVisible({ timeout: 60_000 });

  // Profiling: the MCU worker is terminated as the profile starts (as when the browser kills it for memory).
  await crashOnNextCall(page, 'mcu', 'terminate', 'profileImpulse');
  await page.goto('/#/profiling');
  await expect(page.getByTestId('profile-error')).toContainText(
    'The profiling worker stopped unexpectedly (it was closed, or ran out of memory)',
  );
  await page.getByTestId('profile-impulse').click();
  await expect(page.getByTestId('profile-result')).toBeVisible({ timeout: 60_000 });

  // Export: one build works, the next is cut off by the worker's death, the one after works again.
  await page.goto('/#/deployment');
  await expect(page.getByTestId('deploy-latency')).toContainText('ms', { timeout: 60_000 });
  const download = async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('deploy-download').click(),
    ]);
    return file.suggestedFilename();
  };
  expect(await download()).toMatch(/\.zip$/);
  await crashOnNextCall(page, 'deploy', 'terminate', 'buildImpulse');
  await page.getByTestId('deploy-download').click();
  await expect(page.getByTestId('deploy-error')).toContainText(
    'The deployment worker stopped unexpectedly (it was closed, or ran out of memory)',
  );
  expect(await download()).toMatch(/\.zip$/);
  await expect(page.getByTestId('deploy-error')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a reload in the middle of each long job says which job it cut off, and leaves nothing half-written', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await gestureProject(page, 'Reloads', 40);
  // A 50 ms stride makes feature generation take seconds, not a few hundred ms, so the reload lands mid-run
  // on a fast machine too; the impulse's own stride comes back before training.
  const stride = page.getByLabel('Window stride');
  const defaultStride = await stride.inputValue();
  await stride.fill('50');
  await stride.blur();

  // Features, cut off after the first of three cache batches. The old page (and its worker) runs on until the
  // new one is up, so later batches may land too: the cache holds whole batches of whole samples, a feature set
  // shows as complete only if every sample is cached, and generating again computes only the rest.
  await generateThenReload(page, 33);
  await expect(
    toast(page, 'Feature generation of “Impulse 1” was interrupted by a page reload'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Go to Impulse design' }).click();
  const partial = page.getByTestId('generate-partial-cache');
  const summary = page.getByTestId('generate-summary');
  await expect(partial.or(summary)).toBeVisible();
  let cached = 80;
  if (await partial.isVisible()) {
    await expect(partial).toHaveText(
      /^(32|64) of 80 samples have cached features — Generate to compute the rest\.$/,
    );
    cached = Number((await partial.textContent())!.split(' ')[0]);
    await expect(summary).toHaveCount(0);
  } else await expect(summary).toContainText(/From the cache: [\d,]+ windows × 27 features from 80 samples/);
  await page.getByRole('button', { name: 'Generate features' }).click();
  await expect(page.getByTestId('generate-summary')).toContainText(
    `(${80 - cached} computed, ${cached} from the cache)`,
    { timeout: 60_000 },
  );
  await stride.fill(defaultStride);
  await stride.blur();

  // Training: no model is saved, the run is closed as interrupted.
  await train(page, 500);
  await expect(page.getByTestId('training-epoch')).toContainText(/Epoch [2-9]/, { timeout: 90_000 });
  await page.reload();
  await expect(
    toast(page, 'Training of “Impulse 1” was interrupted by a page reload; nothing was saved'),
  ).toBeVisible();
  await screenshot(page, 'faults-reload-training');
  await page.getByRole('button', { name: 'Go to Training' }).click();
  await expect(page.getByTestId('last-run-status')).toContainText('Interrupted');
  await expect(page.getByTestId('training-results')).toHaveCount(0);
  await trainToTheEnd(page);

  // Quantisation: the model stays float32 only.
  await clickThenReload(page, 'quantize-start');
  await expect(toast(page, 'Quantisation of “Impulse 1” was interrupted by a page reload')).toBeVisible();
  await expect(page.getByTestId('training-results')).toBeVisible();
  await expect(page.getByTestId('int8-size')).toHaveText('not quantised yet');

  // Profiling and export of a dropped model (the KWS reference model: a long profile and build).
  await page.goto('/#/profiling');
  await page.getByTestId('tflite-input').setInputFiles({
    name: 'kws_ref_model.tflite',
    mimeType: 'application/octet-stream',
    buffer: readFileSync(KWS),
  });
  await page.reload();
  await expect(
    toast(page, 'Profiling of “kws_ref_model.tflite” was interrupted by a page reload'),
  ).toBeVisible();

  await page.goto('/#/deployment');
  await page.getByTestId('deploy-file-input').setInputFiles({
    name: 'kws_ref_model.tflite',
    mimeType: 'application/octet-stream',
    buffer: readFileSync(KWS),
  });
  await expect(page.getByTestId('deploy-download')).toBeEnabled();
  let downloads = 0;
  page.on('download', () => downloads++);
  await clickThenReload(page, 'deploy-download');
  await expect(
    toast(
      page,
      'Building the download of “kws_ref_model.tflite” was interrupted by a page reload; nothing was downloaded',
    ),
  ).toBeVisible();
  expect(downloads).toBe(0);
});

test('a board unplugged mid-stream stops its live chart and live classification, naming it, and reconnects', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await installFakeSerial(page);
  await gestureProject(page, 'Unplug mid-stream', 4);
  await trainToTheEnd(page);

  // A board running the studio's firmware: 100 Hz accelerometer (and audio).
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Connect a board (USB)…' }).click();
  const stream = studioStream(300, [], []);
  await play(page, stream.bytes, stream.bytesPerSecond);
  await expect(page.getByTestId('sensor-table')).toContainText('accX (m/s2)', { timeout: 10_000 });

  // Unplugged with the live chart on screen: the chart stops and goes, the toast names the board.
  await page.goto('/#/data');
  await expect(page.getByTestId('live-chart')).toHaveAttribute('data-status', 'live');
  await fakeSerial(page, 'unplug');
  await expect(toast(page, 'Arduino Nano 33 BLE Sense: The board was disconnected')).toBeVisible();
  await expect(toast(page, 'Its live stream stopped. Plug it back in to reconnect it.')).toBeVisible();
  await expect(page.getByTestId('live-chart')).toHaveCount(0);
  await screenshot(page, 'faults-unplug-chart');
  await page.goto('/#/devices');
  await expect(page.getByTestId('source-status')).toHaveText('disconnected');
  await screenshot(page, 'faults-unplug-devices');
  await fakeSerial(page, 'plugIn');
  await expect(toast(page, 'is back: reconnected')).toBeVisible();
  await play(page, stream.bytes, stream.bytesPerSecond);
  await expect(page.getByTestId('source-status')).toHaveText('connected');
  await page.goto('/#/data');
  await expect(page.getByTestId('live-chart')).toHaveAttribute('data-status', 'live', { timeout: 15_000 });

  // Unplugged during live classification: it stops with a message naming the board, and starts again after.
  const startLive = async () => {
    await page.goto('/#/live');
    await page.getByTestId('live-controls').getByLabel('Sensor').selectOption({ label: 'accelerometer' });
    await page.getByTestId('live-start').click();
    await expect(page.getByTestId('live-label')).toHaveText(/wave|idle|uncertain/, { timeout: 30_000 });
  };
  await startLive();
  await dismissToasts(page);
  await fakeSerial(page, 'unplug');
  await expect(page.getByTestId('live-message')).toContainText(
    'Arduino Nano 33 BLE Sense: The board was disconnected (The device has been lost). Live classification stopped',
  );
  await expect(page.getByTestId('live-stop')).toHaveCount(0);
  // One message for one unplug, even though this board was unplugged once before.
  await expect(toast(page, 'Arduino Nano 33 BLE Sense: The board was disconnected')).toHaveCount(1);
  await screenshot(page, 'faults-unplug-live');
  await fakeSerial(page, 'plugIn');
  await expect(toast(page, 'is back: reconnected')).toBeVisible();
  await play(page, stream.bytes, stream.bytesPerSecond);
  await startLive();
  await expect(page.getByTestId('live-message')).toHaveCount(0);
  await expect(page.getByTestId('live-stop')).toBeVisible();
});
