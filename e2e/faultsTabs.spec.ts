import { test, expect, type Page } from '@playwright/test';
import { createProject, gestureCsv, importFiles, sampleRow, screenshot, type FilePayload } from './helpers';

// Faults between tabs: change announcements, stale edits and schema upgrades across two pages of one profile.
test.use({ serviceWorkers: 'block' });

test('two tabs on one project: the other tab is told and refreshes; a stale edit is refused', async ({
  context,
}) => {
  const a = await context.newPage();
  await createProject(a, 'Two tabs');
  await importFiles(a, [gestureCsv('wave.a.csv'), gestureCsv('wave.b.csv'), gestureCsv('wave.c.csv')]);

  const b = await context.newPage();
  await b.goto('/#/data');
  await expect(b.getByTestId('sample-row')).toHaveCount(3);
  // A tab whose messages never arrive: its view goes stale.
  const stale = await context.newPage();
  await stale.addInitScript(() => Reflect.deleteProperty(globalThis, 'BroadcastChannel'));
  await stale.goto('/#/data');
  await expect(stale.getByTestId('sample-row')).toHaveCount(3);

  await sampleRow(a, 'wave.a').click();
  await a.getByTestId('sample-detail').getByRole('button', { name: 'Delete' }).click();
  await expect(sampleRow(a, 'wave.a')).toHaveCount(0);
  await expect(b.getByTestId('toasts')).toContainText('Updated from another tab.');
  await expect(b.getByTestId('sample-row')).toHaveCount(2);

  // Relabelled in B, the change shows in A.
  await sampleRow(b, 'wave.b').click();
  await b.getByLabel('Sample label').fill('circle');
  await b.getByRole('button', { name: 'Save' }).click();
  await expect(sampleRow(a, 'wave.b')).toContainText('circle');

  // The stale tab still lists wave.a: editing it must not bring it back, nor overwrite B's label of wave.b.
  await sampleRow(stale, 'wave.a').click();
  await stale.getByLabel('Sample label').fill('idle');
  await stale.getByRole('button', { name: 'Save' }).click();
  await expect(stale.getByTestId('toasts')).toContainText('Sample “wave.a” was deleted in another tab');
  await expect(stale.getByTestId('sample-row')).toHaveCount(2);
  await expect(sampleRow(stale, 'wave.b')).toContainText('circle');
  await a.reload();
  await expect(a.getByTestId('sample-row')).toHaveCount(2);
  await expect(sampleRow(a, 'wave.b')).toContainText('circle');
});

/** The names of the impulses in the studio's database, read directly. */
function storedImpulseNames(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('tinyml-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('impulses').objectStore('impulses').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as Array<{ name: string }>).map((i) => i.name));
          };
        };
      }),
  );
}

test('two tabs: an impulse edit based on a stale view does not overwrite the other tab’s', async ({
  context,
}) => {
  const a = await context.newPage();
  await createProject(a, 'Two tabs impulse');
  await importFiles(a, [gestureCsv('wave.a.csv')]);
  await a.goto('/#/impulse');
  await a.getByRole('button', { name: '+ New impulse' }).click();
  await expect(a.getByLabel('Impulse name')).toHaveValue('Impulse 1');
  const stale = await context.newPage();
  await stale.addInitScript(() => Reflect.deleteProperty(globalThis, 'BroadcastChannel'));
  await stale.goto('/#/impulse');
  await expect(stale.getByLabel('Impulse name')).toHaveValue('Impulse 1');

  // The name is saved when the field loses focus.
  await a.getByLabel('Impulse name').fill('Named in A');
  await a.getByLabel('Impulse name').press('Tab');
  await expect.poll(() => storedImpulseNames(a)).toEqual(['Named in A']);
  await a.reload();
  await expect(a.getByLabel('Impulse name')).toHaveValue('Named in A');
  await stale.getByLabel('Impulse name').fill('Named in the stale tab');
  await stale.getByLabel('Impulse name').press('Tab');
  await expect(stale.getByTestId('toasts')).toContainText('Impulse “Named in A” was changed in another tab');
  expect(await storedImpulseNames(a)).toEqual(['Named in A']);
  await stale.reload();
  await expect(stale.getByLabel('Impulse name')).toHaveValue('Named in A');
});

