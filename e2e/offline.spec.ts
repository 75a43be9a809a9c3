import { test, expect } from '@playwright/test';
import { unzipSync } from 'fflate';
import {
  checkAgainstOfficialRuntime,
  collectCspViolations,
  collectForeignRequests,
  downloadArduinoLibrary,
  profileImpulse,
  trainGestures,
} from './helpers';

test.use({ serviceWorkers: 'allow' });

test('after one visit the whole path works with the network off: record, train, quantise, check against the official runtime, profile, download the Arduino library', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(400_000);
  const violations = await collectCspViolations(page);
  const foreign = collectForeignRequests(context, new URL(baseURL!).origin);

  // The first visit, online: the service worker installs and precaches the studio; it controls the next load.
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await expect(page.getByRole('navigation')).toBeVisible();

  await trainGestures(page, 'Offline');
  // The official TFLite runtime's frame and its wasm come from the precache too.
  await checkAgainstOfficialRuntime(page);
  await profileImpulse(page);
  const library = await downloadArduinoLibrary(page);
  expect(library.name).toBe('Offline_Impulse_1.zip');
  expect(Object.keys(unzipSync(library.bytes))).toContain('Offline_Impulse_1/library.properties');

  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});
