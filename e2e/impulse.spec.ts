import { test, expect, type Page } from '@playwright/test';
import { writeWav } from '../src/core/formats/wav';
import { createProject, importFiles, recordSample, screenshot, sharedWavs } from './helpers';

async function generate(page: Page): Promise<void> {
  const panel = page.getByTestId('generate-panel');
  await panel.getByRole('button', { name: 'Generate features' }).click();
  await expect(panel.getByTestId('generate-summary')).toBeVisible({ timeout: 60_000 });
}

test('keyword impulse on the shared WAVs: live feature count, features with progress, explorer, cache', async ({
  page,
}) => {
  await createProject(page, 'Keywords');
  const wavs = sharedWavs();
  for (const w of wavs) await importFiles(page, [w], w.name.split('_')[0]);
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  // Audio defaults: 1 s windows at 16 kHz through MFCC: 50 frames × 13 coefficients.
  await expect(page.getByTestId('feature-count')).toContainText('650 features per window');
  await page.getByLabel('Processing block').selectOption('mfe');
  await expect(page.getByTestId('feature-count')).toContainText('3,960 features per window');
  await page.getByLabel('num_filters').fill('400');
  await expect(page.getByTestId('feature-count')).toContainText(/num_filters/);
  await page.getByLabel('num_filters').fill('40');
  await expect(page.getByTestId('feature-count')).toContainText('3,960 features per window');

  await generate(page);
  await expect(page.getByTestId('generate-summary')).toContainText(
    `4 windows × 3,960 features from 4 samples`,
  );
  await expect(page.getByTestId('generate-summary')).toContainText('4 computed, 0 from the cache');
  const scatter = page.getByRole('application', { name: 'Feature scatter plot of 4 windows' });
  await expect(scatter).toBeVisible();
  await scatter.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('explorer-pick')).toContainText(/window at 0 ms/);
  // The picked point's sample and window are what the Window view shows.
  const picked = (await page.getByTestId('explorer-pick').textContent())!;
  const pickedName = sharedWavs()
    .map((w) => w.name.replace(/\.wav$/, ''))
    .find((n) => picked.includes(n))!;
  expect(pickedName).toBeTruthy();
  await expect(page.getByTestId('window-view-caption')).toContainText(
    `${pickedName} · window 1 of 1 at 0 ms`,
  );
  await expect(page.getByTestId('window-view').locator('canvas.heatmap')).toBeVisible();
  await expect(page.getByTestId('mfe-clamp-note').first()).toBeVisible();
  await screenshot(page, 'impulse-keywords');

  // Settings persist (a changed input parameter too), and a re-run takes everything from the cache.
  await page.getByLabel('Window stride').fill('250');
  await page.getByLabel('Window stride').blur();
  await page.getByLabel('Window stride').fill('500');
  await page.getByLabel('Window stride').blur();
  await page.reload();
  await expect(page.getByLabel('Processing block')).toHaveValue('mfe');
  await expect(page.getByLabel('num_filters')).toHaveValue('40');
  await expect(page.getByLabel('Window stride')).toHaveValue('500');
  await generate(page);
  await expect(page.getByTestId('generate-summary')).toContainText('0 computed, 4 from the cache');
});

