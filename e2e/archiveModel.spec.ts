import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { importProjectArchive } from '../src/core/formats/projectArchive';
import { createProject, screenshot, trainingResultsText, type FilePayload } from './helpers';

/** 4 s of a 3-axis accelerometer at 100 Hz: still ('idle') or swinging ('wave'), a little different per take. */
function take(label: 'idle' | 'wave', n: number): FilePayload {
  const rows = ['timestamp,accX (m/s2),accY (m/s2),accZ (m/s2)'];
  for (let i = 0; i < 400; i++) {
    const jitter = 0.05 * Math.sin(i * (1.3 + n));
    const swing = label === 'wave' ? 4 * Math.sin(i / (4 + n / 2)) : 0;
    rows.push(
      `${i * 10},${(swing + jitter).toFixed(3)},${(swing / 2 - jitter).toFixed(3)},${(9.81 + jitter).toFixed(3)}`,
    );
  }
  return { name: `${label}.take${n}.csv`, mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') };
}

async function importTakes(page: Page, category: 'training' | 'testing', takes: number[]): Promise<void> {
  await page.goto('/#/data');
  await page.getByLabel('Import category').selectOption(category);
  await page
    .getByTestId('import-input')
    .setInputFiles(takes.flatMap((n) => [take('idle', n), take('wave', n)]));
  await expect(page.getByTestId('import-report')).toContainText(`Imported ${takes.length * 2} samples`);
}

/** Runs the test at a precision and returns each result row's text. */
async function testResults(page: Page, precision: 'float32' | 'int8'): Promise<string[]> {
  await page.goto('/#/testing');
  await page.getByLabel('Precision').selectOption(precision);
  await page.getByTestId('test-run').click();
  await expect(page.getByTestId('test-sample-row')).toHaveCount(4, { timeout: 60_000 });
  return page.getByTestId('test-sample-row').allTextContents();
}

test('a project zip carries its trained model: re-imported, it tests on the Testing page without retraining', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await createProject(page, 'Hand-in');
  await importTakes(page, 'training', [1, 2, 3, 4]);
  await importTakes(page, 'testing', [5, 6]);
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(page.getByTestId('feature-count')).toBeVisible();

  await page.goto('/#/training');
  await page.getByLabel('Epochs').fill('10');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-progress')).toBeVisible();
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 180_000 });
  const trained = await trainingResultsText(page);
  const quantize = page.getByTestId('quantize-panel');
  await quantize.getByTestId('quantize-start').click();
  await expect(quantize.getByTestId('int8-size')).toContainText('× smaller', { timeout: 120_000 });
  const int8Size = await quantize.getByTestId('int8-size').textContent();
  const before = { float32: await testResults(page, 'float32'), int8: await testResults(page, 'int8') };

  await page.goto('/#/projects');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .zip' }).click();
  const exported = readFileSync(await (await download).path());
  // The archive holds both networks as .tflite files beside the samples.
  const archive = importProjectArchive('hand-in.zip', exported);
  expect(archive.modelProblems).toEqual([]);
  expect(archive.models).toHaveLength(1);
  expect(archive.models[0].model.int8).toBeDefined();

  const original = await page.getByLabel('Current project').inputValue();
  await page
    .getByTestId('project-zip-input')
    .setInputFiles({ name: 'hand-in.tinyml.zip', mimeType: 'application/zip', buffer: exported });
  await expect(page.getByTestId('project-row')).toHaveCount(2);
  await expect(page.getByLabel('Current project')).not.toHaveValue(original);
  await expect(page.getByText('(1 with a trained model)')).toBeVisible();

  // The Training page shows the restored model, int8 version included, not stale.
  await page.goto('/#/training');
  await expect.poll(() => trainingResultsText(page)).toBe(trained);
  await expect(page.getByTestId('model-stale')).toHaveCount(0);
  await expect(page.getByTestId('quantize-panel').getByTestId('int8-size')).toHaveText(int8Size!);
  await expect(page.getByTestId('model-explorer').getByRole('application')).toBeVisible();
  await screenshot(page, 'archive-model-training');

  // Testing runs straight away, with the same results as in the original project.
  expect(await testResults(page, 'float32')).toEqual(before.float32);
  expect(await testResults(page, 'int8')).toEqual(before.int8);
  await expect(page.getByTestId('test-accuracy')).toContainText('%');
  await screenshot(page, 'archive-model-testing');
});
