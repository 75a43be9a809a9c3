import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createProject, gestureCsv, importFiles, recordSample, sampleRow, screenshot } from './helpers';

// The worker scripts must come from the network (where the quota shim is added), not a service worker.
test.use({ serviceWorkers: 'block' });

const STORAGE_FULL = "The browser's storage for this site is full: nothing was saved.";

/**
 * Makes IndexedDB writes throw the QuotaExceededError a browser raises on a full disk, while
 * `globalThis.__failQuota` is true. Installed in the page (addInitScript) and prepended to the DSP worker.
 */
const QUOTA_SHIM = `(() => {
  for (const method of ['put', 'add']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      if (globalThis.__failQuota === true) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  }
})();`;

async function installQuotaShim(page: Page): Promise<void> {
  await page.addInitScript(QUOTA_SHIM);
}

const setPageQuotaFull = (page: Page, full: boolean) =>
  page.evaluate((f) => ((globalThis as { __failQuota?: boolean }).__failQuota = f), full);

test('a full disk during an edit: a clear message, nothing half written, and it works once space is free', async ({
  page,
}) => {
  await installQuotaShim(page);
  await createProject(page, 'Quota edit');
  await importFiles(page, [gestureCsv('wave.a.csv')]);
  await setPageQuotaFull(page, true);
  await page.getByTestId('import-input').setInputFiles([gestureCsv('wave.b.csv'), gestureCsv('wave.c.csv')]);
  await expect(page.getByTestId('toasts')).toContainText(STORAGE_FULL);
  await expect(page.getByTestId('sample-row')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('sample-row')).toHaveCount(1);

  await setPageQuotaFull(page, false);
  await page.getByTestId('import-input').setInputFiles([gestureCsv('wave.b.csv')]);
  await expect(sampleRow(page, 'wave.b')).toBeVisible();
});

test('a full disk at the end of a recording keeps the capture: download it, or save it once space is free', async ({
  page,
}) => {
  await installQuotaShim(page);
  await createProject(page, 'Quota recording');
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  await expect(page.getByTestId('source-card')).toContainText('Virtual Nano 33 BLE Sense (simulated)');
  await setPageQuotaFull(page, true);
  await recordSample(page, 'accelerometer', 'wave', 1000);

  const dialog = page.getByTestId('unsaved-recording');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(STORAGE_FULL);
  await expect(dialog).toContainText('1.00 s of “wave” are kept in this page');
  await screenshot(page, 'faults-unsaved-recording');
  await expect(page.getByTestId('sample-row')).toHaveCount(0);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^wave\..*\.json$/);
  const doc = JSON.parse(readFileSync(await file.path(), 'utf8')) as { payload: { values: number[][] } };
  expect(doc.payload.values).toHaveLength(100);

  // Still full: the recording stays kept.
  await dialog.getByRole('button', { name: 'Try saving again' }).click();
  await expect(dialog).toContainText(STORAGE_FULL);
  await setPageQuotaFull(page, false);
  await dialog.getByRole('button', { name: 'Try saving again' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('sample-row')).toHaveCount(1);
  await expect(page.getByTestId('sample-row')).toContainText('1.00 s');
});

test('a full disk while caching features: the features are shown, and what was not cached is said', async ({
  page,
}) => {
  let workerQuotaFull = false;
  await page.route(/\/assets\/dsp\.worker-[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    const shim = workerQuotaFull ? `${QUOTA_SHIM}\nglobalThis.__failQuota = true;\n` : '';
    await route.fulfill({ response, body: shim + (await response.text()) });
  });
  await createProject(page, 'Quota features');
  await importFiles(page, [gestureCsv('wave.a.csv'), gestureCsv('wave.b.csv')]);
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(page.getByTestId('feature-count')).toBeVisible();

  workerQuotaFull = true;
  await page.reload();
  const panel = page.getByTestId('generate-panel');
  await panel.getByRole('button', { name: 'Generate features' }).click();
  await expect(panel.getByTestId('generate-summary')).toContainText('2 computed, 0 from the cache', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('toasts')).toContainText(
    "The browser's storage is full: the features of 2 samples were not cached. They are shown for this session",
  );
  await expect(panel.getByTestId('generate-summary')).toContainText(
    /\d+ windows × [\d,]+ features from 2 samples/,
  );
  await screenshot(page, 'faults-features-not-cached');

  // Nothing was half cached: with space again, every sample is computed (and now cached).
  workerQuotaFull = false;
  await page.reload();
  await panel.getByRole('button', { name: 'Generate features' }).click();
  await expect(panel.getByTestId('generate-summary')).toContainText('2 computed, 0 from the cache', {
    timeout: 60_000,
  });
  await page.reload();
  await panel.getByRole('button', { name: 'Generate features' }).click();
  await expect(panel.getByTestId('generate-summary')).toContainText('0 computed, 2 from the cache', {
    timeout: 60_000,
  });
});

test('a corrupt or foreign sample record is skipped and reported; the rest of the project loads', async ({
  page,
}) => {
  await createProject(page, 'Corrupt');
  await importFiles(page, [gestureCsv('wave.a.csv'), gestureCsv('wave.b.csv')]);
  // Another program writes a record the studio cannot use into the studio's own database.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tinyml-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['settings', 'samples'], 'readwrite');
          const last = tx.objectStore('settings').get('lastProjectId');
          last.onsuccess = () => {
            tx.objectStore('samples').put({ id: 'foreign-1', projectId: last.result, label: 7 });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(page.getByTestId('toasts')).toContainText(
    '1 sample could not be read and was skipped: foreign-1 (name:',
  );
  await expect(page.getByTestId('sample-row')).toHaveCount(2);
  await expect(sampleRow(page, 'wave.a')).toBeVisible();
});
