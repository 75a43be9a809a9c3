import { test, expect, type Locator, type Page } from '@playwright/test';
import { createProject, importFiles, sampleRow, screenshot, type FilePayload } from './helpers';

/** A 3-axis accelerometer CSV of `ms` at 100 Hz: a wave (sines) or idle (gravity and a little noise). */
function motionCsv(name: string, ms: number, wave: boolean): FilePayload {
  const rows = ['timestamp,accX (m/s2),accY (m/s2),accZ (m/s2)'];
  for (let i = 0; i < ms / 10; i++) {
    const x = wave ? Math.sin(i / 5) * 4 : 0.02 * Math.sin(i * 1.7);
    const y = wave ? Math.cos(i / 7) * 2 : 0.02 * Math.cos(i * 2.3);
    rows.push(
      `${i * 10},${x.toFixed(3)},${y.toFixed(3)},${(9.81 + (wave ? Math.sin(i / 3) : 0)).toFixed(3)}`,
    );
  }
  return { name, mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') };
}

/** Three 2 s samples of each of two gestures, and a default impulse (2 s windows at 100 Hz). */
async function projectWithImpulse(page: Page, name: string): Promise<void> {
  await createProject(page, name);
  const files = [1, 2, 3].flatMap((n) => [
    motionCsv(`wave.rec${n}.csv`, 2000, true),
    motionCsv(`idle.rec${n}.csv`, 2000, false),
  ]);
  await importFiles(page, files);
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(page.getByTestId('feature-count')).toContainText('features per window');
}

/** The field's message: shown, announced, and linked to the field with aria-describedby. */
async function expectFieldMessage(field: Locator, message: string): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(message);
  const id = (await field.getAttribute('aria-describedby'))!;
  await expect(field.page().locator(`[id="${id}"]`)).toHaveAttribute('role', 'alert');
}

test('a wrong number of epochs blocks training with a message, and the model stays', async ({ page }) => {
  test.setTimeout(240_000);
  await projectWithImpulse(page, 'Epochs');
  await page.goto('/#/training');
  const epochs = page.getByLabel('Epochs');
  const start = page.getByTestId('train-start');
  await epochs.fill('3');
  await start.click();
  await expect(page.getByTestId('training-results')).toBeVisible({ timeout: 120_000 });
  await expect(start).toBeEnabled();
  const trained = (await page.getByTestId('training-results').locator('.muted.small').first().textContent())!;

  await epochs.fill('5000');
  const message = 'Epochs must be a whole number from 1 to 1000.';
  await expectFieldMessage(epochs, message);
  await expect(start).toBeDisabled();
  await expect(page.getByTestId('train-blocker')).toContainText(message);
  await expect(start).toHaveAccessibleDescription(/Epochs must be a whole number from 1 to 1000/);
  await epochs.press('Enter');
  await expect(page.getByTestId('training-progress')).toHaveCount(0);
  await screenshot(page, 'validation-epochs');

  // A fraction and an empty field are wrong too, with the same message; the value shown is the value kept.
  for (const text of ['2.5', '']) {
    await epochs.fill(text);
    await expectFieldMessage(epochs, message);
    await expect(start).toBeDisabled();
  }

  // The wrong value was never stored: after a reload the field and the model are what they were.
  await epochs.fill('5000');
  await page.reload();
  await expect(page.getByLabel('Epochs')).toHaveValue('3');
  await expect(page.getByTestId('training-results').locator('.muted.small').first()).toHaveText(trained);
  await expect(page.getByTestId('last-run-status')).toHaveCount(0);

  // Fixed, it trains again; other fields of the architecture editor and of quantisation say what is wrong too.
  await page.getByLabel('Layer 1 neurons').fill('0');
  await expectFieldMessage(
    page.getByLabel('Layer 1 neurons'),
    'Layer 1: Neurons must be a whole number from 1 to 4096.',
  );
  await expect(page.getByTestId('train-start')).toBeDisabled();
  await page.getByLabel('Layer 1 neurons').fill('20');
  await expect(page.getByTestId('train-start')).toBeEnabled();
  await expect(page.getByTestId('train-blocker')).toHaveCount(0);

  const quantize = page.getByTestId('quantize-panel');
  await quantize.getByLabel('Calibration').selectOption('percentile');
  await quantize.getByLabel('Percentile', { exact: true }).fill('50');
  await expectFieldMessage(
    quantize.getByLabel('Percentile', { exact: true }),
    'Percentile must be a number above 50 and at most 100.',
  );
  await expect(quantize.getByTestId('quantize-start')).toBeDisabled();
  await quantize.scrollIntoViewIfNeeded();
  await screenshot(page, 'validation-quantize');
});

