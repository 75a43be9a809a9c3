import { expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_AUDIO = resolve('../shared/testdata/audio');

export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export function sharedWavs(): FilePayload[] {
  return readdirSync(SHARED_AUDIO)
    .filter((f) => f.endsWith('.wav'))
    .sort()
    .map((f) => ({ name: f, mimeType: 'audio/wav', buffer: readFileSync(join(SHARED_AUDIO, f)) }));
}

/** A 3-axis accelerometer CSV at 100 Hz: 2 s of a wave gesture. */
export function gestureCsv(name = 'wave.rec1.csv'): FilePayload {
  const rows = ['timestamp,accX (m/s2),accY (m/s2),accZ (m/s2)'];
  for (let i = 0; i < 200; i++) {
    const t = i * 10;
    rows.push(
      `${t},${(Math.sin(i / 5) * 4).toFixed(3)},${(Math.cos(i / 7) * 2).toFixed(3)},${(9.81 + Math.sin(i / 3)).toFixed(3)}`,
    );
  }
  return { name, mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') };
}

/** An Edge Impulse data-acquisition JSON with 1.5 s of 3-axis data at 62.5 Hz. */
export function gestureJson(name = 'idle.rec2.json'): FilePayload {
  const values: number[][] = [];
  for (let i = 0; i < 94; i++) values.push([0.01 * Math.sin(i), -0.02, 9.81 + 0.01 * Math.cos(i)]);
  const doc = {
    protected: { ver: 'v1', alg: 'none', iat: 1700000000 },
    signature: '0'.repeat(64),
    payload: {
      device_name: 'ac:87:a3:0a:2d:1b',
      device_type: 'ARDUINO_NANO33BLE',
      interval_ms: 16,
      sensors: [
        { name: 'accX', units: 'm/s2' },
        { name: 'accY', units: 'm/s2' },
        { name: 'accZ', units: 'm/s2' },
      ],
      values,
    },
  };
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) };
}

/** Fails the test on any request that leaves the machine (the studio must work offline). */
export async function forbidRemoteRequests(page: Page): Promise<string[]> {
  const remote: string[] = [];
  await page.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/]).+/, (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    remote.push(url);
    return route.abort();
  });
  return remote;
}

/** Collects every response of the studio's own origin that failed (4xx/5xx): a missing asset, a broken path. */
export function collectFailedResponses(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  return failed;
}

