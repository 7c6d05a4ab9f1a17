import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

/** Heatmaps as a class sees them: projector-sized, numbered, readable by keyboard, and honest where a target has no grid. */

test.use({ viewport: { width: 1440, height: 900 } });

async function train(page: Page, hash: string, steps: number): Promise<void> {
  await page.goto(`/${hash}`);
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText(String(steps));
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Play');
}

async function readCursor(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(`${testId}-cursor`).getAttribute('data-cursor');
}

async function readWidth(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((element) => element.getBoundingClientRect().width);
}

test('Bessel: big maps, numbered colour bars with the bound, and a keyboard cursor shared by every map', async ({ page }) => {
  const errors = collectErrors(page);
  await train(page, '#v=1&backend=cpu&steps=200', 200);
  await page.getByTestId('surface-target').scrollIntoViewIfNeeded(); // maps off screen wait to repaint until they scroll in
  await expect(page.getByTestId('surface-target')).toHaveAttribute('data-drawn-step', '200');

  // Sizes: surfaces at least 320 CSS px at 1440×900, drawn at devicePixelRatio; control maps at least 96 px.
  for (const id of ['surface-target-map', 'surface-axnet-map', 'surface-error-map', 'surface-safe-map']) expect(await readWidth(page, id), id).toBeGreaterThanOrEqual(320);
  const backing = await page.getByTestId('surface-target').evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    return { pixels: canvas.width, css: canvas.getBoundingClientRect().width, ratio: window.devicePixelRatio };
  });
  expect(Math.abs(backing.pixels - backing.css * backing.ratio)).toBeLessThanOrEqual(1);
  expect(await readWidth(page, 'control-c-0-0-map')).toBeGreaterThanOrEqual(96);

  // Colour bars carry numbers; the |error| bar is logarithmic and marks the bound of the link.
  const bound = Number(await page.getByTestId('config-bound').inputValue());
  const errorBar = page.getByTestId('surface-error-bar');
  await expect(errorBar).toHaveAttribute('data-scale', 'log');
  await expect(errorBar.getByText(/^(≥ )?[\d.×⁰¹²³⁴⁵⁶⁷⁸⁹⁻−]+$/)).not.toHaveCount(0);
  const markText = (await page.getByTestId('surface-error-bar-mark').textContent()) ?? '';
  expect(markText).toMatch(/^bound /);
  expect(Number(markText.replace('bound ', ''))).toBeCloseTo(bound, 10);
  expect(await page.getByTestId('surface-target-bar').locator('.hm-tick').count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('control-bar-c-0').locator('.hm-tick').first()).toHaveText(/\d/);
  // Axis ticks name the target's inputs.
  await expect(page.getByTestId('panel-surface').getByText('ν (order)').first()).toBeVisible();

  // Keyboard: focus a map, arrows move the cursor cell, the readout follows, every map shows the crosshair.
  const paintsBefore = await page.getByTestId('surface-target').getAttribute('data-paints');
  const map = page.getByTestId('surface-target-map');
  await map.focus();
  await expect(map).toBeFocused();
  const outline = await map.evaluate((element) => getComputedStyle(element).boxShadow);
  expect(outline).not.toBe('none');
  await page.keyboard.press('ArrowRight');
  const first = await readCursor(page, 'surface-target');
  expect(first).toMatch(/^\d+,\d+$/);
  const readout = page.getByTestId('surface-hover');
  await expect(readout).toContainText('ν = ');
  await expect(readout).toContainText('predicted');
  const firstText = await readout.textContent();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  const [i0, j0] = first!.split(',').map(Number);
  await expect.poll(() => readCursor(page, 'surface-target')).toBe(`${i0 + 1},${j0 + 1}`);
  await expect(readout).not.toHaveText(firstText ?? '');
  for (const id of ['surface-axnet', 'surface-error', 'surface-safe', 'control-c-0-0', 'control-after-1-3']) expect(await readCursor(page, id), id).toBe(`${i0 + 1},${j0 + 1}`);
  await expect(page.getByTestId('control-hover')).toContainText(/suppressed/);
  // Clamped at the edge: End goes to the last column, ArrowRight stays there.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => readCursor(page, 'surface-target')).toBe(`39,${j0 + 1}`);
  await expect(readout).toContainText('ν = 1,');
  // Moving the cursor never repaints the data layer.
  expect(await page.getByTestId('surface-target').getAttribute('data-paints')).toBe(paintsBefore);
  // The mouse drives the same cursor.
  await page.getByTestId('surface-error').hover({ position: { x: 5, y: 5 }, force: true });
  await expect.poll(() => readCursor(page, 'surface-target')).toBe('0,39');
  expect(errors).toEqual([]);
});

