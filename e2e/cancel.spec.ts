import { test, expect, type Page } from '@playwright/test';
import { writeWav } from '../src/core/formats/wav';
import { createProject, importFiles, screenshot, type FilePayload } from './helpers';

const LABELS = ['idle', 'wave', 'circle', 'shake'];

/** A 3-axis accelerometer CSV at 62.5 Hz: each label its own rhythm, plus noise. */
function motionCsv(label: string, index: number, seconds: number): FilePayload {
  const hz = 0.3 + LABELS.indexOf(label) * 1.2;
  let seed = index * 7919 + hz * 1000;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed / 0x7fffffff - 0.5) * 0.8;
  };
  const rows = ['timestamp,accX (m/s2),accY (m/s2),accZ (m/s2)'];
  for (let i = 0; i < seconds * 62.5; i++) {
    const phase = (2 * Math.PI * hz * i) / 62.5;
    rows.push(
      `${i * 16},${(Math.sin(phase) * 4 + noise()).toFixed(3)},${(Math.cos(phase) * 2 + noise()).toFixed(3)},${(9.81 + noise()).toFixed(3)}`,
    );
  }
  return { name: `${label}.${index}.csv`, mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') };
}

async function importMotion(
  page: Page,
  category: 'training' | 'testing',
  perLabel: number,
  seconds: number,
): Promise<void> {
  const files = LABELS.flatMap((label) =>
    Array.from({ length: perLabel }, (_, i) =>
      motionCsv(label, i + (category === 'testing' ? 100 : 0), seconds),
    ),
  );
  await page.goto('/#/data');
  await page.getByLabel('Import category').selectOption(category);
  await importFiles(page, files);
  await expect(page.getByTestId('import-report')).toContainText(`Imported ${files.length} samples`);
}

async function newImpulse(page: Page): Promise<void> {
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(page.getByTestId('feature-count')).toBeVisible();
}

/**
 * Watches a job's progress text in the page itself: the count shown at the moment the Cancel button is
 * clicked, the highest count ever shown, and whether the button said "Cancelling…". Reading these from the
 * test process instead would miss what happens between two polls.
 */
async function watchProgress(page: Page, progressTestId: string, pattern: RegExp, cancelTestId: string) {
  await page.evaluate(
    ({ progressTestId, source, cancelTestId }) => {
      const pattern = new RegExp(source);
      const seen = { atClick: -1, highest: -1, cancelling: false };
      (window as unknown as { __progress: typeof seen }).__progress = seen;
      const read = () => {
        const text = document.querySelector(`[data-testid="${progressTestId}"]`)?.textContent ?? '';
        const match = pattern.exec(text);
        return match ? Number(match[1]) : -1;
      };
      new MutationObserver(() => {
        seen.highest = Math.max(seen.highest, read());
        const button = document.querySelector(`[data-testid="${cancelTestId}"]`);
        if (button?.textContent === 'Cancelling…') seen.cancelling = true;
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
      document.addEventListener(
        'click',
        (e) => {
          if ((e.target as Element).closest(`[data-testid="${cancelTestId}"]`)) seen.atClick = read();
        },
        true,
      );
    },
    { progressTestId, source: pattern.source, cancelTestId },
  );
  return () =>
    page.evaluate(
      () =>
        (window as unknown as { __progress: { atClick: number; highest: number; cancelling: boolean } })
          .__progress,
    );
}

test('Cancel stops a long training run within an epoch or two and keeps the previous model', async ({
  page,
}) => {
  await createProject(page, 'Cancel training');
  await importMotion(page, 'training', 2, 20);
  await newImpulse(page);
  await page.goto('/#/training');
  await page.getByLabel('Epochs').fill('5');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 60_000 });
  const previous = await page.getByTestId('training-results').textContent();
  expect(previous).toContain('Trained');

  await page.getByLabel('Epochs').fill('1000');
  const progress = await watchProgress(page, 'training-epoch', /Epoch (\d+) \//, 'train-cancel');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-epoch')).toContainText(/Epoch ([5-9]|\d\d+) \/ 1000/, {
    timeout: 60_000,
  });
  await page.getByTestId('train-cancel').click();
  await expect(page.getByTestId('last-run-status')).toContainText('was cancelled', { timeout: 10_000 });
  const { atClick, highest, cancelling } = await progress();
  console.log(`training: Cancel clicked at epoch ${atClick}, the last epoch shown was ${highest}`);
  expect(atClick).toBeGreaterThanOrEqual(5);
  expect(highest - atClick).toBeLessThanOrEqual(2);
  expect(cancelling).toBe(true);
  await expect(page.getByTestId('training-results')).toHaveText(previous!);
  await expect(page.locator('.toast', { hasText: 'Training finished' })).toHaveCount(0);
  await screenshot(page, 'cancel-training');
});

