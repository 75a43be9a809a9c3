import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseWav } from '../src/core/formats/wav';
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
  for (const [i, label] of ['yes', 'yes', 'background'].entries()) {
    await panel.getByLabel('Recording label').fill(label);
    await panel.getByLabel('Recording length (ms)').fill('1000');
    // The first recording starts after a 2 s countdown.
    await panel.getByLabel('Countdown (s)').fill(i === 0 ? '2' : '0');
    await panel.getByRole('button', { name: 'Start recording' }).click();
    await expect(page.getByTestId('record-status')).toBeVisible();
    if (i === 0) await expect(page.getByTestId('record-status')).toContainText('Recording in 2…');
    await expect(panel.getByRole('button', { name: 'Start recording' })).toBeVisible({ timeout: 10_000 });
  }
  const rows = page.getByTestId('sample-row');
  await expect(rows).toHaveCount(3);
  for (const text of await rows.allTextContents()) expect(text).toMatch(/1\.00 s.*16 kHz/);

  // What was recorded is the looping "yes" of the fake capture, not silence.
  await rows.filter({ hasText: 'yes' }).first().click();
  const download = page.waitForEvent('download');
  await page.getByTestId('sample-detail').getByRole('button', { name: 'WAV', exact: true }).click();
  const wav = parseWav('recorded.wav', readFileSync(await (await download).path()));
  const values = wav.sample.values as Int16Array;
  expect(wav.sample.intervalMs).toBeCloseTo(1000 / 16000, 6);
  expect(values.length).toBe(16000);
  const peak = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  expect(peak).toBeGreaterThan(8000);
  await screenshot(page, 'data-microphone');
});
