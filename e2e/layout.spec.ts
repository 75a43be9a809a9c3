import { test, expect, type Locator, type Page } from '@playwright/test';
import { createProject, importFiles, screenshot, type FilePayload } from './helpers';

const PHONE = { width: 390, height: 844 };
const SMALL_LAPTOP = { width: 1024, height: 768 };
const DESKTOP = { width: 1440, height: 900 };

const PAGES = ['projects', 'devices', 'data', 'impulse', 'training', 'testing', 'live', 'profiling'];

/** 4 s of 3-axis accelerometer at 100 Hz; each label moves at its own frequency so a model can tell them apart. */
function motionCsv(label: string, take: number, hz: number): FilePayload {
  const rows = ['timestamp,accX (m/s2),accY (m/s2),accZ (m/s2)'];
  for (let i = 0; i < 400; i++) {
    const t = i / 100;
    const phase = 2 * Math.PI * hz * t + take;
    rows.push(
      `${i * 10},${(Math.sin(phase) * 4).toFixed(3)},${(Math.cos(phase) * 2).toFixed(3)},${(9.81 + Math.sin(phase / 2)).toFixed(3)}`,
    );
  }
  return {
    name: `${label}.take${take}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(rows.join('\n') + '\n'),
  };
}

const MOTIONS: [string, number][] = [
  ['idle', 0.2],
  ['wave', 2],
  ['shake', 6],
];

/** How far the page is wider than the viewport, in CSS pixels (0 when nothing scrolls sideways). */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** A project with data in both categories, an impulse with generated features and a tiny trained model. */
async function projectWithModel(page: Page): Promise<void> {
  await createProject(page, 'Layout check');
  await importFiles(
    page,
    MOTIONS.flatMap(([label, hz]) => [1, 2, 3].map((take) => motionCsv(label, take, hz))),
  );
  await page.getByLabel('Import category').selectOption('testing');
  await page.getByTestId('import-input').setInputFiles(MOTIONS.map(([label, hz]) => motionCsv(label, 9, hz)));
  await expect(page.getByTestId('sample-row')).toHaveCount(12);

  await page.goto('/#/impulse');
  await page.getByRole('button', { name: '+ New impulse' }).click();
  const generate = page.getByTestId('generate-panel');
  await generate.getByRole('button', { name: 'Generate features' }).click();
  await expect(generate.getByTestId('generate-summary')).toBeVisible({ timeout: 60_000 });

  await page.goto('/#/training');
  await page.getByLabel('Epochs').fill('5');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-results')).toBeVisible({ timeout: 120_000 });
}

/** Fills the pages whose layout depends on state: test results, a connected board, a selected sample. */
async function fillPages(page: Page): Promise<void> {
  await page.goto('/#/testing');
  await page.getByTestId('test-run').click();
  await expect(page.getByTestId('test-sample-row').first()).toBeVisible({ timeout: 60_000 });
  await page.goto('/#/devices');
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  await page.goto('/#/data');
  await page.getByTestId('sample-row').first().click();
  await expect(page.getByTestId('sample-chart')).toBeVisible();
}

async function open(page: Page, route: string): Promise<void> {
  await page.goto(`/#/${route}`);
  await expect(page.getByTestId(`page-${route}`).locator('h1')).toBeVisible();
  // Let charts measure their containers and draw.
  await page.waitForTimeout(300);
}

/** Whether an input shows its whole placeholder. */
const placeholderFits = (input: Locator) =>
  input.evaluate((el: HTMLInputElement) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = style.font;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return ctx.measureText(el.placeholder).width <= room;
  });

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

