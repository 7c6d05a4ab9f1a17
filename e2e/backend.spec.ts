import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

/**
 * Backend by measurement (src/ml/backend.ts): on the default link (backend auto) Play must show metrics
 * quickly. Before, auto took Chromium's software WebGPU adapter here: 69 s to the first metric.
 * This machine is shared, so the bound is relative as well as absolute: auto may take the measurement
 * budget (1.5 s) plus slack longer than a forced wasm run in the same browser, and never 15 s.
 * The old behaviour fails both by far.
 */
const MEASURE_SLACK_MS = 1500 + 3000;
const ABSOLUTE_BOUND_MS = 15_000;

/** Milliseconds from the Play click to the first true-invocation number. */
async function timeFirstMetric(page: Page, link: string): Promise<number> {
  await page.goto(link);
  await expect(page.getByTestId('metric-true-invocation')).toHaveText('–');
  const clickedAt = Date.now();
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-true-invocation')).toHaveText(/^\d\.\d{4}$/, { timeout: 70_000 });
  const ms = Date.now() - clickedAt;
  await page.getByTestId('play-button').click(); // pause
  return ms;
}

test('auto: Play shows the first metric within seconds, and the badge lists the measured candidates', async ({ page, context }) => {
  const errors = collectErrors(page);
  const reference = await context.newPage();
  const wasmMs = await timeFirstMetric(reference, '/#v=1&backend=wasm');
  await reference.close();
  const autoMs = await timeFirstMetric(page, '/');
  test.info().annotations.push({ type: 'first metric after Play (ms)', description: `auto ${autoMs}, forced wasm ${wasmMs}` });
  console.log(`first metric after Play: auto ${autoMs} ms, forced wasm ${wasmMs} ms`);
  expect(autoMs).toBeLessThan(Math.min(ABSOLUTE_BOUND_MS, wasmMs + MEASURE_SLACK_MS));
  await expect(page.getByTestId('backend-name')).toHaveText(/^(wasm|cpu)$/);

  await page.getByTestId('backend-name').click(); // opens the details
  const details = page.getByTestId('backend-details');
  await expect(details).toBeVisible();
  await expect(page.getByTestId('backend-row-webgpu')).toContainText('software adapter (SwiftShader), not used');
  for (const name of ['wasm', 'cpu']) await expect(page.getByTestId(`backend-row-${name}`)).toContainText(/\d steps\/s/);
  const chosen = (await page.getByTestId('backend-name').textContent()) ?? '';
  await expect(page.getByTestId(`backend-row-${chosen}`)).toContainText(/chosen: [\d.,]+ steps\/s, the fastest measured/);
  expect(errors).toEqual([]);
});

test('auto: the next Play with the same net uses the cached measurement', async ({ page }) => {
  await page.goto('/#v=1&steps=200');
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-true-invocation')).toHaveText(/^\d\.\d{4}$/, { timeout: 70_000 });
  const first = (await page.getByTestId('backend-name').textContent()) ?? '';
  await page.getByTestId('reset-button').click();
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-true-invocation')).toHaveText(/^\d\.\d{4}$/, { timeout: 70_000 });
  await expect(page.getByTestId('backend-name')).toHaveText(first);
  await page.getByTestId('backend-name').click();
  await expect(page.getByTestId(`backend-row-${first}`)).toContainText('from cache');
});

test('a forced backend is used without measuring', async ({ page }) => {
  await page.goto('/#v=1&backend=cpu&steps=200&train=1024&test=512');
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-true-invocation')).toHaveText(/^\d\.\d{4}$/);
  await page.getByTestId('backend-name').click();
  await expect(page.getByTestId('backend-row-cpu')).toContainText('forced by the link (not measured)');
  await expect(page.getByTestId('backend-details').locator('tbody tr')).toHaveCount(1);
});
