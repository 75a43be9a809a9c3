import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { importProjectArchive } from '../src/core/formats/projectArchive';
import {
  createProject,
  forbidRemoteRequests,
  gestureCsv,
  gestureJson,
  importFiles,
  sampleRow,
  screenshot,
  sharedWavs,
} from './helpers';

test('import, curate, reload, export and re-import a project', async ({ page }) => {
  const remote = await forbidRemoteRequests(page);
  await createProject(page, 'Words and gestures');
  await importFiles(page, [...sharedWavs(), gestureCsv(), gestureJson()]);
  await expect(page.getByTestId('import-report')).toContainText('Imported 6 samples');
  await expect(page.getByTestId('sample-row')).toHaveCount(6);
  await expect(sampleRow(page, 'wave.rec1')).toContainText('wave');
  await expect(sampleRow(page, 'idle.rec2')).toContainText('idle');

  // Relabel one sample from its detail panel, two more in bulk.
  // A new name and a new label in one Save are one edit: both land, and one undo restores both.
  await sampleRow(page, 'yes_1000ms').click();
  await expect(page.getByTestId('sample-chart')).toBeVisible();
  await page.getByLabel('Sample name').fill('yes.take2');
  await page.getByLabel('Sample label').fill('yes');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(sampleRow(page, 'yes.take2')).toContainText('yes');
  await page.getByRole('button', { name: /Undo/ }).first().click();
  await expect(sampleRow(page, 'yes_1000ms')).toContainText('unlabeled');
  await expect(sampleRow(page, 'yes.take2')).toHaveCount(0);
  await sampleRow(page, 'yes_1000ms').click();
  await page.getByLabel('Sample label').fill('yes');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(sampleRow(page, 'yes_1000ms')).toContainText('yes');
  await sampleRow(page, 'no_1000ms').getByRole('checkbox').check();
  await sampleRow(page, 'noise_1000ms').getByRole('checkbox').check();
  await page.getByLabel('New label for selected').fill('other');
  await page.getByRole('button', { name: 'Relabel' }).click();
  await expect(sampleRow(page, 'no_1000ms')).toContainText('other');
  await expect(sampleRow(page, 'noise_1000ms')).toContainText('other');

  // Crop "yes" to 200–800 ms by typing the range.
  await sampleRow(page, 'yes_1000ms').click();
  await page.getByRole('button', { name: 'Crop', exact: true }).click();
  await page.getByLabel('Crop start (ms)').fill('200');
  await page.getByLabel('Crop end (ms)').fill('800');
  await page.getByRole('button', { name: /^Crop to 600 ms/ }).click();
  await expect(page.getByTestId('sample-duration')).toHaveText('600 ms');
  await screenshot(page, 'data-cropped');

  // Split the CSV gesture by dragging two segments on the chart.
  await sampleRow(page, 'wave.rec1').click();
  await page.getByRole('button', { name: 'Split', exact: true }).click();
  const overlay = page.getByTestId('chart-overlay');
  const box = (await overlay.boundingBox())!;
  const drag = async (from: number, to: number) => {
    await page.mouse.move(box.x + box.width * from, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * ((from + to) / 2), box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width * to, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
  };
  await drag(0.1, 0.4);
  await drag(0.55, 0.9);
  await expect(page.getByTestId('segment-list').locator('li')).toHaveCount(2);
  await screenshot(page, 'data-split');
  await page.getByRole('button', { name: 'Split into 2 samples' }).click();
  await expect(sampleRow(page, 'wave.rec1.s1')).toBeVisible();
  await expect(sampleRow(page, 'wave.rec1.s2')).toBeVisible();
  await expect(sampleRow(page, 'wave.rec1')).toHaveCount(0);

  // Crop the JSON gesture by dragging across its chart: the range typed in the fields follows the drag.
  await sampleRow(page, 'idle.rec2').click();
  await page.getByRole('button', { name: 'Crop', exact: true }).click();
  await drag(0.25, 0.75);
  const start = Number(await page.getByLabel('Crop start (ms)').inputValue());
  const end = Number(await page.getByLabel('Crop end (ms)').inputValue());
  expect(start).toBeGreaterThan(200);
  expect(end).toBeLessThan(1300);
  expect(end - start).toBeGreaterThan(500);
  await page.getByRole('button', { name: /^Crop to \d+ ms/ }).click();
  await expect(page.getByTestId('sample-duration')).not.toHaveText('1.50 s');

  // Move one sample to testing and disable another.
  const idleCategory = sampleRow(page, 'idle.rec2').locator('.cat');
  const wasTest = (await idleCategory.textContent()) === 'test';
  await sampleRow(page, 'idle.rec2').getByRole('checkbox').check();
  await page
    .getByTestId('bulk-bar')
    .getByRole('button', { name: wasTest ? 'To training' : 'To testing' })
    .click();
  await expect(idleCategory).toHaveText(wasTest ? 'train' : 'test');
  await sampleRow(page, 'silence_1000ms').click();
  // The box follows the stored state, so it flips once the change is committed.
  await page.getByTestId('sample-detail').getByLabel('Enabled').click();
  await expect(page.getByTestId('sample-detail').getByLabel('Enabled')).not.toBeChecked();
  await expect(sampleRow(page, 'silence_1000ms')).toContainText('off');

  // Delete with undo.
  await sampleRow(page, 'noise_1000ms').click();
  await page.getByTestId('sample-detail').getByRole('button', { name: 'Delete' }).click();
  await expect(sampleRow(page, 'noise_1000ms')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).last().click();
  await expect(sampleRow(page, 'noise_1000ms')).toBeVisible();

  const snapshot = async () =>
    page.getByTestId('sample-row').evaluateAll((rows) => rows.map((r) => r.textContent).sort());
  const before = await snapshot();
  expect(before).toHaveLength(7);

  // Everything survives a reload.
  await page.reload();
  await expect(page.getByTestId('sample-row')).toHaveCount(7);
  expect(await snapshot()).toEqual(before);
  await sampleRow(page, 'yes_1000ms').click();
  await expect(page.getByTestId('sample-duration')).toHaveText('600 ms');
  await screenshot(page, 'data-after-reload');

  // Export the project, import it as a new project: equal.
  await page.goto('/#/projects');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .zip' }).click();
  const zipPath = await (await download).path();
  const exported = readFileSync(zipPath);
  const originalProject = await page.getByLabel('Current project').inputValue();
  await page
    .getByTestId('project-zip-input')
    .setInputFiles({ name: 'words.tinyml.zip', mimeType: 'application/zip', buffer: exported });
  await expect(page.getByTestId('project-row')).toHaveCount(2);
  await expect(page.getByLabel('Current project')).not.toHaveValue(originalProject);
  await page.goto('/#/data');
  await expect(page.getByTestId('sample-row')).toHaveCount(7);
  expect(await snapshot()).toEqual(before);

  await page.goto('/#/projects');
  const download2 = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .zip' }).click();
  const reexported = readFileSync(await (await download2).path());
  const a = importProjectArchive('a.zip', exported);
  const b = importProjectArchive('b.zip', reexported);
  const comparable = (s: (typeof a.samples)[number]) => ({
    ...s,
    originalId: undefined,
    values: Array.from(s.values),
  });
  const byName = (x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name);
  expect(b.samples.map(comparable).sort(byName)).toEqual(a.samples.map(comparable).sort(byName));
  expect(b.project.name).toBe(a.project.name);
  expect(remote).toEqual([]);
});

test('each bad file gets its own clear message and the good ones are imported', async ({ page }) => {
  await createProject(page, 'Bad input');
  const alaw = Buffer.alloc(44 + 16);
  alaw.write('RIFF', 0);
  alaw.writeUInt32LE(36 + 16, 4);
  alaw.write('WAVEfmt ', 8);
  alaw.writeUInt32LE(16, 16);
  alaw.writeUInt16LE(6, 20); // A-law
  alaw.writeUInt16LE(1, 22);
  alaw.writeUInt32LE(8000, 24);
  alaw.writeUInt32LE(8000, 28);
  alaw.writeUInt16LE(1, 32);
  alaw.writeUInt16LE(8, 34);
  alaw.write('data', 36);
  alaw.writeUInt32LE(16, 40);
  await importFiles(page, [
    { name: 'empty.wav', mimeType: 'audio/wav', buffer: Buffer.alloc(0) },
    { name: 'alaw.wav', mimeType: 'audio/wav', buffer: alaw },
    { name: 'shape.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": [1,2,3]}') },
    { name: 'ragged.csv', mimeType: 'text/csv', buffer: Buffer.from('timestamp,a,b\n0,1,2\n10,3\n20,4,5\n') },
    gestureCsv('good.one.csv'),
  ]);
  await expect(page.getByTestId('import-report')).toContainText(
    'Imported 1 sample; 4 files could not be imported',
  );
  const errors = page.getByTestId('import-error');
  await expect(errors).toHaveCount(4);
  await expect(errors.filter({ hasText: 'empty.wav' })).toContainText(/empty/i);
  await expect(errors.filter({ hasText: 'alaw.wav' })).toContainText(/A-law|format 6/);
  await expect(errors.filter({ hasText: 'shape.json' })).toContainText(/payload/);
  await expect(errors.filter({ hasText: 'ragged.csv' })).toContainText(
    /row \d+ has 2 values but the header has 3 columns/,
  );
  await expect(sampleRow(page, 'good.one')).toBeVisible();
  await screenshot(page, 'data-bad-input');
});

