import { test, expect } from '@playwright/test';

/**
 * The scale bench's seed hook (bench/scale.ts) at a small size, and training with augmentation on its gestures:
 * the training worker cuts the raw windows augmentation needs as views of each sample's signal, one per feature
 * row, and a window of the wrong length or order would fail or stall the run.
 */
test('the scale seed hook writes both projects; gestures train with augmentation', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/?studioTest#/projects');
  await page.waitForFunction(() => typeof window.__studioTest?.seedScaleProjects === 'function');
  const seeded = await page.evaluate(() =>
    window.__studioTest!.seedScaleProjects!({ imuSamples: 40, audioClips: 12, audioClipMs: 1000 }),
  );
  expect(seeded.map((p) => p.samples)).toEqual([40, 12]);
  await page.reload();

  await page.getByLabel('Current project').selectOption({ label: seeded[1].name });
  await page.goto('/?studioTest#/data');
  await expect(page.getByTestId('sample-row')).toHaveCount(12);

  await page.getByLabel('Current project').selectOption({ label: seeded[0].name });
  await page.getByLabel('Filter by label').selectOption('shake');
  await expect(page.getByTestId('sample-row')).toHaveCount(10);
  await page.getByTestId('sample-row').first().click();
  await expect(page.getByRole('img', { name: 'Chart of accX, accY, accZ over 10000 ms' })).toBeVisible();

  await page.goto('/?studioTest#/impulse');
  await page.getByRole('button', { name: 'Create an impulse' }).click();
  await page.getByTestId('generate-panel').getByRole('button', { name: 'Generate features' }).click();
  // 10 s at 100 Hz in 2 s windows every 0.5 s: 17 windows per sample.
  await expect(page.getByTestId('generate-summary')).toContainText('680 windows', { timeout: 60_000 });

  await page.goto('/?studioTest#/training');
  await page.getByLabel('Epochs').fill('5');
  await page.getByLabel('Data augmentation').check();
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-progress')).toBeVisible();
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('val-accuracy')).toHaveText(/%/);
  const accuracy = Number((await page.getByTestId('val-accuracy').textContent())!.replace(/[^\d.]/g, ''));
  // Four gestures that differ in pace and axis: far above the 25 % of chance even after 5 epochs.
  expect(accuracy).toBeGreaterThan(60);
});
