import { test, expect, type Page } from '@playwright/test';
import {
  collectFailedResponses,
  createProject,
  forbidRemoteRequests,
  recordSample,
  screenshot,
  sharedWavs,
  trainingResultsText,
} from './helpers';

const GESTURES = ['idle', 'wave', 'circle', 'shake'];

async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => w.__longTasks.push(e.duration)),
    ).observe({ type: 'longtask' });
  });
}

const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

async function newImpulse(page: Page): Promise<void> {
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(page.getByTestId('feature-count')).toBeVisible();
}

const percent = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).textContent())!.replace(/[^\d.]/g, ''));

/** Quantises on the training page, then checks both .tflite files in the official TFLite runtime. */
async function quantizeAndCheck(page: Page, name: string, compareAccuracy: boolean): Promise<void> {
  const panel = page.getByTestId('quantize-panel');
  await panel.getByTestId('quantize-start').click();
  await expect(panel.getByTestId('int8-size')).toContainText('× smaller', { timeout: 120_000 });
  if (compareAccuracy) {
    const [f, q] = [await percent(page, 'float-accuracy'), await percent(page, 'int8-accuracy')];
    console.log(`${name}: float32 ${f} %, int8 ${q} % on the test windows`);
    expect(Math.abs(f - q)).toBeLessThanOrEqual(1);
  }
  await panel.getByTestId('runtime-check').click();
  await expect(panel.getByTestId('runtime-check-int8-logits')).toBeVisible({ timeout: 120_000 });
  for (const precision of ['float', 'int8', 'int8-logits']) {
    console.log(
      `${name} ${precision}: ${await panel.getByTestId(`runtime-check-${precision}`).textContent()}`,
    );
  }
  // Every int8 kernel, given the input it saw in the whole model, agrees within 1 LSB with the official
  // runtime, except that full TFLite's own int8 softmax may round a few LSB away from TFLite Micro's.
  const layers = panel.getByTestId('runtime-check-layer');
  expect(await layers.count()).toBeGreaterThanOrEqual(2);
  for (const layer of await layers.all()) {
    const text = (await layer.textContent())!;
    console.log(`${name} ${text}`);
    if ((await layer.getAttribute('data-kind')) === 'SOFTMAX') {
      expect(Number(/largest difference (\d+) LSB/.exec(text)![1])).toBeLessThanOrEqual(4);
    } else expect(text).toContain('agrees');
  }
  // float32 within 1e-5; the whole int8 model within 1 LSB, or apart only by that rounding carried forward.
  await expect(panel.getByTestId('runtime-check-float')).toContainText('agrees');
  for (const id of ['runtime-check-int8-logits', 'runtime-check-int8']) {
    const text = (await panel.getByTestId(id).textContent())!;
    expect(text).toMatch(/agrees|differs only by rounding carried through the layers/);
    expect(Number(/largest difference (\d+) LSB/.exec(text)![1])).toBeLessThanOrEqual(8);
  }
  // Quantisation is over: no progress bar left behind, and it can be run again.
  await expect(panel.getByLabel('Quantisation progress')).toHaveCount(0);
  await expect(panel.getByTestId('quantize-start')).toBeEnabled();
  await panel.getByTestId('runtime-check-result').scrollIntoViewIfNeeded();
  await screenshot(page, `quantize-${name}`);
}

async function train(page: Page, timeout = 180_000): Promise<void> {
  await page.goto('/#/training');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-progress')).toBeVisible();
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout });
}

