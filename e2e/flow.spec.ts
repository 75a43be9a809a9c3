import { test, expect, type Page } from '@playwright/test';
import { createProject, recordSample, screenshot } from './helpers';

/** Windows classified so far, from the Live page's timing line. */
async function classified(page: Page): Promise<number> {
  const text = (await page.getByTestId('live-timing').textContent())!;
  return Number(/(\d+) windows? classified/.exec(text)![1]);
}

async function startVirtualBoard(page: Page): Promise<void> {
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  await expect(page.getByTestId('source-card').getByTestId('sensor-table')).toContainText('accelerometer');
}

const impulsePicker = (page: Page) => page.getByRole('combobox', { name: 'Impulse', exact: true });

test('a new user’s flow: gestures picked where they are used, Live across pages, features and impulse remembered', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await createProject(page, 'Flow');
  await startVirtualBoard(page);

  // The virtual board's gesture is picked on the Record panel itself: no trip to the Devices page.
  for (const gesture of ['wave', 'circle']) {
    await page.goto('/#/data');
    await page.getByTestId('record-panel').getByLabel('Gesture performed').selectOption(gesture);
    await recordSample(page, 'accelerometer', gesture, 8000, 'training');
  }
  await expect(page.getByTestId('record-panel').getByLabel('Gesture performed')).toHaveValue('circle');
  await screenshot(page, 'flow-record-gesture');

  // An empty project's Impulse page explains what an impulse is.
  await page.goto('/#/impulse');
  await expect(page.getByTestId('impulse-intro')).toContainText('What is an impulse?');
  await screenshot(page, 'flow-impulse-intro');
  await page.getByRole('button', { name: 'Create an impulse' }).click();
  await expect(page.getByTestId('impulse-intro')).toHaveCount(0);
  const panel = page.getByTestId('generate-panel');
  await panel.getByRole('button', { name: 'Generate features' }).click();
  // 8 s at 100 Hz in 2 s windows every 0.5 s: 13 windows per sample.
  await expect(panel.getByTestId('generate-summary')).toContainText('26 windows', { timeout: 60_000 });
  await expect(panel.getByTestId('generate-summary')).toHaveAttribute('data-origin', 'generated');
  const scatter = page.getByRole('application', { name: 'Feature scatter plot of 26 windows' });
  await expect(scatter).toBeVisible();

  // After a reload the features come back from the cache, with no Generate clicked.
  await page.reload();
  await expect(panel.getByTestId('generate-summary')).toHaveAttribute('data-origin', 'cache');
  await expect(panel.getByTestId('generate-summary')).toContainText(
    'From the cache: 26 windows × 27 features from 2 samples',
  );
  await expect(scatter).toBeVisible();
  await expect(page.getByTestId('feature-explorer')).not.toContainText('Generate features first');
  await screenshot(page, 'flow-impulse-from-cache');

  await page.goto('/#/training');
  await page.getByLabel('Epochs').fill('30');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('val-accuracy')).toBeVisible();

  // A second impulse is the last used; a reload selects it again on Training, not the first one.
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(page.getByRole('tab', { name: 'Impulse 2' })).toHaveAttribute('aria-selected', 'true');
  await page.goto('/#/training');
  await page.reload();
  await expect(impulsePicker(page).locator('option:checked')).toHaveText('Impulse 2');
  await impulsePicker(page).selectOption({ label: 'Impulse 1' });
  await page.reload();
  await expect(impulsePicker(page).locator('option:checked')).toHaveText('Impulse 1');

  // Live, with the gesture picked on the Live page.
  await startVirtualBoard(page);
  await page.goto('/#/live');
  await expect(impulsePicker(page).locator('option:checked')).toHaveText('Impulse 1');
  const liveGesture = page.getByTestId('live-controls').getByLabel('Gesture performed');
  await liveGesture.selectOption('circle');
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-label')).toHaveText('circle', { timeout: 30_000 });
  await liveGesture.selectOption('wave');
  await expect(page.getByTestId('live-label')).toHaveText('wave', { timeout: 30_000 });
  // A few µs of inference is below the browser clock's tick: never shown as "0 µs".
  await expect(page.getByTestId('live-timing')).not.toContainText(/(^|[^\d.])0 µs/);
  await expect(page.getByTestId('live-timing')).toContainText(/inference (< )?\d/);

  // Leaving the page keeps it running: the top bar says so, with the newest result and a Stop.
  const before = await classified(page);
  await page.goto('/#/data');
  const indicator = page.getByTestId('live-indicator');
  await expect(indicator).toContainText('Live classification running — wave');
  await expect(page.getByTestId('record-panel').getByLabel('Gesture performed')).toHaveValue('wave');
  await screenshot(page, 'flow-live-indicator');
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(indicator.getByRole('button', { name: 'Stop live classification' })).toBeInViewport();
  await screenshot(page, 'flow-live-indicator-phone');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForTimeout(2000);
  await page.goto('/#/live');
  await expect(indicator).toHaveCount(0);
  await expect(page.getByTestId('live-stop')).toBeVisible();
  expect(await classified(page)).toBeGreaterThan(before + 2);

  // Stopped, the last label is history, not the current result.
  await page.getByTestId('live-stop').click();
  const label = page.getByTestId('live-label');
  await expect(label).toHaveAttribute('data-state', 'stopped');
  await expect(page.getByTestId('live-results')).toContainText('Stopped — last result:');
  const stoppedAt = await classified(page);
  await page.waitForTimeout(1000);
  expect(await classified(page)).toBe(stoppedAt);
  await screenshot(page, 'flow-live-stopped');
  await page.goto('/#/data');
  await expect(indicator).toHaveCount(0);

  // The indicator's Stop works from another page.
  await page.goto('/#/live');
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-label')).toHaveAttribute('data-state', 'current');
  await page.goto('/#/impulse');
  await indicator.getByRole('button', { name: 'Stop live classification' }).click();
  await expect(indicator).toHaveCount(0);

  // A new sample has no cached features yet: the Impulse page says how many have.
  await recordSample(page, 'accelerometer', 'wave', 2000, 'training');
  await page.goto('/#/impulse');
  await page.getByRole('tab', { name: 'Impulse 1' }).click();
  await expect(panel.getByTestId('generate-partial-cache')).toHaveText(
    '2 of 3 samples have cached features — Generate to compute the rest.',
  );
  await expect(panel.getByTestId('generate-summary')).toHaveCount(0);
});
