import { test, expect } from '@playwright/test';
import { dismissToasts, gestureProjectWithTests, screenshot } from './helpers';

const percent = (text: string) => Number(text.replace(/[^\d.]/g, ''));

test('prunes and distils a gesture model, and compares every variant on the target board', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await gestureProjectWithTests(page, 'Compression');
  await page.goto('/#/training');
  await page.getByLabel('Epochs').fill('10');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('quantize-panel').getByTestId('quantize-start').click();
  await expect(page.getByTestId('int8-size')).toContainText('× smaller', { timeout: 120_000 });

  await page.goto('/#/compression');
  const magnitude = page.getByTestId('magnitude-panel');
  await magnitude.getByLabel('Target sparsity').fill('0.6');
  await magnitude.getByLabel('Pruning epochs').fill('0');
  await expect(magnitude.getByText('Epochs must be a whole number from 1 to 500.').first()).toBeVisible();
  await expect(magnitude.getByRole('button', { name: 'Prune' })).toBeDisabled();
  await magnitude.getByLabel('Pruning epochs').fill('5');
  await magnitude.getByRole('button', { name: 'Prune' }).click();
  const sparsity = page.getByTestId('sparsity-table');
  await expect(sparsity).toBeVisible({ timeout: 120_000 });
  // Every layer ends at the target sparsity (rounded to whole weights).
  for (const cell of await sparsity.locator('tbody tr td:nth-child(3)').all())
    expect(Math.abs(percent((await cell.textContent())!) - 60)).toBeLessThan(1);
  await expect(page.getByTestId('sparsity-honesty')).toContainText(
    'latency, RAM and flash are unchanged on dense kernels',
  );
  const int8Row = page.getByTestId('size-table').locator('tbody tr').nth(1);
  const [before, after] = [
    await int8Row.locator('td').nth(3).textContent(),
    await int8Row.locator('td').nth(4).textContent(),
  ];
  console.log(`int8 .tflite deflated: before ${before}, after ${after}`);
  await expect(int8Row.locator('td').nth(4)).toContainText('smaller');

  // Structured pruning removes whole neurons: 27 → 20 → 10 → 4 becomes 27 → 10 → 5 → 4.
  const structured = page.getByTestId('structured-panel');
  await structured.getByLabel('Fraction of filters removed').fill('0.5');
  await structured.getByLabel('Structured epochs').fill('5');
  await structured.getByRole('button', { name: 'Prune filters' }).click();
  const units = page.getByTestId('structured-result').locator('tbody tr');
  await expect(units).toHaveCount(2, { timeout: 120_000 });
  await expect(units.nth(0).locator('td')).toHaveText(['Dense, 20 neurons, ReLU', '20', '10']);
  await expect(units.nth(1).locator('td')).toHaveText(['Dense, 10 neurons, ReLU', '10', '5']);

  const distill = page.getByTestId('distill-panel');
  await distill.getByLabel('Distillation epochs').fill('10');
  await distill.getByRole('button', { name: 'Distil' }).click();
  const table = page.getByTestId('distill-table');
  await expect(table).toBeVisible({ timeout: 150_000 });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  for (const row of await table.locator('tbody tr').all()) {
    console.log(`distillation: ${(await row.textContent())!}`);
    await expect(row.locator('td').nth(1)).toContainText('%');
    await expect(row.locator('td').nth(2)).toContainText('%');
  }

  const comparison = page.getByTestId('comparison');
  await comparison.getByRole('button', { name: /Target board/ }).click();
  const rows = comparison.getByTestId('comparison-row');
  // The original, the two pruned models, the student and the student from scratch, each float32 and int8.
  await expect(rows).toHaveCount(10, { timeout: 120_000 });
  await expect(comparison.getByText(/Profiling \d+ of/)).toHaveCount(0, { timeout: 120_000 });
  for (const row of await rows.all()) await expect(row).toContainText('ms');
  await expect(rows.filter({ hasText: 'pruned 60 %' })).toHaveCount(2);
  await expect(rows.filter({ hasText: 'distilled student' })).toHaveCount(2);
  // Only the structured variant is smaller on the board: its int8 flash is below the original's.
  const flash = async (name: string) =>
    Number(
      (await rows
        .filter({ hasText: name })
        .filter({ hasText: 'int8' })
        .locator('td')
        .nth(5)
        .textContent())!.replace(/[^\d.]/g, ''),
    );
  const [original, thinner] = [await flash('Impulse 1int8'), await flash('of filters removed')];
  console.log(`int8 flash on the target board: ${original} KB, structured ${thinner} KB`);
  expect(thinner).toBeLessThan(original);
  await dismissToasts(page);
  await comparison.scrollIntoViewIfNeeded();
  await screenshot(page, 'compression-comparison');
  await magnitude.scrollIntoViewIfNeeded();
  await screenshot(page, 'compression-pruning');
  await page.getByTestId('distill-result').scrollIntoViewIfNeeded();
  await screenshot(page, 'compression-distill');

  // The variants are ordinary impulses: the Testing page tests the student as it tests any model.
  await page.goto('/#/testing');
  const picker = page.getByLabel('Impulse', { exact: true });
  const student = await picker.locator('option', { hasText: 'distilled student' }).getAttribute('value');
  await picker.selectOption(student!);
  await page.getByTestId('test-run').click();
  await expect(page.getByTestId('test-results')).toContainText('%', { timeout: 60_000 });
});
