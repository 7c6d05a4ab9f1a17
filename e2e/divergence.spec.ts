import { expect, test } from '@playwright/test';
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