export async function createProject(page: Page, name: string): Promise<void> {
  await page.goto('/#/projects');
  await page.getByLabel('New project name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expectCurrentProject(page, name);
}

export async function importFiles(page: Page, files: FilePayload[], label?: string): Promise<void> {
  await page.goto('/#/data');
  if (label !== undefined) await page.getByPlaceholder('from file name').fill(label);
  await page.getByTestId('import-input').setInputFiles(files);
  await expect(page.getByTestId('import-report')).toBeVisible();
}

export function sampleRow(page: Page, name: string) {
  return page.locator(`[data-testid="sample-row"][data-name="${name}"]`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/.screens/${name}.png`, fullPage: false });
}

export async function expectCurrentProject(page: Page, name: string): Promise<void> {
  await expect(page.getByLabel('Current project').locator('option:checked')).toHaveText(name);
}

/** Records one labelled sample from the first connected source on the Data page and waits until it is saved. */
export async function recordSample(
  page: Page,
  sensor: string,
  label: string,
  lengthMs: number,
  category: 'auto' | 'training' | 'testing' = 'auto',
): Promise<void> {
  await page.goto('/#/data');
  const panel = page.getByTestId('record-panel');
  await panel.getByLabel('Recording category').selectOption(category);
  await panel.getByLabel('Sensor').selectOption({ label: sensor });
  await panel.getByLabel('Recording label').fill(label);
  await panel.getByLabel('Recording length (ms)').fill(String(lengthMs));
  await expect(page.getByTestId('live-chart')).toHaveAttribute('data-status', 'live');
  await panel.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByTestId('record-status')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Start recording' })).toBeVisible({ timeout: 20_000 });
}

/**
 * The Training results as text, without the target-board figures: those appear once an int8 model exists, so
 * the rest is what compares a model before and after a reload or an import.
 */
export function trainingResultsText(page: Page): Promise<string> {
  return page.getByTestId('training-results').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelector('[data-testid="target-figures"]')?.remove();
    return copy.textContent ?? '';
  });
}

/** How far the page is wider than the viewport, in CSS pixels (0 when nothing scrolls sideways). */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The virtual board's gestures the trained-gesture projects record. */
export const GESTURES = ['idle', 'wave', 'circle', 'shake'];

/**
 * A new project with 6 s of training and 3 s of testing data of each virtual-board gesture and the default
 * impulse: the start of the Compression and Tuner specs.
 */
export async function gestureProjectWithTests(page: Page, projectName: string): Promise<void> {
  await createProject(page, projectName);
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  for (const gesture of GESTURES) {
    await page.goto('/#/devices');
    await page.getByLabel('Gesture performed').selectOption(gesture);
    await recordSample(page, 'accelerometer', gesture, 6000, 'training');
    await recordSample(page, 'accelerometer', gesture, 3000, 'testing');
  }
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(page.getByTestId('feature-count')).toBeVisible();
}

/**
 * A new project with a few seconds of each virtual-board gesture, the default impulse, a short training run and
 * its int8 model: the start of the Profiling and Deployment specs.
 */
export async function trainGestures(page: Page, projectName: string): Promise<void> {
  await createProject(page, projectName);
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  for (const gesture of GESTURES) {
    await page.goto('/#/devices');
    await page.getByLabel('Gesture performed').selectOption(gesture);
    await recordSample(page, 'accelerometer', gesture, 6000, 'training');
  }
  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(page.getByTestId('feature-count')).toBeVisible();
  await page.goto('/#/training');
  await page.getByLabel('Epochs').fill('10');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-results')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('quantize-panel').getByTestId('quantize-start').click();
  await expect(page.getByTestId('int8-size')).toContainText('× smaller', { timeout: 120_000 });
}

/**
 * Checks the trained (and quantised) model against the official TFLite runtime on the Training page, which runs
 * that runtime in its own frame (runtime-check.html); the float32 model must agree.
 */
export async function checkAgainstOfficialRuntime(page: Page): Promise<void> {
  await page.goto('/#/training');
  const panel = page.getByTestId('quantize-panel');
  await panel.getByTestId('runtime-check').click();
  await expect(panel.getByTestId('runtime-check-float')).toContainText('agrees', { timeout: 120_000 });
}

/**
 * Collects every Content-Security-Policy violation: the page's `securitypolicyviolation` events, and the
 * console reports of its workers (a worker's violations fire in the worker, out of the page's reach).
 */
export async function collectCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void })
        .__reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const onConsole = (text: string) => {
    if (/Content Security Policy/i.test(text)) violations.push(text);
  };
  page.on('console', (m) => onConsole(m.text()));
  page.on('worker', (w) => w.on('console', (m) => onConsole(m.text())));
  return violations;
}

/** Every request of the browser context (pages, their workers, the service worker) whose origin is not `origin`. */
export function collectForeignRequests(context: BrowserContext, origin: string): string[] {
  const foreign: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

/** The Arduino library of the trained impulse, downloaded from the Deployment page: its file name and bytes. */
export async function downloadArduinoLibrary(page: Page): Promise<{ name: string; bytes: Uint8Array }> {
  await page.goto('/#/deployment');
  await expect(page.getByTestId('deploy-format-arduino')).toBeChecked();
  await expect(page.getByTestId('deploy-latency')).toContainText('ms', { timeout: 60_000 });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('deploy-download').click(),
  ]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
}

/** Profiles the trained impulse on the Profiling page until every board's row is there. */
export async function profileImpulse(page: Page): Promise<void> {
  await page.goto('/#/profiling');
  await expect(page.getByTestId('profile-row')).toHaveCount(9, { timeout: 60_000 });
  await expect(page.locator('[data-testid="profile-row"][data-board="nano33ble"]')).toContainText('ms');
}

/** Closes the toasts, so that a screenshot shows the page under them (in one go: they also time out). */
export async function dismissToasts(page: Page): Promise<void> {
  await page.evaluate(() =>
    document
      .querySelectorAll<HTMLButtonElement>('.toast button[aria-label="Dismiss"]')
      .forEach((b) => b.click()),
  );
  await expect(page.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
}
