import { test, expect } from '@playwright/test';
import { createProject } from './helpers';

test('live 16 kHz audio and IMU streaming never blocks the main thread for more than 50 ms', async ({
  page,
}) => {
  await createProject(page, 'Responsiveness');
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  await page.getByLabel('Sound heard').selectOption('yes');
  await page.getByLabel('Gesture performed').selectOption('shake');
  await page.goto('/#/data');
  const panel = page.getByTestId('record-panel');
  await panel.getByLabel('Sensor').selectOption({ label: 'microphone' });
  await expect(page.getByTestId('live-chart')).toHaveAttribute('data-status', 'live');
  // Long tasks are main-thread tasks over 50 ms; record them while streaming and recording 5 s of audio.
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => w.__longTasks.push(e.duration)),
    ).observe({ type: 'longtask' });
  });
  await page.waitForTimeout(3000);
  console.log(
    `streaming only: ${JSON.stringify(await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks))}`,
  );
  await panel.getByLabel('Recording label').fill('yes');
  await panel.getByLabel('Recording length (ms)').fill('5000');
  await panel.getByRole('button', { name: 'Start recording' }).click();
  await page.waitForTimeout(4500);
  console.log(
    `while recording: ${JSON.stringify(await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks))}`,
  );
  await expect(panel.getByRole('button', { name: 'Start recording' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('sample-row')).toHaveCount(1);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  console.log(`long tasks during streaming: ${JSON.stringify(longTasks.map(Math.round))}`);
  expect(longTasks).toEqual([]);
});
