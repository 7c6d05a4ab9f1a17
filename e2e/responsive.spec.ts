import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

/**
 * Compare mode stays responsive while four workers train (issue 7, point 2): a click on a chart
 * control during the run shows in the DOM within a second. Not a timing benchmark (bench/ui-perf.mjs
 * measures long tasks and frames). Measured in the page: from the click handler to the DOM change
 * (the app's own reaction, bounded at 1 s), and from the input event's timestamp (which adds the wait
 * for a busy or CPU-starved main thread; on a loaded 2-core machine that wait is the OS's, so it is
 * only bounded loosely, at 5 s, and reported).
 */
const COMPARE_4 = '/#v=1&methods=axnet,onepass,iterative,weightsharing&backend=wasm&seed=7';
const REACTS_WITHIN_MS = 1000;
const NOT_FROZEN_MS = 5000;

interface Reaction {
  /** Click handler start → DOM shows the change, ms. */
  reaction: number;
  /** Input event timestamp → handler start, ms (queueing on the main thread). */
  inputDelay: number;
}

/** Clicks the x-axis option and times, in the page, how fast the chart box reports the new axis. */
async function clickAxisAndTime(page: Page, axis: string): Promise<Reaction> {
  const pending = await page.evaluateHandle((option) => {
    const box = document.querySelector('[data-testid="compare-chart-box"]');
    const input = document.querySelector(`[data-testid="compare-axis-${option}"]`);
    if (!box || !input) throw new Error('compare chart controls missing');
    // Wrapped in an object: evaluateHandle would wait for a bare promise, before the click.
    const done = new Promise<{ reaction: number; inputDelay: number }>((resolve) => {
      let handlerAt = 0;
      let eventAt = 0;
      input.addEventListener(
        'click',
        (event) => {
          handlerAt = performance.now();
          eventAt = event.timeStamp;
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        if (box.getAttribute('data-axis') !== option || handlerAt === 0) return;
        observer.disconnect();
        resolve({ reaction: performance.now() - handlerAt, inputDelay: handlerAt - eventAt });
      });
      observer.observe(box, { attributes: true, attributeFilter: ['data-axis'] });
    });
    return { done };
  }, axis);
  await page.getByTestId(`compare-axis-${axis}`).click();
  return pending.evaluate((handle) => handle.done);
}

test('during a 4-method compare run, the x-axis option reacts within a second each time', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(COMPARE_4);
  await page.getByTestId('play-button').click();
  // Every method trains and has drawn its first points.
  for (const method of ['axnet', 'onepass', 'iterative', 'weightsharing']) {
    await expect.poll(async () => Number(await page.getByTestId(`compare-curve-${method}`).getAttribute('data-points'))).toBeGreaterThan(0);
  }
  const chart = page.getByTestId('compare-chart');
  const axisText = { budget: 'training progress', time: 'training time', steps: 'training step' } as const;
  const timings: string[] = [];
  for (const axis of ['time', 'steps', 'budget', 'time'] as const) {
    const { reaction, inputDelay } = await clickAxisAndTime(page, axis);
    timings.push(`${axis}: ${Math.round(reaction)} ms after the handler, ${Math.round(inputDelay)} ms input delay`);
    expect(reaction, `reaction to x-axis ${axis}`).toBeLessThan(REACTS_WITHIN_MS);
    expect(inputDelay + reaction, `input to DOM for x-axis ${axis}`).toBeLessThan(NOT_FROZEN_MS);
    await expect(page.getByTestId(`compare-axis-${axis}`)).toBeChecked();
    // The chart itself was rebuilt for the new axis.
    await expect(chart).toHaveAttribute('aria-label', new RegExp(`x-axis ${axisText[axis]}`));
  }
  test.info().annotations.push({ type: 'x-axis reactions', description: timings.join('; ') });
  // The runs went on meanwhile.
  await expect(page.getByTestId('compare-curve-iterative')).toHaveAttribute('data-status', 'running');
  const points = Number(await page.getByTestId('compare-curve-axnet').getAttribute('data-points'));
  await expect.poll(async () => Number(await page.getByTestId('compare-curve-axnet').getAttribute('data-points'))).toBeGreaterThan(points);
  await page.getByTestId('compare-show-predicted').uncheck();
  await expect(page.getByTestId('compare-show-predicted')).not.toBeChecked({ timeout: REACTS_WITHIN_MS });
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Play');
  expect(errors).toEqual([]);
});

test('a single run: the invocation chart is one canvas chart whose text summary follows the readouts', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&backend=cpu&seed=7&train=1024&test=512&steps=300&eval=50');
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('300');
  await expect(page.getByTestId('panel-invocation')).toHaveAttribute('data-points', '6');
  const chart = page.getByTestId('invocation-chart');
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect(chart.locator('svg path')).toHaveCount(0); // no SVG paths to measure
  const trueInvocation = (await page.getByTestId('metric-true-invocation').textContent()) ?? '';
  await expect(chart).toHaveAttribute('aria-label', new RegExp(`to step 300: true invocation ${trueInvocation.replace('.', '\\.')}`));
  // The legend lists the drawn curves (the lone approximator's too: it is trained by default).
  const shown = chart.locator('.u-legend .u-series:not(.u-off)');
  await expect(shown.filter({ hasText: 'predicted invocation' })).toHaveCount(1);
  await expect(shown.filter({ hasText: 'lone approximator: true invocation' })).toHaveCount(1);
  expect(errors).toEqual([]);
});
