import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

/** A 16-variant bound sweep on wasm with few steps and small data, so the whole group trains in seconds. */
const SWEEP_LINK = '/#v=1&backend=wasm&seed=7&train=512&test=256&steps=300&eval=100&sweep=errorBound&sweepRange=0.005:0.2:16:log';

async function readMultiples(page: Page): Promise<{ variant: number; points: number }[]> {
  return page
    .getByTestId('sweep-multiple')
    .evaluateAll((cells) => cells.map((cell) => ({ variant: Number((cell as HTMLElement).dataset.variant), points: Number((cell as HTMLElement).dataset.points) })));
}

test('sweep mode from a link: 16 bound variants train as one group, 16 small multiples and a 16-row summary', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(SWEEP_LINK);
  await expect(page.getByTestId('sweep-toggle')).toBeChecked();
  await expect(page.getByTestId('sweep-parameter')).toHaveValue('errorBound');
  await expect(page.getByTestId('sweep-values')).toHaveValue('0.005:0.2:16:log');
  await expect(page.getByTestId('sweep-plan')).toHaveAttribute('data-variants', '16');
  await expect(page.getByTestId('sweep-panel')).toBeVisible();
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 110_000 });

  const multiples = await readMultiples(page);
  expect(multiples.map((m) => m.variant)).toEqual(Array.from({ length: 16 }, (_, k) => k));
  // Evaluations at 100, 200 and 300: every curve has its three points.
  for (const m of multiples) expect(m.points).toBeGreaterThanOrEqual(2);
  const summary = page.getByTestId('sweep-summary');
  await expect(summary).toHaveAttribute('data-rows', '16');
  await expect(summary).toHaveAttribute('data-variants', '16');
  await expect(summary).toHaveAttribute('aria-label', /16 values: highest mean true invocation \d\.\d{3}/);
  await expect(page.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(16);
  // The header mirrors the sweep: the run is done at the budget.
  await expect(page.getByTestId('sweep-status')).toContainText('step 300 / 300');
  // The link keeps the sweep.
  expect(page.url()).toContain('sweep=errorBound');
  expect(page.url()).toContain('sweepRange=0.005%3A0.2%3A16%3Alog');

  // No serious or critical axe violation in the trained sweep view.
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.screenshot({ path: 'test-results/sweep-1440x900.png', fullPage: false });
  await page.getByTestId('sweep-multiples').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/sweep-1440x900-multiples.png', fullPage: false });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300); // the canvases redraw on resize (next animation frame)
  await page.screenshot({ path: 'test-results/sweep-1280x720.png', fullPage: false });
  await page.screenshot({ path: 'test-results/sweep-1280x720-full.png', fullPage: true });

  // Reset clears the curves; turning sweep mode off brings back the lab view and drops the sweep from the link.
  await page.getByTestId('reset-button').click();
  await expect(page.getByTestId('sweep-multiple')).toHaveCount(0);
  await page.getByTestId('sweep-toggle').uncheck();
  await expect(page.getByTestId('sweep-panel')).toHaveCount(0);
  await expect.poll(() => page.url()).not.toContain('sweep=');
  expect(errors).toEqual([]);
});

test('the sweep controls write the link and refuse more than 256 variants with a message', async ({ page }) => {
  await page.goto('/#v=1&backend=cpu&steps=100');
  await page.getByTestId('sweep-toggle').check();
  await expect(page.getByTestId('sweep-plan')).toHaveAttribute('data-variants', '8');
  await expect.poll(() => page.url()).toContain('sweep=errorBound');
  await page.getByTestId('sweep-parameter').selectOption('learningRate');
  await page.getByTestId('sweep-values').fill('0.001,0.003,0.01');
  await page.getByTestId('sweep-values').press('Enter');
  await page.getByTestId('sweep-seeds').fill('2');
  await expect(page.getByTestId('sweep-plan')).toHaveAttribute('data-variants', '6');
  await expect.poll(() => page.url()).toContain('sweepValues=0.001%2C0.003%2C0.01');
  await expect.poll(() => page.url()).toContain('sweepSeeds=2');
  await page.getByTestId('sweep-values').fill('0.0001:0.1:200:log');
  await page.getByTestId('sweep-values').press('Enter');
  await expect(page.getByTestId('sweep-plan')).toContainText('at most 256 variants; 200 values × 2 seeds = 400');
  await page.getByTestId('play-button').click();
  await expect(page.getByRole('alert').filter({ hasText: 'The sweep cannot run' })).toBeVisible();
  await expect(page.getByTestId('sweep-multiple')).toHaveCount(0);
});

test('a 256-variant sweep (16 bounds × 16 seeds) draws every multiple and its summary with error bars', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  // Long tasks on the main thread are recorded for the report (an annotation), not asserted: machines are noisy.
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/#v=1&backend=wasm&train=256&test=128&steps=20&eval=10&sweep=errorBound&sweepRange=0.005:0.2:16:log&sweepSeeds=16');
  await expect(page.getByTestId('sweep-plan')).toHaveAttribute('data-variants', '256');
  await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks.length = 0; // page load is not training
  });
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 110_000 });
  const points = await page.getByTestId('sweep-multiple').evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.points)));
  expect(points).toHaveLength(256);
  expect(points.every((n) => n === 2)).toBe(true);
  await expect(page.getByTestId('sweep-summary')).toHaveAttribute('data-rows', '16');
  await expect(page.getByTestId('sweep-summary')).toHaveAttribute('data-variants', '256');
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  test.info().annotations.push({ type: 'main-thread long tasks while training (ms)', description: JSON.stringify(longTasks) });
  console.log(`256-variant sweep: main-thread long tasks while training (ms): ${JSON.stringify(longTasks)}`);
  await page.screenshot({ path: 'test-results/sweep-256-1440x900.png' });
  await page.getByTestId('sweep-multiples').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/sweep-256-multiples.png' });
  expect(errors).toEqual([]);
});

test('backend auto measures the group; pause holds every variant, play resumes them to the end', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&train=512&test=256&steps=1500&eval=100&sweep=learningRate&sweepValues=0.003,0.01,0.03&sweepSeeds=2');
  await expect(page.getByTestId('sweep-plan')).toHaveAttribute('data-variants', '6');
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'running');
  await expect.poll(async () => Number(await page.getByTestId('sweep-multiple').first().getAttribute('data-points'))).toBeGreaterThanOrEqual(1);
  await page.getByTestId('play-button').click(); // pause
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'paused');
  // The chunk in flight when Pause arrived may still report its steps; once it has, nothing moves.
  const statusText = () => page.getByTestId('sweep-status').textContent();
  let previous: string | null = null;
  await expect
    .poll(
      async () => {
        const current = await statusText();
        const settled = current === previous;
        previous = current;
        return settled;
      },
      { intervals: [400] },
    )
    .toBe(true);
  const pausedAt = await statusText();
  await page.waitForTimeout(1000);
  expect(await page.getByTestId('sweep-status').textContent()).toBe(pausedAt);
  await page.getByTestId('play-button').click(); // resume
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 110_000 });
  const points = await page.getByTestId('sweep-multiple').evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.points)));
  expect(points).toEqual([15, 15, 15, 15, 15, 15]);
  // The backend report says how the backend was chosen (measured on this group, or from the cache).
  await expect(page.getByTestId('sweep-status')).toContainText(/wasm|cpu|webgl|webgpu/);
  await expect(page.getByTestId('sweep-summary')).toHaveAttribute('data-rows', '3');
  expect(errors).toEqual([]);
});