/** 4 s of 3-axis motion at 100 Hz: a 2 Hz swing of `amplitude` m/s², with some noise-like ripple. */
function motionCsv(name: string, amplitude: number, phase: number): FilePayload {
  const rows = ['timestamp,accX (m/s2),accY (m/s2),accZ (m/s2)'];
  for (let i = 0; i < 400; i++) {
    const t = i / 100;
    const x = amplitude * Math.sin(2 * Math.PI * 2 * t + phase) + 0.05 * Math.sin(37 * t + phase);
    const y = amplitude * Math.cos(2 * Math.PI * 1.5 * t) + 0.05 * Math.cos(23 * t);
    rows.push(`${i * 10},${x.toFixed(3)},${y.toFixed(3)},${(9.81 + x / 4).toFixed(3)}`);
  }
  return { name, mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') };
}

test('two tabs: a model trained in one tab shows in the other, whose own writes come from its workers', async ({
  context,
}) => {
  const a = await context.newPage();
  await createProject(a, 'Two tabs model');
  await importFiles(a, [
    motionCsv('wave.a.csv', 5, 0),
    motionCsv('wave.b.csv', 5, 1),
    motionCsv('idle.a.csv', 0.1, 2),
    motionCsv('idle.b.csv', 0.1, 3),
  ]);
  await a.goto('/#/impulse');
  await a.getByRole('button', { name: '+ New impulse' }).click();
  await expect(a.getByTestId('feature-count')).toBeVisible();
  const b = await context.newPage();
  await b.goto('/#/training');
  await expect(b.getByTestId('train-start')).toBeVisible();
  await expect(b.getByTestId('training-results')).toHaveCount(0);

  await a.goto('/#/training');
  await a.getByLabel('Epochs').fill('3');
  await a.getByTestId('train-start').click();
  await expect(a.getByTestId('training-results')).toBeVisible({ timeout: 120_000 });
  // The training worker saved the model (no page wrote it): tab B is told and shows it.
  await expect(b.getByTestId('toasts')).toContainText('Updated from another tab.');
  await expect(b.getByTestId('training-results')).toBeVisible();
  // Tab A's own worker is not "another tab".
  await expect(a.getByTestId('toasts')).not.toContainText('Updated from another tab.');
});

test('a schema upgrade from another tab: the old tab stops and asks for a reload', async ({ context }) => {
  const old = await context.newPage();
  await createProject(old, 'Upgrade');
  await importFiles(old, [gestureCsv('wave.a.csv')]);

  const newer = await context.newPage();
  await newer.goto('/#/projects');
  await expect(newer.getByLabel('Current project').locator('option:checked')).toHaveText('Upgrade');
  // What a newer version of the studio does when it opens: the same database one version up.
  const opened = await newer.evaluate(async () => {
    const [info] = (await indexedDB.databases()).filter((d) => d.name === 'tinyml-studio');
    const version = (info.version ?? 0) + 1;
    return new Promise<string>((resolve) => {
      const open = indexedDB.open('tinyml-studio', version);
      open.onblocked = () => resolve('blocked');
      open.onsuccess = () => {
        open.result.close();
        resolve(`opened ${version}`);
      };
      open.onerror = () => resolve(`error ${String(open.error)}`);
    });
  });
  expect(opened).toMatch(/^opened \d+$/);

  const banner = old.getByTestId('stale-tab-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('The studio was updated in another tab');
  await expect(banner.getByRole('button', { name: 'Reload' })).toBeFocused();
  await screenshot(old, 'faults-stale-tab');
  // Escape does not dismiss it: the tab writes nothing more.
  await old.keyboard.press('Escape');
  await expect(banner).toBeVisible();
});

/**
 * Turns the studio's database back into a version-1 one holding the same projects, samples and settings, and
 * keeps it open without letting go, as a tab of an old studio would: run in a same-origin page that is not the
 * studio. Version 1's stores never change (a released migration step is never edited), so this stays valid as
 * versions are added.
 */
function holdAsVersionOne(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const V1_STORES = ['projects', 'samples', 'sampleData', 'settings'] as const;
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const current = await done(indexedDB.open('tinyml-studio'));
    const version = current.version;
    const read = current.transaction([...V1_STORES]);
    const records = await Promise.all(
      V1_STORES.map(async (name) => {
        const store = read.objectStore(name);
        return { name, keys: await done(store.getAllKeys()), values: await done(store.getAll()) };
      }),
    );
    current.close();
    await done(indexedDB.deleteDatabase('tinyml-studio'));
    const open = indexedDB.open('tinyml-studio', 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('projects', { keyPath: 'id' });
      db.createObjectStore('samples', { keyPath: 'id' }).createIndex('byProject', 'projectId');
      db.createObjectStore('sampleData', { keyPath: 'id' });
      db.createObjectStore('settings');
    };
    const old = await done(open);
    const write = old.transaction([...V1_STORES], 'readwrite');
    for (const { name, keys, values } of records) {
      const store = write.objectStore(name);
      // settings has no key path: its keys go with the values.
      values.forEach((value, i) => (store.keyPath === null ? store.put(value, keys[i]) : store.put(value)));
    }
    await new Promise((resolve, reject) => {
      write.oncomplete = resolve;
      write.onerror = () => reject(write.error);
    });
    // No versionchange handler: this connection blocks any upgrade until the page goes away.
    (globalThis as { heldDb?: IDBDatabase }).heldDb = old;
    return version;
  });
}

test('a schema upgrade blocked by an old tab: the new tab says so, and finishes once the old tab reloads, with nothing lost', async ({
  context,
}) => {
  const old = await context.newPage();
  await createProject(old, 'Upgrade blocked');
  await importFiles(old, [gestureCsv('wave.kept.csv')]);
  await expect(sampleRow(old, 'wave.kept')).toHaveCount(1);
  // The old tab becomes an old studio: a version-1 database, held open.
  await old.goto('/favicon.svg');
  expect(await holdAsVersionOne(old)).toBeGreaterThan(1);

  const newer = await context.newPage();
  await newer.goto('/#/data');
  const notice = newer.getByTestId('db-blocked-banner');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Close other studio tabs to finish the update');
  await screenshot(newer, 'faults-upgrade-blocked');

  // The old tab reloads into the current studio: its old connection goes, the upgrade runs, both tabs work.
  await old.goto('/#/data');
  await expect(notice).toHaveCount(0);
  await expect(newer.getByLabel('Current project').locator('option:checked')).toHaveText('Upgrade blocked');
  await expect(sampleRow(newer, 'wave.kept')).toHaveCount(1);
  await expect(sampleRow(old, 'wave.kept')).toHaveCount(1);
  await expect(old.getByTestId('db-blocked-banner')).toHaveCount(0);
});
