import { test, expect } from '@playwright/test';
import { exportProjectArchive } from '../src/core/formats/projectArchive';
import type { Sample } from '../src/core/dataset/sample';
import { expectCurrentProject, forbidRemoteRequests, gestureCsv, importFiles, screenshot } from './helpers';

test('guided start, project create / rename / duplicate / switch / delete, all persisted', async ({
  page,
}) => {
  const remote = await forbidRemoteRequests(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to TinyML Studio' })).toBeVisible();
  await screenshot(page, 'welcome');
  await page.getByLabel('Project name').fill('Gestures');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Data acquisition' })).toBeVisible();
  await expect(page.getByTestId('storage-usage')).toBeVisible();
  await screenshot(page, 'data-empty');
  await importFiles(page, [gestureCsv()]);

  await page.goto('/#/projects');
  const row = page.getByTestId('project-row').filter({ hasText: 'Gestures' });
  await row.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Project name', { exact: true }).fill('Hand gestures');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('project-row').filter({ hasText: 'Hand gestures' })).toBeVisible();

  await page
    .getByTestId('project-row')
    .filter({ hasText: 'Hand gestures' })
    .getByRole('button', { name: 'Duplicate' })
    .click();
  await expect(page.getByTestId('project-row')).toHaveCount(2);
  const copy = page.getByTestId('project-row').filter({ hasText: 'Hand gestures (copy)' });
  await copy.getByRole('button', { name: 'Open' }).click();
  await expectCurrentProject(page, 'Hand gestures (copy)');
  await page.goto('/#/data');
  await expect(page.getByTestId('sample-row')).toHaveCount(1);
  await screenshot(page, 'projects');

  await page.reload();
  await expectCurrentProject(page, 'Hand gestures (copy)');

  await page.goto('/#/projects');
  await screenshot(page, 'projects-list');
  await page
    .getByTestId('project-row')
    .filter({ hasText: 'Hand gestures (copy)' })
    .getByRole('button', { name: 'Delete' })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('cannot be undone');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('project-row')).toHaveCount(2);
  await page
    .getByTestId('project-row')
    .filter({ hasText: 'Hand gestures (copy)' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete project' }).click();
  await expect(page.getByTestId('project-row')).toHaveCount(1);
  await expectCurrentProject(page, 'Hand gestures');
  await page.reload();
  await expect(page.getByTestId('project-row')).toHaveCount(1);

  // Every stage has its page: Deployment, the last, says what it needs before there is a model.
  await page.goto('/#/deployment');
  await expect(page.getByRole('heading', { name: 'Deployment' })).toBeVisible();
  await expect(page.getByText('bring a .tflite below')).toBeVisible();
  await screenshot(page, 'deployment-empty');
  expect(remote).toEqual([]);
});

test('thousands of samples: the list stays virtualised and filters work', async ({ page }) => {
  const samples: Sample[] = [];
  for (let i = 0; i < 3000; i++) {
    const values = new Float32Array(30).map((_, j) => Math.sin(i + j));
    samples.push({
      id: `s${i}`,
      projectId: 'p',
      name: `rec${String(i).padStart(4, '0')}`,
      label: ['idle', 'wave', 'circle'][i % 3],
      category: i % 5 === 0 ? 'testing' : 'training',
      enabled: i % 7 !== 0,
      sensors: [
        { name: 'accX', units: 'm/s2' },
        { name: 'accY', units: 'm/s2' },
        { name: 'accZ', units: 'm/s2' },
      ],
      intervalMs: 10,
      frameCount: 10,
      values,
      deviceName: '',
      deviceType: 'TEST',
      createdAt: 1700000000000 + i,
      updatedAt: 1700000000000 + i,
    });
  }
  const zip = exportProjectArchive({ id: 'p', name: 'Big', createdAt: 1, updatedAt: 1 }, samples);
  await page.goto('/#/projects');
  await page
    .getByTestId('project-zip-input')
    .setInputFiles({ name: 'big.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expectCurrentProject(page, 'Big');
  await page.goto('/#/data');
  await expect(page.getByTestId('page-data').getByText('3000 samples')).toBeVisible();
  const rendered = await page.getByTestId('sample-row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  await page.getByLabel('Filter by label').selectOption('wave');
  await page.getByLabel('Filter by category').selectOption('testing');
  await page.getByLabel('Search samples').fill('rec00');
  // rec0000…rec0099 with i % 3 === 1 and i % 5 === 0: i = 10, 25, 40, 55, 70, 85.
  await expect(page.getByTestId('sample-row')).toHaveCount(6);
  await expect(page.getByTestId('dataset-summary')).toContainText('1000');
  await screenshot(page, 'data-many');
});
