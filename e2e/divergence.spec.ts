import { expect, test, type Worker } from '@playwright/test';
import { collectErrors, readStep } from './helpers';

/**
 * Issue 12 §Divergence: after a NaN the trainer keeps its last good weights; the page must then show that step's
 * evaluated state (the step readout, a metrics point, and the NPU view's weights), not the state of the last
 * evaluation before it. The NaN is injected into the real worker through Playwright's worker handle (no test hook in
 * the build): Math.exp, which tfjs' cpu kernels call for the predictor's softmax cross-entropy, returns NaN for its
 * next few thousand calls, a few training steps, and is then itself again.
 */
function poisonMathExp(): void {
  const original = Math.exp;
  let left = 4000;
  Math.exp = (x: number) => {
    if (left-- > 0) return Number.NaN;
    Math.exp = original;
    return original(x);
  };
}

test('a divergence shows the restored step: its readout, its evaluated metrics and its weights in the NPU view', async ({ page }) => {
  const errors = collectErrors(page);
  const workerStarted = page.waitForEvent('worker');
  await page.goto('/#v=1&backend=cpu&seed=3&train=1024&test=512&steps=200000&eval=250');
  await page.getByTestId('play-button').click();
  const worker = await workerStarted;
  await expect.poll(() => readStep(page), { timeout: 60_000 }).toBeGreaterThan(600);
  await worker.evaluate(poisonMathExp);

  const notice = page.getByRole('alert').filter({ hasText: 'Training diverged' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  const [, restored] = /the weights of step (\d+) were restored/.exec((await notice.textContent()) ?? '') ?? [];
  const restoredStep = Number(restored);
  expect(restoredStep).toBeGreaterThan(600);
  // The readout is the restored step, with its own evaluated metrics (numbers, not the last point's dashes or NaN).
  await expect(page.getByTestId('metric-step')).toHaveText(String(restoredStep));
  await expect(page.getByTestId('metric-true-invocation')).toHaveText(/^\d\.\d{4}$/);
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Play');
  // The NPU view simulates the restored weights.
  await page.getByTestId('panel-npu').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('npu-weights-step')).toContainText(`step ${restoredStep}`);
  expect(errors.filter((e) => !e.includes('diverged'))).toEqual([]);
});

test('in 中文 a divergence is told in Chinese, in the lab’s notice and in a compare lane, and a switch to English rewords it', async ({ page }) => {
  test.setTimeout(120_000);
  const workers: Worker[] = [];
  page.on('worker', (worker) => workers.push(worker));
  await page.goto('/#v=1&backend=cpu&seed=3&train=1024&test=512&steps=200000&eval=250&methods=axnet,lone&lang=zh');
  const before = workers.length;
  await page.getByTestId('play-button').click();
  const lanePoints = async () => Number(await page.getByTestId('compare-curve-axnet').getAttribute('data-points'));
  await expect.poll(lanePoints, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  // The lanes' workers are the ones Play started, in config.methods order.
  const lanes = workers.slice(before);
  expect(lanes.length).toBeGreaterThanOrEqual(2);
  await lanes[0].evaluate(poisonMathExp);

  const lane = page.getByTestId('compare-error-axnet');
  await expect(lane).toContainText('训练发散', { timeout: 30_000 });
  const text = (await lane.textContent()) ?? '';
  expect(text).toMatch(/第 \d+ 步时损失或权重变为 NaN\/Inf；已恢复第 \d+ 步的权重。/);
  expect(text.replace(/NaN\/Inf/g, '')).not.toMatch(/[A-Za-z]{3,}/); // no English word left
  await page.getByTestId('language-select').selectOption('en');
  await expect(lane).toContainText('Training diverged: the loss or the weights became NaN/Inf at step');

  // The lab's own run: its notice.
  await page.goto('/#v=1&backend=cpu&seed=3&train=1024&test=512&steps=200000&eval=250&lang=zh');
  const single = workers.length;
  await page.getByTestId('play-button').click();
  await expect.poll(() => readStep(page), { timeout: 60_000 }).toBeGreaterThan(600);
  await workers[single].evaluate(poisonMathExp);
  const notice = page.getByRole('alert').filter({ hasText: '训练发散' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText('训练已停在最后一组正常的权重上；请修改设置或按“重置”。');
});