test('Cancel stops testing and quantisation, and the model stays as it was', async ({ page }) => {
  test.setTimeout(150_000);
  await createProject(page, 'Cancel testing');
  await importMotion(page, 'training', 2, 60);
  await importMotion(page, 'testing', 2, 120);
  await newImpulse(page);
  // Every feature cached first: the jobs below spend their time in the model, which is what is cancelled.
  const generate = page.getByTestId('generate-panel');
  await generate.getByRole('button', { name: 'Generate features' }).click();
  await expect(generate.getByTestId('generate-summary')).toBeVisible({ timeout: 60_000 });

  // A wide network makes every window take a millisecond or two in the interpreter.
  await page.goto('/#/training');
  await page.getByLabel('Layer 1 neurons').fill('1024');
  await page.getByLabel('Layer 2 neurons').fill('1024');
  await page.getByLabel('Epochs').fill('1');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 90_000 });

  await page.goto('/#/testing');
  const testing = await watchProgress(page, 'test-progress', /(\d+) \/ \d+ samples/, 'test-cancel');
  await page.getByTestId('test-run').click();
  await expect(page.getByTestId('test-progress')).toContainText(/[1-9] \/ 8 samples/, { timeout: 30_000 });
  await page.getByTestId('test-cancel').click();
  await expect(page.getByTestId('test-panel')).toContainText('Testing was cancelled.', { timeout: 5_000 });
  const tested = await testing();
  console.log(
    `testing: Cancel clicked at sample ${tested.atClick} of 8, the last shown was ${tested.highest}`,
  );
  expect(tested.highest - tested.atClick).toBeLessThanOrEqual(1);
  expect(tested.highest).toBeLessThan(8);
  expect(tested.cancelling).toBe(true);
  await expect(page.getByTestId('test-sample-row')).toHaveCount(0);
  await screenshot(page, 'cancel-testing');

  await page.goto('/#/training');
  const panel = page.getByTestId('quantize-panel');
  const quantizing = await watchProgress(
    page,
    'quantize-progress',
    /Calibrating on training windows (\d+) %/,
    'quantize-cancel',
  );
  await panel.getByTestId('quantize-start').click();
  await expect(panel.getByTestId('quantize-progress')).toContainText(
    /Calibrating on training windows [1-9]\d? %/,
    {
      timeout: 30_000,
    },
  );
  await screenshot(page, 'cancel-quantize-running');
  await panel.getByTestId('quantize-cancel').click();
  await expect(panel.getByTestId('quantize-cancelled')).toBeVisible({ timeout: 5_000 });
  const calibrated = await quantizing();
  console.log(
    `quantisation: Cancel clicked at ${calibrated.atClick} %, the last shown was ${calibrated.highest} %`,
  );
  expect(calibrated.highest).toBeLessThan(100);
  expect(calibrated.highest - calibrated.atClick).toBeLessThanOrEqual(10);
  expect(calibrated.cancelling).toBe(true);
  await expect(panel.getByTestId('int8-size')).toHaveText('not quantised yet');
  await expect(panel.getByTestId('quantize-start')).toBeEnabled();
  await expect(page.locator('.toast.error')).toHaveCount(0);
  await screenshot(page, 'cancel-quantize');
});

test('Cancel stops a long feature generation: progress stops where it was clicked', async ({ page }) => {
  await createProject(page, 'Cancel features');
  // 8 samples of 30 s of noisy tone at 16 kHz, MFCC windows every 13 ms: a stride that is no whole number of
  // MFCC's 20 ms frames, so windows share few frames and each sample takes longer than a progress update.
  const files = Array.from({ length: 8 }, (_, i) => {
    const values = new Int16Array(16000 * 30);
    let seed = i + 1;
    for (let k = 0; k < values.length; k++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      values[k] = Math.round(
        Math.sin((2 * Math.PI * (200 + 40 * i) * k) / 16000) * 6000 + (seed % 2000) - 1000,
      );
    }
    return { name: `tone.${i}.wav`, mimeType: 'audio/wav', buffer: Buffer.from(writeWav(values, 16000)) };
  });
  await importFiles(page, files);
  await expect(page.getByTestId('import-report')).toContainText('Imported 8 samples');
  await newImpulse(page);
  await page.getByLabel('Window stride').fill('13');
  await page.getByLabel('Window stride').blur();
  const panel = page.getByTestId('generate-panel');
  const progress = await watchProgress(page, 'generate-progress', /(\d+) \/ 8 samples/, 'generate-cancel');
  await panel.getByRole('button', { name: 'Generate features' }).click();
  await expect(panel.getByTestId('generate-progress')).toContainText(/[1-5] \/ 8 samples/, {
    timeout: 30_000,
  });
  await panel.getByTestId('generate-cancel').click();
  await expect(panel).toContainText('Cancelled. What was computed is cached', { timeout: 5_000 });
  const { atClick, highest } = await progress();
  console.log(`features: Cancel clicked at sample ${atClick} of 8, the last shown was ${highest}`);
  expect(highest - atClick).toBeLessThanOrEqual(1);

  // The worker stopped there: the next run finds only what had been computed by then in the cache.
  await panel.getByRole('button', { name: 'Generate features' }).click();
  await expect(panel.getByTestId('generate-summary')).toBeVisible({ timeout: 60_000 });
  const summary = (await panel.getByTestId('generate-summary').textContent())!;
  const cached = Number(/(\d+) from the cache/.exec(summary)![1]);
  expect(cached).toBeGreaterThanOrEqual(atClick);
  expect(cached).toBeLessThanOrEqual(atClick + 1);
});
