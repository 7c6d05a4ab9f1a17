import { expect, test } from '@playwright/test';
import { collectErrors, englishWordsIn } from './helpers';

/**
 * The figure panels in 中文 (issue 13): after a short cpu run of the default lab (Bessel J_ν(x)), the Invocation curves,
 * the benchmark view's surfaces, the control-vector maps and the NPU view (with a PE opened) show no English word left,
 * apart from the names and symbols the lab keeps as written. The readouts at a cursor are in Chinese too.
 */
const STEPS = 300;

test('Invocation, Benchmark view, Control vectors and NPU read in 中文 after a run', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto(`/#v=1&backend=cpu&steps=${STEPS}&lang=zh`);
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', '播放');
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText(String(STEPS), { timeout: 120_000 });
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', '播放');

  // Invocation (Fig. 2b): title, caption, legend and axis names.
  const invocation = page.getByTestId('panel-invocation');
  await expect(invocation.getByRole('heading', { name: '调用率' })).toBeVisible();
  await expect(page.getByTestId('invocation-chart')).toBeVisible();
  await expect(invocation).toContainText('真实调用率');
  await page.getByTestId('export-invocation-toggle').click();
  await expect(page.getByTestId('reproduce')).toContainText('复现此结果');
  expect(await englishWordsIn(page, '[data-testid="panel-invocation"]')).toEqual([]);
  await page.getByTestId('export-invocation-toggle').click();

  // Benchmark view (Fig. 4a–c): the surfaces, and the readout at a cursor moved with the arrow keys.
  const surface = page.getByTestId('panel-surface');
  await surface.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('surface-target')).toBeVisible();
  await expect(surface).toContainText('曲面图');
  // The maps render at deferred priority, so a map focused at once may be replaced by its next render: focus and press again until the readout reads.
  await expect(async () => {
    await page.getByTestId('surface-target-map').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('surface-hover')).toContainText('误差界', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  expect(await englishWordsIn(page, '[data-testid="benchmark-view"]')).toEqual([]);

  // Control vectors (Fig. 4d): per-layer heads, colour bars, the neuron maps and the readout.
  const control = page.getByTestId('panel-control');
  await control.scrollIntoViewIfNeeded();
  await expect(control.getByRole('heading', { name: '控制向量' })).toBeVisible();
  await expect(async () => {
    await page.getByTestId('control-c-0-0-map').focus();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('control-hover')).toContainText('神经元', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  expect(await englishWordsIn(page, '[data-testid="panel-control"]')).toEqual([]);

  // NPU (Fig. 5): it computes once on screen; play one inference to the end, open a PE and the constants.
  const npu = page.getByTestId('panel-npu');
  await npu.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('npu-stage-1')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('npu-hardware-table')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('npu-step-stage').click();
  await expect(page.getByTestId('npu-stage')).toContainText('阶段');
  await page.locator('[data-testid="npu-diagram"] [role="button"]').first().click();
  await expect(page.getByTestId('pe-detail')).toBeVisible();
  expect(await englishWordsIn(page, '[data-testid="panel-npu"]')).toEqual([]);
  await page.getByTestId('npu-constants').locator('summary').click();
  await expect(page.getByTestId('npu-reset-params')).toHaveText('重置结构和常数');
  expect(errors).toEqual([]);
});