test('virtual-board gestures: train ≥ 90 % in a worker without long tasks, test, classify live', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const remote = await forbidRemoteRequests(page);
  // The official runtime's loader once fetched its script from beside the page first, a 404 on every check.
  const failed = collectFailedResponses(page);
  await createProject(page, 'Gesture training');
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  for (const gesture of GESTURES) {
    await page.goto('/#/devices');
    await page.getByLabel('Gesture performed').selectOption(gesture);
    await recordSample(page, 'accelerometer', gesture, 12_000, 'training');
    await recordSample(page, 'accelerometer', gesture, 4000, 'testing');
  }
  await newImpulse(page);

  await page.goto('/#/training');
  // The gesture default: two dense layers for the flat spectral features, 27 → 20 → 10 → 4.
  await expect(page.getByTestId('architecture')).toContainText('Input, 27 features');
  await expect(page.getByTestId('architecture')).toContainText('Output, 4 classes, softmax');
  await page.getByLabel('Epochs').fill('40');
  await watchLongTasks(page);
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-epoch')).toContainText(/Epoch \d+ \/ 40/, { timeout: 60_000 });
  await expect(page.getByTestId('training-chart')).toBeVisible();
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 180_000 });
  const tasks = await longTasks(page);
  console.log(`long tasks during training: ${JSON.stringify(tasks.map(Math.round))}`);
  expect(tasks.filter((d) => d > 50)).toEqual([]);

  const results = page.getByTestId('training-results');
  await expect(results.getByTestId('model-backend')).toHaveText('wasm');
  const accuracy = Number((await results.getByTestId('val-accuracy').textContent())!.replace(/[^\d.]/g, ''));
  console.log(`validation accuracy: ${accuracy} %`);
  expect(accuracy).toBeGreaterThanOrEqual(90);
  await expect(results.getByTestId('val-confusion')).toBeVisible();
  await expect(results.getByTestId('model-explorer').getByRole('application')).toBeVisible();
  await screenshot(page, 'training-gestures');

  // The model persists.
  await page.reload();
  await expect(page.getByTestId('val-accuracy')).toHaveText(`${accuracy.toFixed(1)} %`);

  await quantizeAndCheck(page, 'gestures', true);

  await page.goto('/#/testing');
  await page.getByTestId('test-run').click();
  await expect(page.getByTestId('test-sample-row')).toHaveCount(4, { timeout: 60_000 });
  const testAccuracy = Number(
    (await page.getByTestId('test-accuracy').textContent())!.replace(/[^\d.]/g, ''),
  );
  console.log(`test accuracy: ${testAccuracy} %`);
  expect(testAccuracy).toBeGreaterThanOrEqual(75);
  await screenshot(page, 'testing-gestures');

  // The reload above closed the virtual board: start it again.
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  await page.getByLabel('Gesture performed').selectOption('circle');
  await page.goto('/#/live');
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-label')).toHaveText('circle', { timeout: 30_000 });
  await expect(page.getByTestId('live-timing')).toContainText(/(ms|µs)/);
  await screenshot(page, 'live-gestures');
  await page.getByTestId('live-stop').click();
  expect(remote).toEqual([]);
  expect(failed).toEqual([]);
});

test('keywords on the shared WAVs train and test; a reload mid-training keeps the data and the previous model', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await createProject(page, 'Keyword training');
  await page.goto('/#/data');
  for (const category of ['training', 'testing']) {
    await page.getByLabel('Import category').selectOption(category);
    for (const w of sharedWavs()) {
      await page.getByPlaceholder('from file name').fill(w.name.split('_')[0]);
      await page.getByTestId('import-input').setInputFiles([w]);
      await expect(page.getByTestId('import-report')).toContainText('Imported 1 sample');
    }
  }
  await expect(page.getByTestId('sample-row')).toHaveCount(8);
  await newImpulse(page);

  await page.goto('/#/training');
  // MFCC features are [frames, coefficients]: the default is a small conv1d network.
  await expect(page.getByTestId('architecture')).toContainText('Conv1D, 8 filters, kernel 3');
  await page.getByLabel('Epochs').fill('30');
  await train(page);
  const firstTrained = await trainingResultsText(page);
  await expect(page.getByTestId('training-results')).toContainText('Trained');
  // One window per word: no validation split, and the page says what the figures are then.
  await expect(page.getByTestId('no-validation')).toBeVisible();
  await expect(page.getByTestId('val-accuracy')).toHaveText('100.0 %');
  await quantizeAndCheck(page, 'keywords', false);
  await page.goto('/#/testing');
  await page.getByTestId('test-run').click();
  await expect(page.getByTestId('test-sample-row')).toHaveCount(4, { timeout: 60_000 });
  await expect(page.getByTestId('test-accuracy')).toContainText('%');

  // Retrain for long, reload in the middle.
  await page.goto('/#/training');
  await page.getByLabel('Epochs').fill('1000');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-epoch')).toContainText(/Epoch [1-9]\d* \/ 1000/, {
    timeout: 60_000,
  });
  await page.reload();
  await expect(page.getByTestId('last-run-status')).toContainText('cancelled');
  await expect.poll(() => trainingResultsText(page)).toBe(firstTrained);
  await page.goto('/#/data');
  await expect(page.getByTestId('sample-row')).toHaveCount(8);
});
