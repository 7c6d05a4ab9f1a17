import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

/**
 * NPU view in compare mode (paper Fig. 10b): AXNet, onepass and iterative trained side by side; the NPU view runs the
 * axnet worker's network and lists every method's energy-efficiency gain over CPU-only on the same test set.
 * Fixture: cpu backend, fixed seed, tiny data and budgets so the three runs finish in seconds.
 */
const SMALL = 'v=1&backend=cpu&seed=7&train=1024&test=512&steps=100&rounds=2';

async function openNpu(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Panels' }).getByRole('link', { name: /NPU/ }).click();
  await expect(page.getByTestId('panel-npu')).toBeVisible();
}

async function readGain(page: Page, method: string): Promise<number> {
  const text = (await page.getByTestId(`npu-gain-${method}`).textContent()) ?? '';
  return Number(text.trim());
}

test('compare mode: the NPU view runs AXNet and compares its energy-efficiency gain with onepass and iterative', async ({ page }) => {
  const errors = collectErrors(page);
  const methods = ['axnet', 'onepass', 'iterative'];
  await page.goto(`/#${SMALL}&methods=${methods.join(',')}`);
  await expect(page.getByTestId('panel-compare')).toBeVisible();
  await openNpu(page);
  await expect(page.getByTestId('npu-empty')).toContainText('Train the compared methods first');

  await page.getByTestId('play-button').click();
  for (const method of methods) {
    await expect(page.getByTestId(`compare-curve-${method}`)).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  }
  await openNpu(page);
  // AXNet from the compare run drives the animation.
  await expect(page.getByTestId('npu-stage-1')).toBeVisible();
  await expect(page.getByTestId('npu-weights-step')).toContainText('step 100');
  await expect(page.getByTestId('npu-weights-step')).toContainText('compare mode');
  // One test-set row per method, each with a positive gain (a plain number).
  for (const method of methods) {
    await expect(page.getByTestId(`npu-aggregate-${method}`)).toBeVisible();
    await expect(page.getByTestId(`npu-gain-${method}`)).toHaveText(/^\d+\.\d{2}$/);
    expect(await readGain(page, method)).toBeGreaterThan(0);
  }
  expect(await readGain(page, 'axnet')).toBe(Number((await page.getByTestId('npu-gain').textContent())?.trim()));
  await expect(page.getByTestId('npu-fig10b')).toContainText('Fig. 10b');
  await expect(page.getByTestId('npu-fig10b')).toContainText('⊙c');
  await page.getByTestId('panel-npu').screenshot({ path: '/tmp/npu-compare.png' });

  // Stepping the animation works on the compare run's network.
  await page.getByTestId('npu-step-stage').click();
  await expect(page.getByTestId('npu-stage-2')).toHaveAttribute('data-active', 'true');

  // Reset drops the compared networks.
  await page.getByTestId('reset-button').click();
  await expect(page.getByTestId('npu-empty')).toBeVisible();
  await expect(page.getByTestId('npu-gain-onepass')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('compare mode without AXNet: the NPU view says so and still lists the baselines’ gains', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#${SMALL}&methods=onepass,iterative`);
  await openNpu(page);
  await expect(page.getByTestId('npu-no-axnet')).toContainText('AXNet is not among the compared methods');
  await page.getByTestId('play-button').click();
  for (const method of ['onepass', 'iterative']) {
    await expect(page.getByTestId(`compare-curve-${method}`)).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  }
  // The NPU view simulates only while on screen (useOnScreen): the compare panel grew while training, so look at it again.
  await openNpu(page);
  await expect(page.getByTestId('npu-no-axnet')).toBeVisible();
  for (const method of ['onepass', 'iterative']) expect(await readGain(page, method)).toBeGreaterThan(0);
  await expect(page.getByTestId('npu-gain-axnet')).toHaveCount(0);
  expect(errors).toEqual([]);
});