test('fft says in one line why it has no surfaces or control maps, instead of empty panels', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&backend=cpu&target=fft');
  await expect(page.getByTestId('surface-unavailable')).toHaveText('Surfaces need a 2-input target; fft has 1 input — see the scatter below.');
  await expect(page.getByTestId('control-unavailable')).toContainText('Control-vector maps need a 2-input target; fft has 1 input');
  await expect(page.getByTestId('panel-control').locator('canvas')).toHaveCount(0);
  await expect(page.getByTestId('panel-surface')).toHaveCount(0);
  await expect(page.locator('.hm')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('inversek2j: both outputs are reachable, θ1 and θ2', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&backend=cpu&target=inversek2j&steps=1000&eval=50&train=1024&test=512');
  await page.getByTestId('step-button').click();
  await page.getByTestId('surface-target').scrollIntoViewIfNeeded(); // maps off screen wait to repaint until they scroll in
  await expect(page.getByTestId('surface-target')).toHaveAttribute('data-drawn-step', '50');
  await expect(page.getByTestId('surface-target')).toHaveAttribute('aria-label', /θ1/);
  await expect(page.getByTestId('panel-surface').getByText('x', { exact: true }).first()).toBeVisible();
  const before = await page.getByTestId('surface-target').evaluate((element) => (element as HTMLCanvasElement).toDataURL());
  await page.getByTestId('surface-output-1').check();
  await expect(page.getByTestId('surface-target')).toHaveAttribute('aria-label', /θ2/);
  await expect(page.getByTestId('surface-target-bar')).toContainText('θ2');
  await expect.poll(() => page.getByTestId('surface-target').evaluate((element) => (element as HTMLCanvasElement).toDataURL())).not.toBe(before);
  // The readout names both outputs at the cursor.
  // The maps render at deferred priority: a map focused at once may be replaced by its next render, so press again until it reads.
  await expect(async () => {
    await page.getByTestId('surface-axnet-map').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('surface-hover')).toContainText('θ1: target', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId('surface-hover')).toContainText('θ2: target');
  expect(errors).toEqual([]);
});

test('jpeg: photographs scale with the panel, pixels kept sharp', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&backend=cpu&target=jpeg&steps=1000&eval=50&train=1024&test=512');
  await expect(page.getByTestId('surface-unavailable')).toContainText('jpeg has 64 inputs — see the photographs below');
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('benchmark-view')).toHaveAttribute('data-drawn-step', '50');
  for (const id of ['bench-input', 'bench-approximated']) {
    const shown = await page.getByTestId(id).evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      return { css: canvas.getBoundingClientRect().width, pixels: canvas.width, rendering: getComputedStyle(canvas).imageRendering };
    });
    expect(shown.css, id).toBeGreaterThanOrEqual(320);
    expect(shown.css / shown.pixels, id).toBeGreaterThanOrEqual(2);
    expect(shown.rendering, id).toBe('pixelated');
  }
  expect(errors).toEqual([]);
});

test('a map off screen skips its repaints while training and catches up when it scrolls in', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&backend=cpu&steps=400&eval=100');
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('100');
  const map = page.getByTestId('control-c-1-3'); // the last control map: far below the first screen
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveAttribute('data-drawn-step', '100');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(() => map.evaluate((element) => element.getBoundingClientRect().top)).toBeGreaterThan(900 + 200);
  const paintsOffScreen = await map.getAttribute('data-paints');
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('200');
  await page.waitForTimeout(500);
  expect(await map.getAttribute('data-drawn-step')).toBe('100'); // new data, no repaint off screen
  expect(await map.getAttribute('data-paints')).toBe(paintsOffScreen);
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveAttribute('data-drawn-step', '200'); // on screen: the latest snapshot
  expect(errors).toEqual([]);
});
