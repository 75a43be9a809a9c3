import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { denseChain } from '../src/core/mcu/calibrationModels';
import { writeTflite } from '../src/core/tflite/writer';
import { OPERATOR_CODE } from '../src/core/tflite/schema';
import { operatorCodeTable, requiredField } from '../src/core/tflite/testUtils/flatPatch';
import {
  collectFailedResponses,
  forbidRemoteRequests,
  horizontalOverflow,
  screenshot,
  trainGestures,
} from './helpers';

const KWS = resolve('../shared/testdata/tflite/kws_ref_model.tflite');

const row = (page: Page, board: string) => page.locator(`[data-testid="profile-row"][data-board="${board}"]`);

async function dropTflite(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page
    .getByTestId('tflite-input')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('profiles the trained gesture impulse and dropped .tflite files on every board; the target board persists', async ({
  page,
}) => {
  test.setTimeout(400_000);
  const remote = await forbidRemoteRequests(page);
  const failed = collectFailedResponses(page);
  await trainGestures(page, 'Gesture profiling');

  // The Training page shows the quantised model on the default target board.
  await expect(page.getByTestId('target-figures-line')).toContainText(
    /≈ [\d.]+ ms · [\d.]+ KB RAM · [\d.]+ KB flash on Nano 33 BLE Sense/,
    { timeout: 30_000 },
  );

  await page.goto('/#/profiling');
  await expect(page.getByTestId('profile-row')).toHaveCount(9, { timeout: 60_000 });
  await expect(page.getByTestId('profile-execution')).toContainText('on the first window of sample');
  // The getting-started guide ticks the profile of this model off.
  await expect(page.locator('[data-testid="guide-step"][data-step="profile"]')).toHaveAttribute(
    'data-done',
    'true',
  );
  // int8 and float32 side by side; the impulse adds its DSP.
  await expect(page.getByRole('radio', { name: 'int8' })).toBeChecked();
  await expect(row(page, 'nano33ble').getByTestId('profile-latency')).toContainText('ms');
  await expect(row(page, 'nano33ble').getByTestId('profile-fits')).toHaveText('fits');
  const int8Flash = await row(page, 'nano33ble').getByTestId('profile-flash').textContent();
  await page.getByRole('radio', { name: 'float32' }).check();
  await expect(row(page, 'nano33ble').getByTestId('profile-flash')).not.toHaveText(int8Flash!);
  await page.getByRole('radio', { name: 'int8' }).check();
  await expect(page.getByTestId('profile-detail')).toContainText('DSP working buffers');
  await expect(page.getByTestId('layer-row').first()).toBeVisible();
  expect(await page.getByTestId('memory-plan-buffer').count()).toBeGreaterThan(2);
  await expect(page.getByTestId('latency-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('budget-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();

  // The calibration note, collapsed until asked for.
  await page.getByText('How the estimates are calibrated').click();
  await expect(page.getByTestId('calibration-table').locator('tbody tr').first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId('calibration-table')).toContainText('nucleo-l4r5zi/kws');

  // The target board is the project's, and survives a reload.
  await page.getByTestId('target-board').selectOption('pico2');
  await expect(row(page, 'pico2')).toContainText('target');
  await page.reload();
  await expect(page.getByTestId('target-board')).toHaveValue('pico2');
  await expect(page.getByTestId('profile-row')).toHaveCount(9, { timeout: 60_000 });
  await page.getByTestId('profile-detail').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'profiling-impulse-1440');
  await page.getByTestId('latency-chart').scrollIntoViewIfNeeded();
  await screenshot(page, 'profiling-charts-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('profile-table')).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, 'profiling-impulse-390');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/training');
  await expect(page.getByTestId('target-figures-line')).toContainText('on Pico 2', {
    timeout: 30_000,
  });
  await screenshot(page, 'profiling-training-target');

  // Bring your own model: the KWS reference model, run on a seeded input.
  await page.goto('/#/profiling');
  await expect(page.getByTestId('profile-row')).toHaveCount(9, { timeout: 60_000 });
  await dropTflite(page, 'kws_ref_model.tflite', readFileSync(KWS));
  await expect(page.getByTestId('profile-result')).toContainText('kws_ref_model.tflite', { timeout: 60_000 });
  await expect(page.getByTestId('profile-execution')).toContainText('a synthetic int8 input, seed 1');
  const nucleo = Number(
    (await row(page, 'nucleo-l4r5zi').getByTestId('profile-latency').textContent())!.replace(/[^\d.]/g, ''),
  );
  console.log(`KWS on the NUCLEO-L4R5ZI, TFLM + CMSIS-NN: ${nucleo} ms (MLPerf Tiny: 181.9 ms)`);
  expect(Math.abs(nucleo / 181.9 - 1)).toBeLessThanOrEqual(0.15);
  await expect(page.getByTestId('layer-row')).toHaveCount(13);
  await page.getByTestId('profile-runtime').selectOption('studio-generated');
  await expect(page.getByTestId('profile-detail')).toContainText('tensor arena (generated C)');
  await screenshot(page, 'profiling-tflite-1440');
  await page.getByTestId('memory-plan').scrollIntoViewIfNeeded();
  await screenshot(page, 'profiling-detail-1440');

  // A model too big for the Nicla Sense ME: shown as not fitting, with the budget and by how much.
  await page.getByTestId('profile-runtime').selectOption('tflm-cmsis-nn');
  const big = denseChain(8192, [{ units: 16, activation: 'NONE' }], true, 'float32');
  await dropTflite(page, 'big_dense.tflite', Buffer.from(writeTflite(big)));
  await expect(page.getByTestId('profile-result')).toContainText('big_dense.tflite', { timeout: 60_000 });
  const nicla = row(page, 'nicla-sense-me');
  await expect(nicla.getByTestId('profile-fits')).toHaveText('does not fit');
  await nicla.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByTestId('profile-reason')).toContainText(
    /Does not fit\. RAM: needs [\d.]+ KB, only 29\.0 KB free .* KB over/,
  );
  await expect(page.getByTestId('profile-reason')).toContainText('flash: needs');
  await expect(row(page, 'nucleo-l4r5zi').getByTestId('profile-fits')).toHaveText('fits');
  await screenshot(page, 'profiling-too-big');

  // An op the studio cannot run is named, with the ones it can.
  const patched = new Uint8Array(readFileSync(KWS));
  patched[requiredField(patched, operatorCodeTable(patched, 5), OPERATOR_CODE.deprecatedBuiltinCode)] = 28;
  await dropTflite(page, 'tanh.tflite', Buffer.from(patched));
  await expect(page.getByTestId('profile-error')).toContainText('tanh.tflite', { timeout: 30_000 });
  await expect(page.getByTestId('profile-error')).toContainText('uses TANH (code 28)');
  await expect(page.getByTestId('profile-error')).toContainText('supported: ADD, AVERAGE_POOL_2D, CONV_2D');
  expect(remote).toEqual([]);
  expect(failed).toEqual([]);
});
