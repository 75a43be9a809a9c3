import { test, expect, type Page } from '@playwright/test';
import { createProject, forbidRemoteRequests, gestureCsv, recordSample, screenshot } from './helpers';

const summaryRow = (page: Page, label: string) =>
  page.locator(`[data-testid="summary-label-row"][data-label="${label}"]`);

test('five automatic recordings per label of three labels give every label a test sample', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const remote = await forbidRemoteRequests(page);
  await createProject(page, 'Stratified split');
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  const gestures = ['idle', 'wave', 'circle'];
  for (const gesture of gestures) {
    await page.goto('/#/devices');
    await page.getByLabel('Gesture performed').selectOption(gesture);
    for (let i = 0; i < 5; i++) await recordSample(page, 'accelerometer', gesture, 1000, 'auto');
  }
  await expect(page.getByTestId('sample-row')).toHaveCount(15);
  const summary = page.getByTestId('dataset-summary');
  for (const gesture of gestures) {
    // Rank 2 of 5 in each label is for testing: exactly one test sample, four training ones.
    await expect(summaryRow(page, gesture).getByTestId('summary-test-count')).toHaveText('1');
  }
  await expect(summary.getByTestId('no-test-warning')).toHaveCount(0);
  await summary.getByTestId('reset-split').click();
  await expect(page.locator('.toast').last()).toContainText(
    'Nothing to move: every sample is already in its default category.',
  );
  await summary.scrollIntoViewIfNeeded();
  await screenshot(page, 'split-recorded');
  expect(remote).toEqual([]);
});

test('a label with only training samples is named on the Data page, and Reset gives it a test sample', async ({
  page,
}) => {
  await createProject(page, 'No test samples');
  await page.goto('/#/data');
  await page.getByLabel('Import category').selectOption('training');
  await page
    .getByTestId('import-input')
    .setInputFiles(['wave.1.csv', 'wave.2.csv', 'wave.3.csv', 'idle.1.csv'].map((n) => gestureCsv(n)));
  await expect(page.getByTestId('import-report')).toContainText('Imported 4 samples');
  const summary = page.getByTestId('dataset-summary');
  const warning = summary.getByTestId('no-test-warning');
  await expect(warning).toContainText('No test samples for “idle”, “wave”');
  await expect(warning).toContainText('“Reset train/test split” above gives “wave” one');
  await expect(warning).toContainText('“idle” has fewer than 3 samples: record more, or move one to testing');
  await expect(summaryRow(page, 'wave').getByTestId('summary-test-count')).toHaveText('0 ⚠');
  await summary.scrollIntoViewIfNeeded();
  await screenshot(page, 'split-no-test-warning');

  await summary.getByTestId('reset-split').click();
  await expect(summaryRow(page, 'wave').getByTestId('summary-test-count')).toHaveText('1');
  await expect(warning).toContainText('No test samples for “idle”');
  await expect(warning).not.toContainText('wave');
  await expect(page.locator('.toast').filter({ hasText: 'Reset the train/test split' })).toBeVisible();
  // Undo puts the samples back where the user had them.
  await page.getByRole('button', { name: 'Undo' }).first().click();
  await expect(warning).toContainText('No test samples for “idle”, “wave”');
});
