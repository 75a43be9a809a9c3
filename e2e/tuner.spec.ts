import { test, expect } from '@playwright/test';
import { unzipSync } from 'fflate';
import {
  dismissToasts,
  downloadArduinoLibrary,
  forbidRemoteRequests,
  gestureProjectWithTests,
  screenshot,
} from './helpers';

test('virtual-board gestures: the tuner finds a candidate that fits a Nano 33 BLE Sense, survives a reload, saves it, and it exports as an Arduino library', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const remote = await forbidRemoteRequests(page);
  await gestureProjectWithTests(page, 'Tuner');

  await page.goto('/#/tuner');
  await expect(page.getByTestId('target-board')).toHaveValue('nano33ble');
  // The budget comes from the board: 256 KB RAM − 45 KB and 1024 KB flash − 147 KB for the Mbed OS core.
  await expect(page.getByLabel('RAM budget')).toHaveValue('211');
  await expect(page.getByLabel('Flash budget')).toHaveValue('877');
  await expect(page.getByLabel('Latency budget')).toHaveValue('500');
  await expect(page.getByTestId('tuner-space')).toContainText('FFT length');
  await page.getByLabel('Candidates').fill('4');
  await page.getByLabel('First rung epochs').fill('5');
  await page.getByLabel('Last rung epochs').fill('10');
  await page.getByTestId('tuner-start').click();
  await expect(page.getByTestId('tuner-row').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('tuner-training').first()).toBeVisible({ timeout: 60_000 });

  // Cancel once a training is stored, then reload: the finished one is shown and the rest can be resumed.
  await expect(page.getByTestId('tuner-progress')).toContainText(/^[1-9]\d* \/ 6 trainings/, {
    timeout: 120_000,
  });
  await page.getByTestId('tuner-cancel').click();
  await expect(page.getByTestId('tuner-run-message')).toContainText('Cancelled', { timeout: 60_000 });
  await page.reload();
  await expect(page.getByTestId('tuner-row').first()).toBeVisible();
  // The stored trainings show once the run has loaded (the rows may first render before their evaluations).
  await expect(
    page.locator(
      '[data-testid="tuner-row"]:not([data-state="waiting"]):not([data-state="not-trained"]):not([data-state="rejected"])',
    ),
  ).not.toHaveCount(0);
  await page.getByTestId('tuner-resume').click();
  await expect(page.getByTestId('tuner-cancel')).toBeVisible();
  await expect(page.getByTestId('tuner-start')).toBeEnabled({ timeout: 180_000 });
  await expect(page.getByTestId('tuner-cancel')).toHaveCount(0);

  const finished = page.locator('[data-testid="tuner-row"][data-state="finished"]');
  await expect(finished).not.toHaveCount(0);
  const rows = page.getByTestId('tuner-row');
  for (const row of await rows.all()) {
    console.log(`tuner row: ${(await row.textContent())?.replace(/\s+/g, ' ')}`);
  }
  await expect(finished.first().getByTestId('tuner-latency')).toContainText('ms');
  await expect(finished.first().getByTestId('tuner-ram')).toContainText('KB');
  await expect(page.getByTestId('tuner-throughput')).toContainText('per minute');
  await expect(page.getByTestId('pareto-latency').locator('.recharts-scatter-symbol').first()).toBeVisible();
  await expect(page.getByTestId('pareto-ram')).toHaveAttribute('data-front', /c\d+/);

  // Sorting by accuracy puts the best first; it is saved as an impulse with its model.
  await page.getByTestId('tuner-sort-latency').click();
  await expect(page.getByTestId('tuner-sort-latency').locator('..')).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await page.getByTestId('tuner-sort-accuracy').click();
  await expect(page.getByTestId('tuner-sort-accuracy').locator('..')).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await dismissToasts(page);
  await screenshot(page, 'tuner');
  await page.getByTestId('pareto-latency').scrollIntoViewIfNeeded();
  await screenshot(page, 'tuner-charts');
  const best = page.locator('[data-testid="tuner-row"]:has([data-testid="tuner-save"])').first();
  const id = await best.getAttribute('data-candidate');
  await best.getByTestId('tuner-save').click();
  await expect(page.getByTestId('toasts')).toContainText(`Saved “Impulse 1 — tuned ${id}”`);

  await page.goto('/#/deployment');
  await expect(page.getByLabel('Impulse', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('Impulse', { exact: true }).locator('option:checked')).toHaveText(
    `Impulse 1 — tuned ${id}`,
  );
  const library = await downloadArduinoLibrary(page);
  await expect(page.getByTestId('deploy-fit')).toHaveAttribute('data-fits', 'true');
  console.log(`saved ${id}, library ${library.name} (${library.bytes.length} bytes)`);
  const folder = library.name.replace(/\.zip$/, '');
  expect(Object.keys(unzipSync(library.bytes))).toContain(`${folder}/library.properties`);
  expect(remote).toEqual([]);
});
