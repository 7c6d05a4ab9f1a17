import { expect, test } from '@playwright/test';
import { buildNasStudyFixtureRecords } from '../src/core/nas/studyFixture';
import { collectErrors, englishWordsIn, putStudyCacheEntries } from './helpers';

/**
 * The AxTrain, NAS and Paper views in 中文 (issue 13): an AxTrain run trained to done, a NAS search run to done, the
 * Paper view before any study and with a NAS study cached, each with no English word left in the view's elements apart
 * from the names the lab keeps as written (KEPT_AS_WRITTEN in e2e/helpers.ts). The words found are attached to the
 * test's output.
 */
async function leftIn(page: import('@playwright/test').Page, selector: string): Promise<string[]> {
  const words = await englishWordsIn(page, selector);
  test.info().annotations.push({ type: selector, description: [...new Set(words)].join(' ') || '(none)' });
  return words;
}

test('AxTrain in 中文: breast cancer trained to done; controls, status and every figure panel show no English word', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('/#ax=breastcancer&ax.epochs=2&ax.runs=2&backend=cpu&lang=zh');
  await expect(page.getByTestId('axtrain-status')).toHaveAttribute('data-status', 'idle');
  await expect(page.getByTestId('axtrain-status')).toContainText('就绪');
  await expect(page.getByTestId('axtrain-play')).toHaveText('播放');
  await page.getByTestId('axtrain-play').click();
  await expect(page.getByTestId('axtrain-status')).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  await expect(page.getByTestId('axtrain-panels')).toHaveAttribute('data-running', 'false');
  await expect(page.getByTestId('axtrain-claims-table')).toBeVisible();
  expect(await leftIn(page, '[data-testid="axtrain-controls"], [data-testid="axtrain-status"]')).toEqual([]);
  // Every figure panel, all of it: titles, captions, legends, tables, readouts, the claims' computed readings and the DRUM explorer.
  expect(await leftIn(page, '[data-testid="axtrain-panels"]')).toEqual([]);
  await expect(page.getByTestId('axtrain-panel-claims').locator('h3')).toHaveText('论文的结论与本实验对照');
  expect(errors).toEqual([]);
});

test('NAS in 中文: jpeg searched to done; the whole view (controls, status, figures, tables) shows no English word', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('/#nas=jpeg&nas.group=2&nas.budget=3&nas.steps=100&backend=wasm&lang=zh');
  await expect(page.getByTestId('nas-status')).toHaveAttribute('data-status', 'idle');
  await expect(page.getByTestId('nas-play')).toHaveText('播放');
  expect(await leftIn(page, '[data-testid="nas-view"]')).toEqual([]);
  await page.getByTestId('nas-play').click();
  await expect(page.getByTestId('nas-status')).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  await expect(page.getByTestId('nas-timing')).toBeVisible();
  // The details (the front's table, the advanced settings) open, so their texts count too.
  for (const id of ['nas-front-table', 'nas-advanced']) await page.getByTestId(id).locator('summary').click();
  expect(await leftIn(page, '[data-testid="nas-view"]')).toEqual([]);
  await expect(page.getByTestId('nas-play')).toHaveText('播放');
  expect(errors).toEqual([]);
});

test('the Paper view in 中文 shows no English word before a study', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&backend=cpu&lang=zh');
  await page.getByTestId('tab-paper').click();
  await expect(page.getByTestId('panel-paper')).toBeVisible();
  await expect(page.locator('#paper-title')).toHaveText('论文（§V）：重新计算的各图');
  await expect(page.getByTestId('paper-run')).toHaveText('运行快速研究');
  expect(await leftIn(page, '[data-testid="panel-paper"]')).toEqual([]);
  expect(errors).toEqual([]);
});

test('the Paper view in 中文 with a NAS study: its run line, figures and tables show no English word', async ({ page }) => {
  const errors = collectErrors(page);
  // Every unit of the quick plan, cached as the Paper view caches a finished run (studyCache.ts, namespace 'nas').
  const units = Object.values(buildNasStudyFixtureRecords());
  await page.goto('/#v=1&backend=cpu&lang=zh');
  await putStudyCacheEntries(
    page,
    units.map((record) => [`nas:${record.key}`, record] as const),
  );
  await page.reload();
  await page.getByTestId('tab-paper').click();
  await expect(page.getByTestId('paper-nas-progress')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('paper-nas-budget-line')).toContainText(`已完成 ${units.length}/${units.length} 次运行`);
  for (const id of ['walltime', 'fig4b', 'fig4a', 'seeds', 'fig5', 'axnet']) await expect(page.getByTestId(`paper-nas-${id}`)).toBeVisible();
  await expect(page.getByTestId('paper-nas-figure-fig-nas-5-energy')).toContainText('准确率阈值处的能耗降低');
  expect(await leftIn(page, '[data-testid="paper-nas"]')).toEqual([]);
  expect(errors).toEqual([]);
});
