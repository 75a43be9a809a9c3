import { test, expect, type Page } from '@playwright/test';
import { createProject, horizontalOverflow, recordSample, screenshot } from './helpers';

const sidebarGuide = (page: Page) => page.getByTestId('guide-sidebar');
const step = (page: Page, scope: 'guide-sidebar' | 'guide-page', id: string) =>
  page.getByTestId(scope).locator(`[data-testid="guide-step"][data-step="${id}"]`);

test('the getting-started guide ticks its steps from the project, links to their pages and can be hidden for good', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Before any project: the whole path on the welcome page, nothing done.
  await page.goto('/');
  await expect(page.getByTestId('guide-page')).toContainText('Getting started · 0 of 9');
  await screenshot(page, 'guide-welcome-1440');

  await createProject(page, 'Guided');
  await expect(page.getByTestId('guide-summary')).toHaveText('Getting started · 1 of 9');
  await expect(page.getByTestId('guide-page')).toContainText('Getting started · 1 of 9');
  await expect(step(page, 'guide-page', 'project')).toHaveAttribute('data-done', 'true');
  await expect(step(page, 'guide-page', 'record')).toContainText(
    'No samples yet; recommended: 2 or more labels',
  );
  await screenshot(page, 'guide-projects-1440');

  // The sidebar's next step links to its page; connecting the virtual board ticks it.
  await sidebarGuide(page).getByTestId('guide-next').click();
  await expect(page).toHaveURL(/#\/devices$/);
  await page.getByRole('button', { name: 'Start the virtual board' }).click();
  await expect(page.getByTestId('guide-summary')).toHaveText('Getting started · 2 of 9');
  await expect(sidebarGuide(page).getByTestId('guide-next')).toHaveText('Next: Record samples of 2+ labels');

  // One label is not enough; a second one ticks the recording step, and the counts are said.
  await recordSample(page, 'accelerometer', 'idle', 1000);
  await expect(page.getByTestId('guide-summary')).toHaveText('Getting started · 2 of 9');
  await page.getByLabel('Gesture performed').selectOption('wave');
  await recordSample(page, 'accelerometer', 'wave', 1000);
  await expect(page.getByTestId('guide-summary')).toHaveText('Getting started · 3 of 9');
  await page.getByTestId('guide-summary').click();
  await expect(step(page, 'guide-sidebar', 'record')).toHaveAttribute('data-done', 'true');
  await expect(step(page, 'guide-sidebar', 'impulse')).toContainText('Add an impulse');
  await screenshot(page, 'guide-sidebar-open-1440');

  // Every step links to its page: designing an impulse ticks the next one.
  await step(page, 'guide-sidebar', 'impulse').getByRole('link').click();
  await expect(page).toHaveURL(/#\/impulse$/);
  await page.getByRole('button', { name: '+ New impulse' }).click();
  await expect(step(page, 'guide-sidebar', 'impulse')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('guide-summary')).toHaveText('Getting started · 4 of 9');

  // After a reload (no board connected any more) the project still has what it had.
  await page.goto('/#/projects');
  await page.reload();
  await expect(page.getByTestId('guide-page')).toContainText('Getting started · 4 of 9');
  await expect(step(page, 'guide-page', 'record')).toContainText('2 samples of 2 labels (idle 1, wave 1)');

  // On a phone, the guide is in the navigation drawer.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, 'guide-projects-390');
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(sidebarGuide(page)).toBeVisible();
  await expect(page.getByTestId('guide-summary')).toHaveText('Getting started · 4 of 9');
  await screenshot(page, 'guide-drawer-390');
  await sidebarGuide(page).getByTestId('guide-next').click();
  await expect(page).toHaveURL(/#\/impulse$/);
  await expect(sidebarGuide(page)).toBeHidden();

  // Hidden for good: the choice survives a reload, and the guide can be opened again.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/projects');
  await sidebarGuide(page).getByRole('button', { name: 'Hide the guide' }).click();
  await expect(sidebarGuide(page)).toHaveCount(0);
  await expect(page.getByTestId('guide-page')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('guide-reopen')).toHaveText('Show the getting-started guide (4 of 9)');
  await expect(page.getByTestId('guide-page')).toHaveCount(0);
  await page.getByTestId('guide-reopen').click();
  await expect(page.getByTestId('guide-summary')).toHaveText('Getting started · 4 of 9');
  await expect(page.getByTestId('guide-page')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('guide-page')).toBeVisible();
});
