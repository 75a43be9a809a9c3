import { test, expect } from '@playwright/test';
import { createProject, gestureCsv, importFiles, screenshot } from './helpers';

test('spectral block with Wavelet analysis: only its fields, a live count, features and their sub-bands', async ({
  page,
}) => {
  await createProject(page, 'Wavelets');
  await importFiles(page, [
    gestureCsv('wave.rec1.csv'),
    gestureCsv('wave.rec2.csv'),
    gestureCsv('circle.rec1.csv'),
  ]);
  await expect(page.getByTestId('import-report')).toContainText('Imported 3 samples');
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(page.getByTestId('feature-count')).toContainText('27 features per window');
  const params = page.getByTestId('dsp-params');
  await expect(params.getByLabel('wavelet', { exact: true })).toHaveCount(0);

  await params.getByLabel('analysis-type').selectOption('Wavelet');
  // db4 at level 1: approximation and detail, 14 statistics each, for 3 axes.
  await expect(page.getByTestId('feature-count')).toContainText('84 features per window');
  await expect(params.getByLabel('fft-length')).toHaveCount(0);
  await expect(params.getByLabel('do-log')).toHaveCount(0);
  await expect(page.getByTestId('dsp-param-notes')).toContainText(
    'Not shown, used by FFT analysis only: fft-length, do-log, do-fft-overlap, extra-low-freq.',
  );
  await params.getByLabel('wavelet', { exact: true }).selectOption('sym5');
  await params.getByLabel('wavelet-level').fill('3');
  // 2 s at 100 Hz is 200 samples; level 3 needs 32 · 2³ = 256.
  await expect(page.getByTestId('feature-count')).toContainText(
    'wavelet-level 3 needs at least 256 samples per axis',
  );
  await expect(page.getByTestId('feature-count')).toContainText('at least 2560 ms');
  await params.getByLabel('wavelet-level').fill('2');
  await expect(page.getByTestId('feature-count')).toContainText('126 features per window');

  const panel = page.getByTestId('generate-panel');
  await panel.getByRole('button', { name: 'Generate features' }).click();
  await expect(panel.getByTestId('generate-summary')).toContainText(
    '3 windows × 126 features from 3 samples',
    {
      timeout: 60_000,
    },
  );
  const view = page.getByTestId('window-view').getByTestId('wavelet-view');
  await expect(view).toContainText('Wavelet sym5, level 2');
  // sym5, 2 levels at 100 Hz: A2 holds 0–12.5 Hz, D2 12.5–25 Hz, D1 25–50 Hz.
  await expect(view.getByTestId('wavelet-bands')).toContainText(
    'L0 (A2, 0–12.5 Hz) · L1 (D2, 12.5–25 Hz) · L2 (D1, 25–50 Hz)',
  );
  for (const text of ['accX', 'accY', 'accZ', 'entropy', 'zcross', 'median', 'kurtosis'])
    await expect(view.getByTestId('wavelet-statistics')).toContainText(text);
  await page.getByTestId('dsp-params').scrollIntoViewIfNeeded();
  await screenshot(page, 'impulse-wavelet');
  await view.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await screenshot(page, 'impulse-wavelet-view');

  // The choice persists; back on FFT its own fields return and the wavelet ones go.
  await page.reload();
  await expect(params.getByLabel('analysis-type')).toHaveValue('Wavelet');
  await expect(params.getByLabel('wavelet', { exact: true })).toHaveValue('sym5');
  await params.getByLabel('analysis-type').selectOption('FFT');
  await expect(page.getByTestId('feature-count')).toContainText('27 features per window');
  await expect(params.getByLabel('fft-length')).toBeVisible();
  await expect(params.getByLabel('wavelet-level')).toHaveCount(0);
});
