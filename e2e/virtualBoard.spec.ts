import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { createProject, forbidRemoteRequests, recordSample, screenshot } from './helpers';

test('virtual board: connect, see its sensors, record 3 labelled gestures, survive an unplug', async ({
  page,
}) => {
  const remote = await forbidRemoteRequests(page);
  await createProject(page, 'Virtual gestures');
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  const card = page.getByTestId('source-card');
  await expect(card).toContainText('Virtual Nano 33 BLE Sense (simulated)');
  await expect(card).toContainText('simulated data');
  await expect(card.getByTestId('sensor-table')).toContainText('accelerometer');
  await expect(card.getByTestId('sensor-table')).toContainText('microphone');
  // The measured rate comes from the frames actually parsed.
  await expect(card.getByTestId('measured-rate').first()).toHaveText(/^(9\d|10\d)\.\d Hz$/, {
    timeout: 10_000,
  });
  await expect(card.getByTestId('dropped-frames')).toHaveText('Dropped frames: 0');
  await screenshot(page, 'devices-virtual');

  // The studio firmware downloads as an Arduino sketch folder.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the sketch (.zip)' }).click();
  const sketch = unzipSync(readFileSync(await (await download).path()));
  expect(Object.keys(sketch).sort()).toEqual([
    'tinyml_studio/studio_protocol.cpp',
    'tinyml_studio/studio_protocol.h',
    'tinyml_studio/tinyml_studio.ino',
  ]);
  expect(new TextDecoder().decode(sketch['tinyml_studio/tinyml_studio.ino'])).toContain('STUDIO_BOARD_REV');

  for (const gesture of ['wave', 'idle', 'circle']) {
    await page.goto('/#/devices');
    await page.getByLabel('Gesture performed').selectOption(gesture);
    await recordSample(page, 'accelerometer', gesture, 1000);
  }
  await screenshot(page, 'data-recorded');
  const rows = page.getByTestId('sample-row');
  await expect(rows).toHaveCount(3);
  for (const gesture of ['wave', 'idle', 'circle']) {
    await expect(rows.filter({ hasText: gesture })).toContainText('1.00 s');
    await expect(rows.filter({ hasText: gesture })).toContainText('100 Hz');
  }

  // Per-sensor stream switches and rates are host commands the (virtual) firmware acknowledges.
  await page.goto('/#/devices');
  const table = card.getByTestId('sensor-table');
  // The gyroscope's own row (the joined accelerometer + gyroscope streams have rows of their own).
  const gyroRate = table
    .locator('tr', { has: page.getByLabel('Stream gyroscope') })
    .getByTestId('measured-rate');
  await card.getByLabel('Stream gyroscope').uncheck();
  await expect(gyroRate).toHaveText('stopped');
  await page.goto('/#/data');
  const panel = page.getByTestId('record-panel');
  await panel.getByLabel('Sensor').selectOption({ label: 'gyroscope' });
  await panel.getByLabel('Recording label').fill('spin');
  await panel.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.locator('.toast.error')).toContainText('gyroscope stream is switched off');
  await expect(rows).toHaveCount(3);
  await page.goto('/#/devices');
  await card.getByLabel('Stream gyroscope').check();
  await expect(gyroRate).toHaveText(/^(9\d|10\d)\.\d Hz$/, { timeout: 10_000 });
  await card.getByLabel('accelerometer rate').selectOption('50');
  await expect(table.locator('tr', { hasText: 'accelerometer' }).getByTestId('measured-rate')).toHaveText(
    /^(4\d|5\d)\.\d Hz$/,
    { timeout: 10_000 },
  );
  await recordSample(page, 'accelerometer', 'slow', 1000);
  await expect(rows.filter({ hasText: 'slow' })).toContainText('50 Hz');
  await expect(rows).toHaveCount(4);

  // Unplug mid-recording: what was captured is offered, and kept on request.
  await panel.getByLabel('Recording label').fill('cut');
  await panel.getByLabel('Recording length (ms)').fill('10000');
  await panel.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByTestId('record-status')).toContainText(/Recording [1-9]\.\d/);
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Simulate unplugging' }).click();
  await expect(page.getByTestId('source-status')).toHaveText('disconnected');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Recording interrupted');
  await dialog.getByRole('button', { name: /^Keep/ }).click();
  await page.goto('/#/data');
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: 'cut' })).toBeVisible();
  expect(remote).toEqual([]);
});
