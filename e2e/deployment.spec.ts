import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { denseChain } from '../src/core/mcu/calibrationModels';
import { readTflite } from '../src/core/tflite/reader';
import { writeTflite } from '../src/core/tflite/writer';
import {
  collectFailedResponses,
  dismissToasts,
  forbidRemoteRequests,
  horizontalOverflow,
  screenshot,
  trainGestures,
} from './helpers';

const KWS = resolve('../shared/testdata/tflite/kws_ref_model.tflite');
const LIBRARY = 'Gesture_deployment_Impulse_1';

/** Waits for the estimate of the current choice, then downloads it; returns the file's name and bytes. */
async function download(page: Page): Promise<{ name: string; bytes: Uint8Array }> {
  await expect(page.getByTestId('deploy-latency')).toContainText('ms', { timeout: 60_000 });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('deploy-download').click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

const entries = (bytes: Uint8Array) => Object.keys(unzipSync(bytes));

test('downloads every format of a trained, quantised gesture impulse and of a dropped .tflite; a model too big for the board is flagged first', async ({
  page,
}) => {
  test.setTimeout(400_000);
  const remote = await forbidRemoteRequests(page);
  const failed = collectFailedResponses(page);
  await trainGestures(page, 'Gesture deployment');

  await page.goto('/#/deployment');
  await expect(page.getByRole('heading', { name: 'Deployment' })).toBeVisible();
  await expect(page.getByTestId('deploy-format-arduino')).toBeChecked();
  await expect(page.getByTestId('deploy-precision-int8')).toBeChecked();
  // The simulated figures of this exact choice on the target board, and that it fits.
  await expect(page.getByTestId('deploy-estimate')).toContainText('Arduino Nano 33 BLE Sense');
  await expect(page.getByTestId('deploy-estimate')).toContainText('Studio generated C, int8', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('deploy-fit')).toHaveAttribute('data-fits', 'true');
  await expect(page.getByTestId('deploy-ram')).toContainText('KB');
  await expect(page.getByTestId('deploy-flash')).toContainText('KB');
  await dismissToasts(page);
  await screenshot(page, 'deployment-1440');

  const arduino = await download(page);
  expect(arduino.name).toBe(`${LIBRARY}.zip`);
  // The getting-started guide's last step ticks off from the recorded download.
  await expect(page.locator('[data-testid="guide-step"][data-step="download"]')).toHaveAttribute(
    'data-done',
    'true',
  );
  expect(entries(arduino.bytes)).toEqual(
    expect.arrayContaining(
      [
        'library.properties',
        `src/${LIBRARY}.h`,
        'src/impulse.h',
        'src/impulse.c',
        'src/impulse_dsp.c',
        'src/impulse_model.c',
        'examples/stdio_runner/stdio_runner.c',
        'examples/nano33_ble_sense_rev1_imu/nano33_ble_sense_rev1_imu.ino',
        'examples/nano33_ble_sense_rev2_imu/nano33_ble_sense_rev2_imu.ino',
        'examples/nano33_ble_sense_tflite_micro/nano33_ble_sense_tflite_micro.ino',
        'examples/nano33_ble_sense_tflite_micro/model_data.cpp',
      ].map((p) => `${LIBRARY}/${p}`),
    ),
  );

  await page.getByTestId('deploy-format-cpp').check();
  const cpp = await download(page);
  expect(entries(cpp.bytes)).toEqual(
    expect.arrayContaining(
      [
        'README.md',
        'Makefile',
        'src/impulse.h',
        'src/impulse_model.h',
        'examples/stdio_runner/stdio_runner.c',
      ].map((p) => `${LIBRARY}/${p}`),
    ),
  );

  // The header and the .tflite run with TFLite Micro: the estimate follows the runtime.
  await page.getByTestId('deploy-format-header').check();
  await expect(page.getByTestId('deploy-estimate')).toContainText('TFLite Micro + CMSIS-NN, int8', {
    timeout: 60_000,
  });
  const header = await download(page);
  expect(entries(header.bytes).sort()).toEqual(
    ['README.md', 'model_data.cc', 'model_data.h'].map((p) => `${LIBRARY}_tflite_micro/${p}`),
  );

  await page.getByTestId('deploy-format-tflite').check();
  await page.getByTestId('deploy-precision-float32').check();
  await expect(page.getByTestId('deploy-estimate')).toContainText('float32', { timeout: 60_000 });
  const tflite = await download(page);
  expect(tflite.name).toBe(`${LIBRARY}_float32.tflite`);
  const graph = readTflite(tflite.bytes, tflite.name);
  expect(graph.tensors[graph.inputs[0]].dtype).toBe('float32');

  // Bring your own model: flagged before any download when it does not fit the target board.
  const big = denseChain(8192, [{ units: 64, activation: 'NONE' }], true, 'float32');
  await page.getByTestId('deploy-file-input').setInputFiles({
    name: 'big_dense.tflite',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(writeTflite(big)),
  });
  await expect(page.getByTestId('deploy-format-cpp')).toBeChecked();
  await expect(page.getByTestId('deploy-format-arduino')).toBeDisabled();
  await expect(page.getByTestId('deploy-fit')).toHaveAttribute('data-fits', 'false', { timeout: 60_000 });
  await expect(page.getByTestId('deploy-fit')).toContainText('Too big for Arduino Nano 33 BLE Sense');
  await expect(page.getByTestId('deploy-fit')).toContainText('flash');
  await page.getByTestId('deploy-fit').scrollIntoViewIfNeeded();
  await dismissToasts(page);
  await screenshot(page, 'deployment-too-big');

  // The KWS reference model becomes the library without a processing block.
  await page.getByTestId('deploy-file-input').setInputFiles({
    name: 'kws_ref_model.tflite',
    mimeType: 'application/octet-stream',
    buffer: readFileSync(KWS),
  });
  await expect(page.getByTestId('deploy-fit')).toHaveAttribute('data-fits', 'true', { timeout: 60_000 });
  const bare = await download(page);
  expect(bare.name).toBe('kws_ref_model.zip');
  expect(entries(bare.bytes)).toEqual(
    expect.arrayContaining([
      'kws_ref_model/src/model.h',
      'kws_ref_model/examples/stdio_runner/stdio_runner.c',
    ]),
  );
  expect(entries(bare.bytes).some((p) => p.includes('_dsp'))).toBe(false);

  // Back to the impulse; the page works by keyboard and fits a phone.
  await page.getByTestId('deploy-clear-file').click();
  await page.getByTestId('deploy-format-arduino').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('deploy-format-cpp')).toBeChecked();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('deploy-latency')).toContainText('ms', { timeout: 60_000 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await dismissToasts(page);
  await screenshot(page, 'deployment-390');
  await page.getByTestId('deploy-estimate').scrollIntoViewIfNeeded();
  await screenshot(page, 'deployment-390-estimate');
  expect(remote).toEqual([]);
  expect(failed).toEqual([]);
});
