import { test, expect } from '@playwright/test';
import { createProject, forbidRemoteRequests, recordSample, screenshot } from './helpers';

const GESTURES = ['idle', 'wave', 'circle', 'punch'];
const JOINED = 'Accelerometer + gyroscope';

test('a 6-axis accelerometer + gyroscope impulse trains with the default settings and classifies live', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const remote = await forbidRemoteRequests(page);
  await createProject(page, 'Six axes');
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  // The board's accelerometer and gyroscope also stream as one joined, 6-axis sensor.
  await expect(page.getByRole('cell', { name: JOINED, exact: true })).toBeVisible();
  for (const gesture of GESTURES) {
    await page.goto('/#/devices');
    await page.getByLabel('Gesture performed').selectOption(gesture);
    await recordSample(page, JOINED, gesture, 12_000, 'training');
  }

  // The default impulse takes every axis of the data: 6 axes of spectral features.
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  for (const axis of ['accX', 'accY', 'accZ', 'gyrX', 'gyrY', 'gyrZ']) {
    await expect(page.getByRole('checkbox', { name: axis, exact: true })).toBeChecked();
  }
  await page.goto('/#/training');
  const architecture = page.getByTestId('architecture');
  await expect(architecture).toContainText('Input, 54 features');
  await expect(architecture.getByTestId('standardize-row')).toContainText('Standardise features');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-progress')).toBeVisible();
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 240_000 });
  const results = page.getByTestId('training-results');
  const accuracy = Number((await results.getByTestId('val-accuracy').textContent())!.replace(/[^\d.]/g, ''));
  console.log(`6-axis validation accuracy with default settings: ${accuracy} %`);
  expect(accuracy).toBeGreaterThanOrEqual(90);
  await expect(results.getByTestId('training-hint')).toHaveCount(0);
  await screenshot(page, 'training-six-axes');

  await page.goto('/#/devices');
  await page.getByLabel('Gesture performed').selectOption('punch');
  await page.goto('/#/live');
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-label')).toHaveText('punch', { timeout: 30_000 });
  await page.getByTestId('live-stop').click();
  expect(remote).toEqual([]);
});