test('drag-and-drop import, a filter that follows the project, bulk actions on what is shown', async ({
  page,
}) => {
  await createProject(page, 'Dropped');
  await page.goto('/#/data');
  const csv = gestureCsv('good.one.csv');
  await page.getByTestId('dropzone').evaluate(
    (zone, files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [
      { name: csv.name, type: csv.mimeType, bytes: [...csv.buffer] },
      { name: 'empty.wav', type: 'audio/wav', bytes: [] },
      { name: 'idle.rec2.json', type: 'application/json', bytes: [...gestureJson().buffer] },
    ],
  );
  await expect(page.getByTestId('import-report')).toContainText(
    'Imported 2 samples; 1 file could not be imported',
  );
  await expect(page.getByTestId('import-error').filter({ hasText: 'empty.wav' })).toContainText(/empty/i);
  await expect(sampleRow(page, 'good.one')).toBeVisible();
  await expect(sampleRow(page, 'idle.rec2')).toBeVisible();

  // Bulk actions touch only the checked samples the filter shows.
  await sampleRow(page, 'good.one').getByRole('checkbox').check();
  await sampleRow(page, 'idle.rec2').getByRole('checkbox').check();
  await expect(page.getByTestId('bulk-bar')).toContainText('2 selected');
  await page.getByLabel('Filter by label').selectOption('good');
  await expect(page.getByTestId('sample-row')).toHaveCount(1);
  await expect(page.getByTestId('bulk-bar')).toContainText('1 selected');
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Delete' }).click();
  await expect(sampleRow(page, 'good.one')).toHaveCount(0);
  await page.getByLabel('Filter by label').selectOption('');
  await expect(sampleRow(page, 'idle.rec2')).toBeVisible();
  await expect(sampleRow(page, 'idle.rec2').getByRole('checkbox')).not.toBeChecked();

  // A label filter does not follow the user into another project.
  await page.getByLabel('Filter by label').selectOption('idle');
  await createProject(page, 'Other');
  await importFiles(page, [gestureCsv('wave.rec9.csv')]);
  await expect(page.getByLabel('Filter by label')).toHaveValue('');
  await expect(sampleRow(page, 'wave.rec9')).toBeVisible();
});
