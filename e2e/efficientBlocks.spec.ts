import { test, expect, type Page } from '@playwright/test';
import {
  createProject,
  dismissToasts,
  forbidRemoteRequests,
  horizontalOverflow,
  profileImpulse,
  sharedWavs,
} from './helpers';

const separableRow = (page: Page) =>
  page.locator('[data-testid="architecture-row"][data-layer-type="separableConv"]');

test('a depthwise-separable block in the editor: per-layer params and MACs and the board estimate follow the edits; it trains and profiles', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const remote = await forbidRemoteRequests(page);
  await createProject(page, 'Efficient keywords');
  await page.goto('/#/data');
  await page.getByLabel('Import category').selectOption('training');
  for (const w of sharedWavs()) {
    await page.getByPlaceholder('from file name').fill(w.name.split('_')[0]);
    await page.getByTestId('import-input').setInputFiles([w]);
    await expect(page.getByTestId('import-report')).toContainText('Imported 1 sample');
  }
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(page.getByTestId('feature-count')).toBeVisible();

  await page.goto('/#/training');
  // The default MFCC network (two conv1d + pooling + dropout) ends in 13 frames × 16 channels.
  await expect(page.getByTestId('architecture')).toContainText('Conv1D, 8 filters, kernel 3');
  const estimate = page.getByTestId('planned-estimate');
  await expect(estimate).toContainText('Estimate on Arduino Nano 33 BLE Sense');
  await expect(estimate.getByTestId('estimate-flash')).toContainText('KB', { timeout: 30_000 });
  const flashBefore = await estimate.getByTestId('estimate-flash').textContent();

  // Added from the keyboard: the select, then the Add button.
  await page.getByLabel('Add layer').focus();
  await page.getByLabel('Add layer').selectOption({ label: 'Depthwise-separable conv' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('layer-row')).toHaveCount(7);
  // Hand counts on 13 × 16: depthwise 3·16 + 16, pointwise 16·16 + 16 = 336 parameters;
  // MACs 13·16·3 + 13·16·16 = 3,952.
  await expect(separableRow(page)).toContainText('Depthwise-separable conv, kernel 3, then 16 filters 1×1');
  await expect(separableRow(page).getByTestId('layer-params')).toHaveText('336');
  await expect(separableRow(page).getByTestId('layer-macs')).toHaveText('3,952');
  await expect(estimate).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(estimate.getByTestId('estimate-flash')).not.toHaveText(flashBefore!);
  const flash16 = await estimate.getByTestId('estimate-flash').textContent();
  const latency16 = await estimate.getByTestId('estimate-latency').textContent();

  // 64 filters: 3·16 + 16 + 16·64 + 64 = 1,152 parameters, 13·16·3 + 13·16·64 = 13,936 MACs.
  await page.getByLabel('Layer 7 filters').fill('64');
  await expect(separableRow(page).getByTestId('layer-params')).toHaveText('1,152');
  await expect(separableRow(page).getByTestId('layer-macs')).toHaveText('13,936');
  await expect(separableRow(page)).toContainText('13 × 64');
  await expect(estimate).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(estimate.getByTestId('estimate-flash')).not.toHaveText(flash16!);
  await expect(estimate.getByTestId('estimate-latency')).not.toHaveText(latency16!);
  await expect(estimate.getByTestId('estimate-fits')).toHaveText('Yes');

  await page.screenshot({ path: 'e2e/.screens/efficient-blocks-1440.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await dismissToasts(page);
  await separableRow(page).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: 'e2e/.screens/efficient-blocks-phone-table.png' });
  await estimate.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: 'e2e/.screens/efficient-blocks-phone-estimate.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  // The block is stored with the impulse: a reload keeps it.
  await page.reload();
  await expect(separableRow(page).getByTestId('layer-params')).toHaveText('1,152');

  await page.getByLabel('Epochs').fill('3');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-results')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('quantize-panel').getByTestId('quantize-start').click();
  await expect(page.getByTestId('int8-size')).toContainText('× smaller', { timeout: 60_000 });

  await profileImpulse(page);
  await expect(page.getByTestId('profile-detail')).toContainText('DEPTHWISE_CONV_2D');
  expect(remote).toEqual([]);
});
