import { test, expect, type Page } from '@playwright/test';
import { createProject, recordSample, screenshot } from './helpers';

const percent = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).textContent())!.replace(/[^\d.]/g, ''));

test('the two test accuracies are named, agree where they count the same thing, and the threshold shows its effect', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await createProject(page, 'Test accuracies');
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  for (const gesture of ['idle', 'wave', 'circle']) {
    await page.goto('/#/devices');
    await page.getByLabel('Gesture performed').selectOption(gesture);
    await recordSample(page, 'accelerometer', gesture, 6000, 'training');
    await recordSample(page, 'accelerometer', gesture, 3000, 'testing');
  }
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(page.getByTestId('feature-count')).toBeVisible();
  await page.goto('/#/training');
  await page.getByLabel('Epochs').fill('20');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-progress')).toBeVisible();
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 180_000 });
  const panel = page.getByTestId('quantize-panel');
  await panel.getByTestId('quantize-start').click();
  await expect(panel.getByTestId('int8-size')).toContainText('× smaller', { timeout: 120_000 });
  await expect(panel).toContainText('float32 accuracy per window, top score');
  await expect(panel.getByTestId('precision-accuracy-note')).toContainText('no confidence threshold');
  const quantizeFloat = await percent(page, 'float-accuracy');
  await panel.getByTestId('precision-accuracy-note').scrollIntoViewIfNeeded();
  await screenshot(page, 'quantize-accuracy-names');

  await page.goto('/#/testing');
  await page.getByTestId('test-run').click();
  await expect(page.getByTestId('test-sample-row')).toHaveCount(3, { timeout: 60_000 });
  const results = page.getByTestId('test-results');
  await expect(results).toContainText('Accuracy per sample');
  await expect(results).toContainText('confidence threshold 0.6 · 3 samples');
  await expect(results).toContainText('Accuracy per window, top score');
  // Per window with no threshold, float32: the same windows and rule as the quantisation panel.
  expect(await percent(page, 'test-window-accuracy')).toBe(quantizeFloat);

  // The tested threshold's row repeats the headline; threshold 0 is the accuracy without one.
  const rows = page.getByTestId('threshold-row');
  await expect(rows).toHaveCount(6);
  const tested = rows.filter({ hasText: '(tested)' });
  await expect(tested).toHaveCount(1);
  await expect(tested.locator('td').nth(1)).toHaveText(
    (await page.getByTestId('test-accuracy').textContent())!,
  );
  await expect(rows.first().locator('td').nth(3)).toHaveText(
    (await page.getByTestId('test-window-accuracy').textContent())!,
  );
  await expect(rows.first().locator('td').nth(2)).toHaveText(/^0 of 3 /);

  // Each sample's confidence is at or above the threshold exactly when it has a label.
  for (const row of await page.getByTestId('test-sample-row').all()) {
    const predicted = (await row.locator('td.predicted').textContent())!;
    const score = Number(await row.getByTestId('test-sample-score').textContent());
    expect(score >= 0.6, `${predicted} at ${score}`).toBe(predicted !== 'uncertain');
  }
  await results.scrollIntoViewIfNeeded();
  await screenshot(page, 'testing-accuracies');
  await page.getByTestId('threshold-effect').scrollIntoViewIfNeeded();
  await screenshot(page, 'testing-threshold-effect');
});
