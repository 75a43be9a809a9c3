/**
 * One seeded project through the studio's UI, as a user would go: open it (a reload, then the sample list),
 * filter by a label, open a sample's chart, create the default impulse and generate its features, train for a
 * few epochs, test. Each step's wall time is measured from the action to what the page then shows.
 */
import { expect, type Page } from '@playwright/test';
import type { HeapPeaks, HeapSampler } from './heapSampler';

export interface ProjectRun {
  openMs: number;
  filterMs: number;
  chartMs: number;
  featuresS: number;
  trainS: number;
  testS: number;
  /** The text of the Generate summary (windows × features from N samples). */
  featureSummary: string;
  valAccuracy: string;
  testAccuracy: string;
  /** Peak memory over the whole project's run, and over its feature generation alone. */
  peaks: HeapPeaks;
  featurePeaks: HeapPeaks;
}

const MINUTES = 60_000;
const log = (line: string) => process.stdout.write(`  ${line}\n`);

async function timed(action: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await action();
  return performance.now() - t0;
}

function maxPeaks(...all: HeapPeaks[]): HeapPeaks {
  return {
    page: Math.max(...all.map((p) => p.page)),
    worker: Math.max(...all.map((p) => p.worker)),
    workersTogether: Math.max(...all.map((p) => p.workersTogether)),
  };
}

export async function driveProject(
  page: Page,
  heap: HeapSampler,
  project: { name: string; filterLabel: string; epochs: number; augmentation: boolean },
): Promise<ProjectRun> {
  await page.goto('/?studioTest#/data');
  await page.getByLabel('Current project').selectOption({ label: project.name });
  const rows = page.getByTestId('sample-list').getByTestId('sample-row');
  await expect(rows.first()).toBeVisible({ timeout: MINUTES });
  await heap.takePeaks();

  const openMs = await timed(async () => {
    await page.reload();
    await expect(rows.first()).toBeVisible({ timeout: MINUTES });
  });
  const filterMs = await timed(async () => {
    await page.getByLabel('Filter by label').selectOption(project.filterLabel);
    await expect(rows.first()).toHaveAttribute('data-name', new RegExp(`^${project.filterLabel}\\.`));
  });
  const chartMs = await timed(async () => {
    await rows.nth(1).click();
    await expect(page.getByTestId('sample-chart').getByRole('img', { name: /^Chart of / })).toBeVisible({
      timeout: MINUTES,
    });
  });
  const browsing = await heap.takePeaks();
  log(`open ${openMs.toFixed(0)} ms, filter ${filterMs.toFixed(0)} ms, chart ${chartMs.toFixed(0)} ms`);

  await page.goto('/?studioTest#/impulse');
  await page.getByRole('button', { name: 'Create an impulse' }).click();
  const panel = page.getByTestId('generate-panel');
  const summary = panel.getByTestId('generate-summary');
  await heap.takePeaks();
  const featuresMs = await timed(async () => {
    await panel.getByRole('button', { name: 'Generate features' }).click();
    await expect(summary).toHaveAttribute('data-origin', 'generated', { timeout: 10 * MINUTES });
  });
  const featurePeaks = await heap.takePeaks();
  log(`features ${(featuresMs / 1000).toFixed(1)} s`);
  const featureSummary = ((await summary.textContent()) ?? '').trim();

  await page.goto('/?studioTest#/training');
  await page.getByLabel('Epochs').fill(String(project.epochs));
  await page.getByLabel('Data augmentation').setChecked(project.augmentation);
  const trainMs = await timed(async () => {
    await page.getByTestId('train-start').click();
    await expect(page.getByTestId('training-progress')).toBeVisible({ timeout: MINUTES });
    await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 15 * MINUTES });
  });
  const valAccuracy = ((await page.getByTestId('val-accuracy').textContent()) ?? '').trim();
  const training = await heap.takePeaks();
  log(`training ${(trainMs / 1000).toFixed(1)} s, validation accuracy ${valAccuracy}`);

  await page.goto('/?studioTest#/testing');
  const testMs = await timed(async () => {
    await page.getByTestId('test-run').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 10 * MINUTES });
  });
  const testAccuracy = ((await page.getByTestId('test-accuracy').textContent()) ?? '').trim();
  const testing = await heap.takePeaks();
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  const phases = { browsing, features: featurePeaks, training, testing };
  for (const [phase, p] of Object.entries(phases))
    log(
      `${phase}: page ${mb(p.page)} MB, largest worker ${mb(p.worker)} MB, workers ${mb(p.workersTogether)} MB`,
    );

  return {
    openMs,
    filterMs,
    chartMs,
    featuresS: featuresMs / 1000,
    trainS: trainMs / 1000,
    testS: testMs / 1000,
    featureSummary,
    valAccuracy,
    testAccuracy,
    peaks: maxPeaks(browsing, featurePeaks, training, testing),
    featurePeaks,
  };
}
