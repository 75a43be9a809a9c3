import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium-path.mjs';
import { createProject, screenshot } from './helpers';

test.use({
  launchOptions: {
    executablePath: findChromium() ?? undefined,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-audio-capture=${resolve('../shared/testdata/audio/yes_1000ms.wav')}`,
    ],
  },
});

test('computer microphone: 16 kHz capture, live chart, 3 labelled recordings', async ({ page }) => {
  await createProject(page, 'Microphone');
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Use this computer’s microphone' }).click();
  const card = page.getByTestId('source-card');
  await expect(card.getByTestId('source-status')).toHaveText('connected');
  await expect(card.getByTestId('sensor-table')).toContainText('16000 Hz');
  await expect(card.getByTestId('measured-rate')).toHaveText(/^1[56]\d{3}\.\d Hz$/, { timeout: 10_000 });
  await screenshot(page, 'devices-microphone');

  await page.goto('/#/data');
  const panel = page.getByTestId('record-panel');
  await expect(page.getByTestId('live-chart')).toHaveAttribute('data-status', 'live');
  for (const label of ['yes', 'yes', 'background']) {
    await panel.getByLabel('Recording label').fill(label);
    await panel.getByLabel('Recording length (ms)').fill('1000');
    await panel.getByRole('button', { name: 'Start recording' }).click();
    await expect(page.getByTestId('record-status')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Start recording' })).toBeVisible({ timeout: 10_000 });
  }
  const rows = page.getByTestId('sample-row');
  await expect(rows).toHaveCount(3);
  for (const text of await rows.allTextContents()) expect(text).toMatch(/1\.00 s.*16 kHz/);
  await screenshot(page, 'data-microphone');
});
