import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

const FIGURES = ['2', '6', '7', '8', '9', '10a', '10c'] as const;

async function openPaper(page: Page): Promise<void> {
  await page.getByTestId('tab-paper').click();
  await expect(page.getByTestId('panel-paper')).toBeVisible();
  await expect(page.getByTestId('paper-size-quick')).toBeChecked();
}

test('the quick study runs in the browser, draws every figure, exports CSV, and a reload shows it from the cache', async ({ page }) => {
  test.setTimeout(170_000);
  const errors = collectErrors(page);
  await page.goto('/#v=1&backend=cpu');
  await openPaper(page);
  const progress = page.getByTestId('paper-progress');
  await expect(progress).toHaveAttribute('data-cached', '0');
  const total = Number(await progress.getAttribute('data-total'));
  expect(total).toBeGreaterThan(10);

  const started = Date.now();
  await page.getByTestId('paper-run').click();
  await expect(progress).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('paper-cancel')).toBeEnabled();
  await expect(progress).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  console.log(`quick study in the browser: ${((Date.now() - started) / 1000).toFixed(1)} s for ${total} jobs`);
  await expect(progress).toHaveAttribute('data-done', String(total));
  await expect(progress).toHaveAttribute('data-failed', '0');
  await expect(progress).toHaveAttribute('data-trained', String(total));
  await expect(page.getByTestId('paper-quick-label')).toContainText('quick budget — not full-budget results');
  for (const id of FIGURES) {
    const figure = page.getByTestId(`paper-fig-${id}`);
    await expect(figure).toBeVisible();
    await expect(figure.locator('svg').first()).toBeVisible();
    await expect(figure).toHaveAttribute('data-missing', '0');
  }
  await expect(page.getByTestId('paper-fig-6')).toContainText('Paper');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('paper-export-csv').click()]);
  expect(download.suggestedFilename()).toBe('axnet-study-quick.csv');
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toContain('true_invocation');
  expect(lines).toHaveLength(total + 1);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('paper-fig-6-svg').click()]);
  expect(svg.suggestedFilename()).toBe('fig-6.svg');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('paper-fig-6-png').click()]);
  expect(png.suggestedFilename()).toBe('fig-6.png');
  const pngBytes = await readFile(await png.path());
  expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  await page.screenshot({ path: '/tmp/paper.png', fullPage: true });

  // Reload: the results come back from IndexedDB, nothing trains.
  await page.reload();
  await openPaper(page);
  await expect(progress).toHaveAttribute('data-cached', String(total));
  await expect(progress).toHaveAttribute('data-status', 'done');
  await expect(progress).toHaveAttribute('data-trained', '0');
  for (const id of FIGURES) await expect(page.getByTestId(`paper-fig-${id}`)).toBeVisible();
  await page.getByTestId('paper-run').click();
  await expect(progress).toHaveAttribute('data-status', 'done');
  await expect(progress).toHaveAttribute('data-cached', String(total));
  await expect(progress).toHaveAttribute('data-trained', '0');
  expect(errors).toEqual([]);
});

test('cancel stops the study and clear cache empties it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&backend=cpu');
  await openPaper(page);
  await page.getByTestId('paper-size-full').check();
  await expect(page.getByTestId('paper-full-warning')).toBeVisible();
  await page.getByTestId('paper-size-quick').check();
  const progress = page.getByTestId('paper-progress');
  await page.getByTestId('paper-run').click();
  await expect.poll(async () => Number(await progress.getAttribute('data-done')), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.getByTestId('paper-cancel').click();
  await expect(progress).toHaveAttribute('data-status', 'cancelled');
  const kept = Number(await progress.getAttribute('data-done'));
  expect(kept).toBeGreaterThan(0);
  await page.getByTestId('paper-clear-cache').click();
  await expect(page.getByTestId('paper-fig-6')).toHaveCount(0);
  await page.reload();
  await openPaper(page);
  await expect(progress).toHaveAttribute('data-cached', '0');
  expect(errors).toEqual([]);
});
