import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createProject, importFiles, sampleRow, screenshot, type FilePayload } from './helpers';

/** 4 s of 16 kHz audio: silence with three 300 ms tone bursts. */
function burstsWav(name: string): FilePayload {
  const rate = 16000;
  const n = rate * 4;
  const pcm = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const inBurst = [0.5, 1.8, 3.1].some((s) => t >= s && t < s + 0.3);
    const v = (inBurst ? 12000 * Math.sin(2 * Math.PI * 440 * t) : 0) + ((i * 7919) % 61) - 30;
    pcm.writeInt16LE(Math.round(v), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(pcm.length, 40);
  return { name, mimeType: 'audio/wav', buffer: Buffer.concat([header, pcm]) };
}

test('automatic split by signal energy finds each event', async ({ page }) => {
  await createProject(page, 'Split');
  await importFiles(page, [burstsWav('beep.take1.wav')]);
  await sampleRow(page, 'beep.take1').click();
  await page.getByRole('button', { name: 'Split', exact: true }).click();
  await page.getByLabel('Segment length (ms)').fill('500');
  await page.getByRole('button', { name: 'Find segments automatically' }).click();
  const items = page.getByTestId('segment-list').locator('li');
  await expect(items).toHaveCount(3);
  await screenshot(page, 'data-auto-split');
  await page.getByRole('button', { name: 'Split into 3 samples' }).click();
  for (const part of ['beep.take1.s1', 'beep.take1.s2', 'beep.take1.s3']) {
    await expect(sampleRow(page, part)).toContainText('500 ms');
    await expect(sampleRow(page, part)).toContainText('beep');
  }
  // Undo brings the original back in one step.
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await expect(sampleRow(page, 'beep.take1')).toBeVisible();
  await expect(sampleRow(page, 'beep.take1.s1')).toHaveCount(0);
});

test('a sample exported as WAV, CSV and JSON re-imports with the same data', async ({ page }) => {
  await createProject(page, 'Export');
  await importFiles(page, [burstsWav('beep.take2.wav')]);
  await sampleRow(page, 'beep.take2').click();
  const exported: FilePayload[] = [];
  for (const [button, mime] of [
    ['WAV', 'audio/wav'],
    ['JSON', 'application/json'],
    ['CSV', 'text/csv'],
  ] as const) {
    const download = page.waitForEvent('download');
    await page.getByTestId('sample-detail').getByRole('button', { name: button, exact: true }).click();
    const d = await download;
    exported.push({ name: d.suggestedFilename(), mimeType: mime, buffer: readFileSync(await d.path()) });
  }
  expect(exported.map((e) => e.name)).toEqual(['beep.take2.wav', 'beep.take2.json', 'beep.take2.csv']);
  await createProject(page, 'Re-import');
  await importFiles(page, exported);
  await expect(page.getByTestId('import-report')).toContainText('Imported 3 samples');
  const rows = page.getByTestId('sample-row');
  await expect(rows).toHaveCount(3);
  for (const text of await rows.allTextContents()) expect(text).toMatch(/beep.*4\.00 s.*16 kHz/);
});