test('gesture impulse on virtual-board recordings: spectral features and the explorer', async ({ page }) => {
  await createProject(page, 'Gestures');
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  await expect(page.getByTestId('source-card').getByTestId('sensor-table')).toContainText('accelerometer');
  for (const gesture of ['idle', 'wave', 'circle', 'shake']) {
    await page.goto('/#/devices');
    await page.getByLabel('Gesture performed').selectOption(gesture);
    await recordSample(page, 'accelerometer', gesture, 4000);
  }
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  // 100 Hz, FFT 128, low-pass 3 Hz: bins 1…int(3·128/100 + 0.5) = 4, so 3 + 2 + 4 = 9 per axis.
  await expect(page.getByTestId('feature-count')).toContainText('27 features per window');
  // The default learning block for flat features, trained later on the Training stage.
  const card = page.getByTestId('learning-block-card');
  await expect(card).toContainText('Classifier (neural network) (the default for these features)');
  // The layers are the numbered list; the parameter count is a line of its own, not a layer.
  await expect(card.getByRole('listitem')).toHaveText([
    'Dense, 20 neurons, ReLU',
    'Dense, 10 neurons, ReLU',
    'Output, 4 classes, softmax',
  ]);
  // 27·20 + 20, 20·10 + 10, 10·4 + 4.
  await expect(card).toContainText('814 parameters');
  await generate(page);
  // 4 s samples, 2 s windows every 500 ms: 5 windows each.
  await expect(page.getByTestId('generate-summary')).toContainText('20 windows × 27 features from 4 samples');
  const explorer = page.getByTestId('feature-explorer');
  await expect(
    explorer.getByRole('application', { name: 'Feature scatter plot of 20 windows' }),
  ).toBeVisible();
  await page.getByLabel('Projection').selectOption('umap');
  await expect(explorer).toContainText('UMAP of 20 windows', { timeout: 60_000 });
  await expect(
    explorer.getByRole('application', { name: 'Feature scatter plot of 20 windows' }),
  ).toBeVisible();
  // The spectral view: power against frequency per axis, and the statistics by name.
  const view = page.getByTestId('window-view');
  await expect(view.getByTestId('spectral-plot')).toBeVisible();
  await expect(view.getByTestId('spectral-plot')).toContainText('Hz');
  for (const name of ['RMS', 'Skewness', 'Kurtosis', 'accX', 'accY', 'accZ'])
    await expect(view.getByTestId('spectral-statistics')).toContainText(name);
  await screenshot(page, 'impulse-gestures');
  await view.getByTestId('spectral-plot').scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await screenshot(page, 'impulse-spectral');

  // A second impulse with its own input: a live count as the window changes, and its own parameters.
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await page.getByLabel('Window size').fill('1000');
  await page.getByLabel('Window size').blur();
  await expect(page.getByText('100 frames per window.')).toBeVisible();
  await page.getByLabel('fft-length').fill('64');
  await page.getByLabel('fft-length').blur();
  // FFT 64 at 100 Hz, low-pass 3 Hz: bins 1…int(3·64/100 + 0.5) = 2, so 3 + 2 + 2 = 7 per axis.
  await expect(page.getByTestId('feature-count')).toContainText('21 features per window');
  await page.reload();
  await page.getByRole('tab', { name: 'Impulse 2' }).click();
  await expect(page.getByLabel('Window size')).toHaveValue('1000');
  await expect(page.getByTestId('feature-count')).toContainText('21 features per window');
  await page.getByRole('tab', { name: 'Impulse 1' }).click();
  await expect(page.getByLabel('Window size')).toHaveValue('2000');
  await expect(page.getByTestId('feature-count')).toContainText('27 features per window');

  // Editing the processing block clears the run that no longer matches it.
  await generate(page);
  await page.getByLabel('fft-length').fill('64');
  await page.getByLabel('fft-length').blur();
  await expect(page.getByTestId('feature-count')).toContainText('21 features per window');
  await expect(page.getByTestId('generate-summary')).toHaveCount(0);
  await expect(page.getByTestId('feature-explorer')).toHaveCount(0);
});

test('a long feature generation shows its progress, can be cancelled, and keeps what it computed', async ({
  page,
}) => {
  await createProject(page, 'Long audio');
  // 24 samples of 30 s of noisy tone at 16 kHz: tens of thousands of MFCC windows at a 20 ms stride.
  const files = Array.from({ length: 24 }, (_, i) => {
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
  await expect(page.getByTestId('import-report')).toContainText('Imported 24 samples');
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await page.getByLabel('Window stride').fill('20');
  await page.getByLabel('Window stride').blur();
  const panel = page.getByTestId('generate-panel');
  await panel.getByRole('button', { name: 'Generate features' }).click();
  await expect(panel.getByTestId('generate-progress')).toBeVisible();
  await expect(panel.getByTestId('generate-progress')).toContainText(/[1-9]\d* \/ 24 samples/, {
    timeout: 30_000,
  });
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toContainText('Cancelled. What was computed is cached');
  await expect(page.locator('.toast.error')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Generate features' }).click();
  await expect(panel.getByTestId('generate-summary')).toBeVisible({ timeout: 120_000 });
  await expect(panel.getByTestId('generate-summary')).toContainText(/[1-9]\d* from the cache/);
});
