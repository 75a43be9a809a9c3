import { test, expect } from '@playwright/test';
import { fakeSerial, installFakeSerial, play } from './fakeSerial';
import { forwarderLines, studioStream } from './streams';
import { createProject, recordSample, screenshot } from './helpers';

test('data-forwarder board: rate and axes detected, noise skipped, 3 recordings, unplug mid-recording, replug', async ({
  page,
}) => {
  await installFakeSerial(page);
  await createProject(page, 'Forwarder');
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Connect a board (USB)…' }).click();
  const card = page.getByTestId('source-card');
  await expect(card).toContainText('Arduino Nano 33 BLE Sense');
  const stream = forwarderLines(60, 62.5);
  await play(page, stream.bytes, stream.bytesPerSecond, stream.schedule);
  await expect(card).toContainText('Data forwarder');
  await expect(card.getByTestId('sensor-table')).toContainText('62.5 Hz', { timeout: 10_000 });
  await expect(card.getByTestId('malformed-lines')).not.toHaveText('Malformed lines skipped: 0', {
    timeout: 10_000,
  });
  // Name the columns; the names are remembered for this board.
  const form = card.getByTestId('axis-names');
  for (let i = 1; i <= 3; i++) await form.getByLabel(`Axis ${i} units`).fill('m/s2');
  await form.getByRole('button', { name: 'Save names' }).click();
  await expect(card.getByTestId('sensor-table')).toContainText('accX (m/s2)');
  await screenshot(page, 'devices-forwarder');

  for (const label of ['wave', 'idle', 'wave']) await recordSample(page, '3 values per line', label, 2000);
  const rows = page.getByTestId('sample-row');
  await expect(rows).toHaveCount(3);
  for (const text of await rows.allTextContents()) expect(text).toMatch(/(wave|idle).*2\.00 s.*62\.5 Hz/);

  // The user can state the rate (remembered for this board) instead of the detected one.
  await page.goto('/#/devices');
  await expect(card.getByTestId('rate-source')).toHaveText('detected');
  const rateForm = card.getByTestId('forwarder-rate');
  await rateForm.getByLabel('Auto-detect the rate').uncheck();
  await expect(rateForm.getByLabel('Sampling rate (Hz)')).toHaveValue('62.5');
  await rateForm.getByLabel('Sampling rate (Hz)').fill('50');
  await rateForm.getByRole('button', { name: 'Save rate' }).click();
  await expect(card.getByTestId('rate-source')).toHaveText('set by you (detected 62.5 Hz)');
  await recordSample(page, '3 values per line', 'stated', 4000);
  await expect(rows.filter({ hasText: 'stated' })).toContainText('50 Hz');
  // A noise line comes every 97 readings (1.55 s), so this 4 s recording holds breaks, and the sample says so.
  await rows.filter({ hasText: 'stated' }).click();
  await expect(page.getByTestId('stream-gaps')).toHaveText(/^[2-9] breaks in the stream$/);
  await page.goto('/#/devices');
  await rateForm.getByLabel('Auto-detect the rate').check();
  await rateForm.getByRole('button', { name: 'Save rate' }).click();
  await expect(card.getByTestId('rate-source')).toHaveText('detected');
  await expect(card.getByTestId('sensor-table')).toContainText('62.5 Hz');

  // Unplug during a 20 s recording: keep what arrived.
  await page.goto('/#/data');
  const panel = page.getByTestId('record-panel');
  await panel.getByLabel('Recording label').fill('cut');
  await panel.getByLabel('Recording length (ms)').fill('20000');
  await panel.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByTestId('record-status')).toContainText(/Recording [1-9]\.\d/);
  await fakeSerial(page, 'unplug');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('disconnected');
  await screenshot(page, 'record-interrupted');
  await dialog.getByRole('button', { name: /^Keep/ }).click();
  await expect(rows).toHaveCount(5);

  // The same board plugged back in reconnects by itself.
  await page.goto('/#/devices');
  await expect(page.getByTestId('source-status')).toHaveText('disconnected');
  await fakeSerial(page, 'plugIn');
  await expect(page.getByTestId('source-status')).toHaveText('connected');
  // The names given to this board's columns are remembered.
  await play(page, stream.bytes, stream.bytesPerSecond, stream.schedule);
  await expect(card.getByTestId('sensor-table')).toContainText('accX (m/s2)', { timeout: 10_000 });
  await expect(card.getByTestId('sensor-table')).toContainText('62.5 Hz', { timeout: 10_000 });

  // A second unplug mid-recording, this time discarding what was captured.
  await page.goto('/#/data');
  await panel.getByLabel('Recording label').fill('dropped');
  await panel.getByLabel('Recording length (ms)').fill('20000');
  await panel.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByTestId('record-status')).toContainText(/Recording [1-9]\.\d/, { timeout: 10_000 });
  await fakeSerial(page, 'unplug');
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: 'dropped' })).toHaveCount(0);
});

test('studio-protocol board: handshake, dropped and corrupt frames counted, IMU and audio recordings', async ({
  page,
}) => {
  await installFakeSerial(page);
  await createProject(page, 'Studio protocol');
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Connect a board (USB)…' }).click();
  // 3 accelerometer frames left out, 1 audio frame corrupted (its sequence number then is missing too).
  const stream = studioStream(40, [10, 11, 40], [5], 37);
  await play(page, stream.bytes, stream.bytesPerSecond);
  const card = page.getByTestId('source-card');
  await expect(card).toContainText('TinyML Studio protocol');
  await expect(card).toContainText('Rev2 · firmware 1.0.0');
  await expect(card.getByTestId('sensor-table')).toContainText('accX (m/s2)');
  await expect(card.getByTestId('corrupt-frames')).toHaveText('Corrupt frames: 1', { timeout: 10_000 });
  await expect(card.getByTestId('dropped-frames')).toHaveText('Dropped frames: 4');
  await expect(card.getByTestId('measured-rate').first()).toHaveText(/^(9\d|10\d)\.\d Hz$/);
  await screenshot(page, 'devices-studio');
  // The host asked for the handshake.
  const written = await page.evaluate(
    () => (window as unknown as { __fakeSerial: { written: number[][] } }).__fakeSerial.written.length,
  );
  expect(written).toBeGreaterThan(0);

  for (const label of ['circle', 'punch']) await recordSample(page, 'accelerometer', label, 1000);
  await recordSample(page, 'microphone', 'tone', 500);
  const rows = page.getByTestId('sample-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'tone' })).toContainText(/500 ms.*16 kHz/);
  await expect(rows.filter({ hasText: 'circle' })).toContainText(/1\.00 s.*100 Hz/);

  // Unplugged during a 20 s audio recording: the audio that arrived is kept, nothing made up.
  const panel = page.getByTestId('record-panel');
  await panel.getByLabel('Sensor').selectOption({ label: 'microphone' });
  await panel.getByLabel('Recording label').fill('cut');
  await panel.getByLabel('Recording length (ms)').fill('20000');
  await panel.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByTestId('record-status')).toContainText(/Recording [1-9]\.\d/, { timeout: 10_000 });
  await fakeSerial(page, 'unplug');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('disconnected');
  await dialog.getByRole('button', { name: /^Keep/ }).click();
  await expect(rows).toHaveCount(4);
  const cut = await rows.filter({ hasText: 'cut' }).textContent();
  const [, amount, unit] = /(?:train|test)(\d+(?:\.\d+)?) (ms|s)/.exec(cut!)!;
  const seconds = Number(amount) / (unit === 'ms' ? 1000 : 1);
  expect(seconds).toBeGreaterThan(0.2);
  expect(seconds).toBeLessThan(20);
});
