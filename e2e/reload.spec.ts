import { expect, test } from '@playwright/test';
import { readStep, expectTrainingFrom, readStoredRunStep } from './helpers';

/**
 * Issue 12 §reload: the current run is stored in IndexedDB at its evaluations (src/state/runRestore.ts); a reload
 * mid-run brings it back paused at its last checkpoint, with its curves and a "Restored from step N" notice, and Play
 * continues from there. Another link does not restore it; Reset forgets it.
 */
const LINK = '/#v=1&backend=cpu&seed=7&train=1024&test=512&steps=200000&eval=500';

test('a reload mid-run restores the run at its last checkpoint, and Play continues from there', async ({ page }) => {
  await page.goto(LINK);
  await page.getByTestId('play-button').click();
  await expect.poll(() => readStep(page), { timeout: 60_000 }).toBeGreaterThan(1100);
  // The store writes at most every 2 s (RUN_STORE_INTERVAL_MS): reload once a checkpoint from step 1000 on is stored.
  await expect.poll(() => readStoredRunStep(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(1000);
  const invocationBefore = await page.getByTestId('metric-true-invocation').textContent();
  await page.reload();

  const notice = page.getByRole('alert').filter({ hasText: 'Restored from step' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  const restoredStep = Number(/Restored from step (\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
  expect(restoredStep).toBeGreaterThanOrEqual(1000);
  expect(restoredStep % 500).toBe(0);
  await expect(notice).toContainText('trained on cpu). Press Play to continue from there.');
  expect(await readStep(page)).toBe(restoredStep);
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Play');
  // The curves came back: the readouts show the checkpoint's evaluation.
  await expect(page.getByTestId('metric-true-invocation')).toHaveText(/^\d\.\d{4}$/);
  console.log(
    `[reload] restored from step ${restoredStep}; true invocation ${await page.getByTestId('metric-true-invocation').textContent()} (before the reload: ${invocationBefore})`,
  );

  await page.getByTestId('play-button').click();
  await expectTrainingFrom(page, restoredStep, 200);

  // Another link is another run: nothing is restored there.
  await page.goto('/#v=1&backend=cpu&seed=8&train=1024&test=512&steps=200000&eval=500');
  await page.reload();
  await expect(page.getByTestId('metric-step')).toHaveText('0');
  await expect(page.getByRole('alert').filter({ hasText: 'Restored from step' })).toHaveCount(0);
});

test('a reload mid-comparison restores every lane at its own last checkpoint, and Play continues each from there', async ({ page }) => {
  test.setTimeout(180_000);
  const link = '/#v=1&backend=cpu&seed=7&train=1024&test=512&steps=200000&eval=300&methods=axnet,lone';
  const lanePoints = async (method: string) => Number(await page.getByTestId(`compare-curve-${method}`).getAttribute('data-points'));
  await page.goto(link);
  await expect(page.getByTestId('panel-compare')).toBeVisible();
  await page.getByTestId('play-button').click();
  for (const method of ['axnet', 'lone']) await expect.poll(() => lanePoints(method), { timeout: 90_000 }).toBeGreaterThanOrEqual(4);
  await page.reload();

  const notice = page.getByRole('alert').filter({ hasText: 'Restored the comparison' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  const text = (await notice.textContent()) ?? '';
  expect(text).toMatch(/^Restored the comparison \(axnet at step \d+ on cpu, lone at step \d+ on cpu; this link's run, saved at .+\)\. Press Play to continue from there\./);
  const steps = Object.fromEntries(['axnet', 'lone'].map((method) => [method, Number(new RegExp(`${method} at step (\\d+)`).exec(text)?.[1])]));
  for (const method of ['axnet', 'lone']) {
    // Each lane's curve up to its checkpoint came back (one point per evaluation), paused.
    expect(steps[method] % 300).toBe(0);
    expect(steps[method]).toBeGreaterThanOrEqual(900);
    await expect(page.getByTestId(`compare-curve-${method}`)).toHaveAttribute('data-points', String(steps[method] / 300));
    await expect(page.getByTestId(`compare-curve-${method}`)).toHaveAttribute('data-status', 'paused');
  }
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Play');

  await page.getByTestId('play-button').click();
  // Each lane continues from its checkpoint (its point count never drops below the kept ones), not from step 0.
  for (const method of ['axnet', 'lone']) await expectTrainingFrom(page, steps[method] / 300, 1, () => lanePoints(method));
  console.log(`[reload] comparison restored at axnet ${steps.axnet}, lone ${steps.lone}`);

  // Reset forgets it: a reload then restores nothing.
  await page.getByTestId('reset-button').click();
  await page.reload();
  await expect(page.getByTestId('compare-curve-axnet')).toHaveAttribute('data-points', '0');
  await expect(page.getByRole('alert').filter({ hasText: 'Restored the comparison' })).toHaveCount(0);
});