test('impulse and data forms say what is wrong; a window longer than the samples is explained', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await projectWithImpulse(page, 'Windows');
  const size = page.getByLabel('Window size');
  const generate = page.getByTestId('generate-panel').getByRole('button', { name: 'Generate features' });

  await size.fill('0');
  await expectFieldMessage(size, 'Window size must be a number above 0 and at most 600,000 ms.');
  await expect(generate).toBeDisabled();
  await expect(page.getByTestId('generate-blocker')).toContainText('Window size must be');
  await screenshot(page, 'validation-window-size');
  await page.goto('/#/training');
  await expect(page.getByText('The impulse design needs attention before training')).toBeVisible();
  await page.reload();
  await page.goto('/#/impulse');
  await expect(page.getByLabel('Window size')).toHaveValue('2000');

  // A stride under one sample period (10 ms at 100 Hz) would start windows on the same frame twice.
  const stride = page.getByLabel('Window stride');
  const strideBefore = await stride.inputValue();
  await expect(page.getByLabel('Frequency')).toHaveValue('100');
  await stride.fill('5');
  await expectFieldMessage(
    stride,
    'The window stride 5 ms is shorter than one sample at 100 Hz, so windows would repeat: use a stride of at ' +
      'least 10 ms.',
  );
  await expect(generate).toBeDisabled();
  await expect(page.getByTestId('generate-blocker')).toContainText('use a stride of at least 10 ms');
  await screenshot(page, 'validation-window-stride');
  await stride.fill(strideBefore);
  await expect(generate).toBeEnabled();

  // 5 s windows on 2 s samples: 60 % of every window is zero padding.
  await size.fill('5000');
  const warning = page.getByTestId('window-fit-warning');
  await expect(warning).toHaveText(
    'Your samples are 2 s long but the window is 5 s: 60 % of each window is zero padding. ' +
      'Shorten the window or record longer samples.',
  );
  await screenshot(page, 'validation-padding');

  // Without zero-padding no sample gives a window: the impulse page, feature generation and training say why.
  const cause =
    'No sample is at least 5000 ms long (the longest is 2000 ms); shorten the window or turn on zero-padding.';
  await page.getByLabel('Zero-pad samples shorter than a window').uncheck();
  await expect(warning).toHaveText(cause);
  await generate.click();
  await expect(page.getByTestId('generate-panel').locator('.error-text')).toHaveText(cause);
  await page.goto('/#/training');
  await expect(page.getByTestId('train-blocker')).toContainText(cause);
  await expect(page.getByTestId('train-start')).toBeDisabled();

  // One sample long enough: features come from it, and the summary names a sample left without a window.
  await importFiles(page, [motionCsv('wave.long.csv', 6000, true)]);
  await page.goto('/#/impulse');
  await expect(warning).toContainText('6 of 7 samples');
  await generate.click();
  await expect(page.getByTestId('generate-summary')).toContainText(
    /\d windows × \d+ features from 7 samples .* 6 samples give no window\. “(wave|idle)\.rec\d”: The sample is 2000 ms long, shorter than the 5000 ms window, and zero-padding is off/,
  );

  // The crop tool's fields.
  await page.goto('/#/data');
  await sampleRow(page, 'wave.rec1').click();
  await page.getByRole('button', { name: 'Crop', exact: true }).click();
  await page.getByLabel('Crop end (ms)').fill('9000');
  await expectFieldMessage(page.getByLabel('Crop end (ms)'), 'To must be a number from 0 to 2000 ms.');
  await expect(page.getByRole('button', { name: 'Crop to the range' })).toBeDisabled();
  await screenshot(page, 'validation-crop');
});

test('a recording length out of range blocks recording with a message', async ({ page }) => {
  await createProject(page, 'Recording');
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  await page.goto('/#/data');
  const panel = page.getByTestId('record-panel');
  const record = panel.getByRole('button', { name: 'Start recording' });
  await panel.getByLabel('Recording label').fill('wave');
  await expect(record).toBeEnabled();
  const length = panel.getByLabel('Recording length (ms)');
  await length.fill('50');
  await expectFieldMessage(length, 'Length must be a whole number from 100 to 600,000 ms.');
  await expect(record).toBeDisabled();
  await length.press('Enter');
  await expect(page.getByTestId('record-status')).toHaveCount(0);
  await panel.getByLabel('Recording label').fill('');
  await expectFieldMessage(
    panel.getByLabel('Recording label'),
    'Enter a label for the recording (e.g. wave).',
  );
  await screenshot(page, 'validation-record');

  // Cancel stops the recording and keeps nothing; the same click does not start a new recording.
  await panel.getByLabel('Recording label').fill('wave');
  await length.fill('20000');
  await record.click();
  await expect(page.getByTestId('record-status')).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('record-status')).toHaveCount(0);
  await expect(record).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('record-status')).toHaveCount(0);
  await expect(page.getByTestId('sample-row')).toHaveCount(0);
});
