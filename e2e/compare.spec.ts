import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

/** Fixture links: cpu backend, fixed seed, tiny data, so runs finish in seconds. */
const SMALL = 'backend=cpu&seed=7&train=1024&test=512';

async function readCurvePoints(page: Page, method: string): Promise<number> {
  return Number(await page.getByTestId(`compare-curve-${method}`).getAttribute('data-points'));
}

test('compare mode: three methods train in parallel and their curves advance', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#v=1&${SMALL}&steps=600&eval=50&methods=axnet,onepass,weightsharing`);
  await expect(page.getByTestId('panel-compare')).toBeVisible();
  await expect(page.getByTestId('compare-badge')).toBeVisible();
  for (const method of ['axnet', 'onepass', 'weightsharing']) await expect(page.getByTestId(`method-${method}`)).toBeChecked();
  await page.getByTestId('play-button').click();
  // Read AXNet's curve as soon as it has points, before waiting on the others: with the workers sharing one
  // cached tfjs chunk they start fast enough that AXNet's 600 steps can end while the others are polled.
  await expect.poll(() => readCurvePoints(page, 'axnet')).toBeGreaterThan(1);
  const first = await readCurvePoints(page, 'axnet');
  for (const method of ['onepass', 'weightsharing']) {
    await expect.poll(() => readCurvePoints(page, method)).toBeGreaterThan(1);
  }
  await expect.poll(() => readCurvePoints(page, 'axnet')).toBeGreaterThan(first);
  // Every method runs to its own budget (onepass: 2 phases).
  for (const method of ['axnet', 'onepass', 'weightsharing']) {
    await expect(page.getByTestId(`compare-curve-${method}`)).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  }
  await expect(page.getByTestId('compare-params-axnet')).toHaveText(/^\d+ \(A \d+ \+ P \d+\)$/);
  await expect(page.getByTestId('compare-row-onepass')).toContainText(/\d\.\d{4}/);
  // On the default x-axis (fraction of each method's own budget) every finished method reaches 100 %,
  // though onepass trains twice AXNet's steps; on raw steps, AXNet ends at half of onepass' range.
  const chart = page.getByTestId('compare-chart');
  for (const name of ['AXNet', 'onepass', 'weight sharing']) await expect(chart).toHaveAttribute('aria-label', new RegExp(`${name} at 100 % of its budget`));
  await expect(page.getByTestId('compare-chart-box')).toHaveAttribute('data-axis', 'budget');
  await page.getByTestId('compare-axis-steps').check();
  await expect(chart).toHaveAttribute('aria-label', /x-axis training step/);
  await expect(page.getByTestId('compare-row-onepass')).toContainText('1200');
  await page.screenshot({ path: '/tmp/compare.png', fullPage: true });
  // Reset terminates every worker and clears the runs.
  await page.getByTestId('reset-button').click();
  await expect(page.getByTestId('compare-curve-axnet')).toHaveAttribute('data-points', '0');
  expect(errors).toEqual([]);
});

test('ticking a second method switches to compare mode, and parameter matching brings AXNet within 3%', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#v=1&${SMALL}&steps=100&eval=50`);
  await expect(page.getByTestId('panel-compare')).toHaveCount(0);
  await page.getByTestId('method-onepass').check();
  await expect(page.getByTestId('panel-compare')).toBeVisible();
  await expect(page).toHaveURL(/methods=axnet%2Conepass|methods=axnet,onepass/);
  await page.getByTestId('advanced-toggle').click();
  await page.getByTestId('config-match').check();
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('compare-curve-axnet')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('compare-curve-onepass')).toHaveAttribute('data-status', 'done');
  const difference = Number(await page.getByTestId('compare-param-note').getAttribute('data-difference'));
  expect(Math.abs(difference)).toBeLessThanOrEqual(3);
  await expect(page.getByTestId('compare-param-note')).toContainText('Parameter-matched');
  expect(errors).toEqual([]);
});

test('switching benchmarks redraws the benchmark view: bessel → sobel → inversek2j → blackscholes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.goto(`/#v=1&${SMALL}&steps=1000&eval=50`);
  const view = page.getByTestId('benchmark-view');
  await page.getByTestId('step-button').click();
  await expect(view).toHaveAttribute('data-target', 'bessel_Jnu');
  await expect(view).toHaveAttribute('data-drawn-step', '50');
  await page.getByTestId('surface-target').scrollIntoViewIfNeeded(); // maps off screen wait to repaint until they scroll in
  await expect(page.getByTestId('surface-target')).toHaveAttribute('data-drawn-step', '50');

  await page.getByTestId('config-target').selectOption('sobel');
  // The paused run is kept until the question is answered.
  await page.getByTestId('run-change-new').click();
  await expect(view).toHaveAttribute('data-target', 'sobel');
  await expect(view).toHaveAttribute('data-drawn-step', '');
  await page.getByTestId('step-button').click();
  await expect(view).toHaveAttribute('data-drawn-step', '50');
  for (const id of ['bench-input', 'bench-exact', 'bench-approximated', 'bench-routing']) {
    const colours = await page.getByTestId(id).evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let p = 0; p < data.length; p += 4 * 29) seen.add((data[p] << 16) | (data[p + 1] << 8) | data[p + 2]);
      return seen.size;
    });
    expect(colours, id).toBeGreaterThan(1);
  }
  const cpuFraction = Number(await page.getByTestId('benchmark-images').getAttribute('data-cpu-fraction'));
  expect(cpuFraction).toBeGreaterThanOrEqual(0);
  expect(cpuFraction).toBeLessThanOrEqual(1);

  await page.getByTestId('config-target').selectOption('inversek2j');
  // The paused run is kept until the question is answered.
  await page.getByTestId('run-change-new').click();
  await expect(view).toHaveAttribute('data-target', 'inversek2j');
  await page.getByTestId('step-button').click();
  await expect(view).toHaveAttribute('data-drawn-step', '50');
  await page.getByTestId('surface-axnet').scrollIntoViewIfNeeded(); // maps off screen wait to repaint until they scroll in
  await expect(page.getByTestId('surface-axnet')).toHaveAttribute('data-drawn-step', '50');

  await page.getByTestId('config-target').selectOption('blackscholes');
  // The paused run is kept until the question is answered.
  await page.getByTestId('run-change-new').click();
  await expect(view).toHaveAttribute('data-target', 'blackscholes');
  await page.getByTestId('step-button').click();
  await expect(view).toHaveAttribute('data-drawn-step', '50');
  await expect(page.getByTestId('benchmark-scatter')).toHaveAttribute('data-points', '400');
  expect(errors).toEqual([]);
});
