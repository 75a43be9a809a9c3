import { test, expect, type Page } from '@playwright/test';
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
  await expect(page.getByTestId('window-view').locator('canvas.heatmap')).toBeVisible();
  await screenshot(page, 'impulse-keywords');

  // Settings persist, and a re-run takes everything from the cache.
  await page.reload();
  await expect(page.getByLabel('Processing block')).toHaveValue('mfe');
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
  await expect(page.getByTestId('learning-block-card')).toContainText('Dense, 20 neurons, ReLU');
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
  await screenshot(page, 'impulse-gestures');
});
