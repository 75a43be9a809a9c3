import { test, expect } from '@playwright/test';
import { unzipSync } from 'fflate';
import {
  collectCspViolations,
  collectFailedResponses,
  collectForeignRequests,
  downloadArduinoLibrary,
  profileImpulse,
  trainGestures,
} from './helpers';

const PAGES = [
  'projects',
  'devices',
  'data',
  'impulse',
  'training',
  'profiling',
  'testing',
  'live',
  'deployment',
];

test('no request leaves the origin and nothing breaks the Content-Security-Policy over the whole user path', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(400_000);
  const violations = await collectCspViolations(page);
  const failed = collectFailedResponses(page);
  // Every request of the context: the pages, the workers they start, the service worker's precaching.
  const foreign = collectForeignRequests(context, new URL(baseURL!).origin);

  await trainGestures(page, 'Private');
  await profileImpulse(page);
  const library = await downloadArduinoLibrary(page);
  expect(Object.keys(unzipSync(library.bytes))).toContain('Private_Impulse_1/library.properties');
  for (const id of PAGES) {
    await page.goto(`/#/${id}`);
    await expect(page.getByTestId(`page-${id}`).getByRole('heading', { level: 1 }).first()).toBeVisible();
  }

  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
  expect(failed).toEqual([]);
});