test('every page fits a phone, a small laptop and a desktop without sideways scrolling', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize(SMALL_LAPTOP);
  await projectWithModel(page);
  // The training toast appears just as the results do: it must not hide them, nor any of the page.
  const scores = page.getByTestId('training-results').getByRole('table').filter({ hasText: 'Precision' });
  await scores.scrollIntoViewIfNeeded();
  const finished = page.locator('.toast', { hasText: 'Training finished' });
  await expect(finished).toBeVisible();
  await screenshot(page, 'layout-1024-training-toast');
  expect(overlaps(await box(finished), await box(scores))).toBe(false);
  expect(overlaps(await box(finished), await box(page.locator('main')))).toBe(false);
  await fillPages(page);
  // The screenshots are of the pages, not of the import and training toasts.
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 20_000 });

  for (const [name, size] of [
    ['390', PHONE],
    ['1024', SMALL_LAPTOP],
    ['1440', DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    for (const route of PAGES) {
      await open(page, route);
      if (route === 'live') {
        await page.getByTestId('live-start').click();
        await expect(page.getByTestId('live-timing')).toContainText(/(ms|µs)/, { timeout: 30_000 });
      }
      // The whole page, so a reviewer sees every card at this width.
      await page.screenshot({ path: `e2e/.screens/layout-${name}-${route}.png`, fullPage: true });
      expect.soft(await horizontalOverflow(page), `${route} at ${name} px`).toBeLessThanOrEqual(0);
      if (route === 'live') await page.getByTestId('live-stop').click();
      if (route === 'data') expect.soft(await placeholderFits(page.getByLabel('Search samples'))).toBe(true);
    }
  }

  // On a phone the sample names stay readable and the charts keep a usable size.
  await page.setViewportSize(PHONE);
  await open(page, 'data');
  expect((await box(page.getByTestId('sample-row').first().locator('.name'))).width).toBeGreaterThan(100);
  const chart = await box(page.getByTestId('sample-chart').locator('canvas').first());
  expect(chart.width).toBeGreaterThan(300);
  expect(chart.height).toBeGreaterThan(150);
  await open(page, 'impulse');
  const scatter = await box(page.getByTestId('feature-scatter').locator('.feature-scatter-plot'));
  expect(scatter.width).toBeGreaterThan(300);
  expect(scatter.height).toBeGreaterThan(250);
});

test('the navigation is a sidebar on a desktop and a drawer behind a menu button on a phone', async ({
  page,
}) => {
  const nav = page.getByRole('navigation', { name: 'Stages' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await page.setViewportSize(DESKTOP);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to TinyML Studio' })).toBeVisible();
  await expect(nav).toBeVisible();
  await expect(menu).toBeHidden();
  // The welcome page is not a stage: no stage is marked as the current page.
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(0);
  await createProject(page, 'Navigation');
  await expect(nav.locator('[aria-current="page"]')).toHaveText('Projects');
  await nav.getByRole('link', { name: 'Training' }).click();
  await expect(page.getByRole('heading', { name: 'Training', level: 1 })).toBeVisible();
  await expect(nav.locator('[aria-current="page"]')).toContainText('Training');

  await page.setViewportSize(PHONE);
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('link', { name: /Training/ })).toBeFocused();
  await screenshot(page, 'layout-390-menu');
  // A link opens its page, closes the drawer and puts focus on the page.
  await nav.getByRole('link', { name: /Impulse design/ }).click();
  await expect(page).toHaveURL(/#\/impulse$/);
  await expect(page.getByRole('heading', { name: 'Impulse design', level: 1 })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('main')).toBeFocused();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // Escape, the close button and the backdrop close it too, and focus returns to the menu button.
  await menu.click();
  await expect(nav).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(nav).toBeVisible();
  await nav.getByRole('button', { name: 'Close navigation' }).click();
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  await menu.click();
  await page.mouse.click(380, 400);
  await expect(nav).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Impulse design', level: 1 })).toBeVisible();
});

test('toasts never hide the page on a desktop, and the page can scroll clear of them on a phone', async ({
  page,
}) => {
  const toast = page.locator('.toast', { hasText: 'Imported 1 sample' });
  await page.setViewportSize(SMALL_LAPTOP);
  await createProject(page, 'Toasts');
  await importFiles(page, [motionCsv('wave', 1, 2)]);
  await expect(toast).toBeVisible();
  const list = page.getByTestId('sample-list');
  expect(overlaps(await box(toast), await box(list))).toBe(false);
  expect(overlaps(await box(toast), await box(page.locator('main')))).toBe(false);
  // Nor the stages in the navigation.
  expect(overlaps(await box(toast), await box(page.locator('.nav-stages')))).toBe(false);
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toHaveCount(0);

  await page.setViewportSize(PHONE);
  await importFiles(page, [motionCsv('idle', 1, 0.2)]);
  await expect(toast).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const lastCard = page.locator('main .card').last();
  expect((await box(lastCard)).y + (await box(lastCard)).height).toBeLessThanOrEqual((await box(toast)).y);
  await screenshot(page, 'layout-390-toast');
});
