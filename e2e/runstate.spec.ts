import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';

/** Run-state traps of issue 7, driven as a person would. Fixture: cpu backend, fixed seed, tiny data. */
const SMALL = 'backend=cpu&seed=7&train=1024&test=512';

test('Play after a finished run starts a new run with the same settings', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#v=1&${SMALL}&steps=100&eval=50`);
  const play = page.getByTestId('play-button');
  await play.click();
  await expect(page.getByTestId('metric-step')).toHaveText('100');
  await expect(play).toHaveAttribute('aria-label', 'Play');
  const link = page.url();
  const firstInvocation = await page.getByTestId('metric-true-invocation').textContent();
  await play.click();
  // A new run: it starts over from step 0 (the curve restarts) and trains to the end again.
  await expect(page.getByTestId('panel-invocation')).toHaveAttribute('data-points', /^[01]$/);
  await expect(page.getByTestId('metric-step')).toHaveText('100');
  await expect(play).toHaveAttribute('aria-label', 'Play');
  await expect(page.getByTestId('panel-invocation')).toHaveAttribute('data-points', '2');
  expect(page.url()).toBe(link);
  // Same seed, same settings, same backend ⇒ the same numbers.
  await expect(page.getByTestId('metric-true-invocation')).toHaveText(firstInvocation ?? '');
  expect(errors).toEqual([]);
});

test('Play after a finished comparison starts it again', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#v=1&${SMALL}&steps=100&eval=50&methods=axnet,onepass`);
  const play = page.getByTestId('play-button');
  await play.click();
  for (const method of ['axnet', 'onepass']) await expect(page.getByTestId(`compare-curve-${method}`)).toHaveAttribute('data-status', 'done');
  await expect(play).toHaveAttribute('aria-label', 'Play');
  await play.click();
  await expect(page.getByTestId('compare-curve-axnet')).not.toHaveAttribute('data-status', 'done');
  for (const method of ['axnet', 'onepass']) await expect(page.getByTestId(`compare-curve-${method}`)).toHaveAttribute('data-status', 'done');
  expect(errors).toEqual([]);
});

test('a settings change on a paused run asks first; Space on a focused checkbox neither plays nor resets', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#v=1&${SMALL}&steps=1000&eval=50`);
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('50');
  const runLink = page.url();

  // A stray Space on a checkbox: the checkbox takes it, the run is kept and a question appears.
  await page.getByTestId('advanced-toggle').click();
  const lone = page.getByTestId('config-lone');
  const loneBefore = await lone.isChecked();
  await lone.focus();
  await page.keyboard.press('Space');
  const prompt = page.getByRole('alertdialog');
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('The current run (step 50) will be discarded.');
  await expect(prompt).toContainText(`lone approximator ${loneBefore ? 'on → off' : 'off → on'}`);
  await expect(page.getByTestId('metric-step')).toHaveText('50');
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Play');
  // The form and the link keep describing the run on screen until the question is answered.
  await expect(lone).toBeChecked({ checked: loneBefore });
  expect(page.url()).toBe(runLink);

  // Keep current: nothing changes.
  await page.getByTestId('run-change-keep').click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId('metric-step')).toHaveText('50');

  // A second change, then New run: the run goes, the change applies.
  await page.getByTestId('config-lr').fill('0.02');
  await page.getByTestId('config-lr').press('Enter');
  await expect(prompt).toContainText('learning rate 0.01 → 0.02');
  await expect(page.getByTestId('metric-step')).toHaveText('50');
  await page.getByTestId('run-change-new').click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId('metric-step')).toHaveText('0');
  await expect(page.getByTestId('config-lr')).toHaveValue('0.02');
  await expect(page).toHaveURL(/lr=0\.02/);

  // Play while a question is open also means "new run with the changed settings".
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('50');
  await page.getByTestId('config-steps').fill('200');
  await page.getByTestId('config-steps').press('Enter');
  await expect(prompt).toBeVisible();
  await page.getByTestId('play-button').click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId('metric-step')).toHaveText('200');
  await expect(page).toHaveURL(/steps=200/);
  expect(errors).toEqual([]);
});

test('compare mode links only the panels it shows, and the About text follows the target', async ({ page }) => {
  await page.goto(`/#v=1&${SMALL}&methods=axnet,onepass&target=blackscholes`);
  const nav = page.getByRole('navigation', { name: 'Panels' });
  await expect(nav.getByRole('link')).toHaveText(['Compare methods (Fig. 2)', 'NPU (Fig. 5)', 'AxTrain', 'NAS', 'Paper (§V)']);
  await nav.getByRole('link', { name: /Compare methods/ }).click();
  await expect(page.getByTestId('panel-compare')).toBeInViewport();
  await expect(page.getByTestId('about-target')).toContainText('Black–Scholes');
  await expect(page.getByTestId('about')).not.toContainText('Bessel');

  await page.goto(`/#v=1&${SMALL}`);
  await expect(nav.getByRole('link')).toHaveText([
    'Invocation (Fig. 2b)',
    'Benchmark view (Fig. 4a–c)',
    'Control vectors (Fig. 4d)',
    'NPU (Fig. 5)',
    'AxTrain',
    'NAS',
    'Paper (§V)',
  ]);
  await expect(page.getByTestId('about-target')).toContainText('Bessel');
});

test('at 1280×720 the sidebar fits the screen and scrolls on its own; the invocation chart is above the fold', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/#v=1&${SMALL}`);
  const controls = page.getByTestId('controls');
  const box = await controls.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(720);
  const chart = await page.getByTestId('panel-invocation').boundingBox();
  expect(chart!.y).toBeLessThan(400);
  // Tab through every sidebar control (Advanced open): the page never scrolls, the sidebar does.
  await page.getByTestId('advanced-toggle').click();
  await page.getByTestId('config-target').focus();
  let sidebarScrolled = 0;
  for (let k = 0; k < 40; k++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => document.activeElement?.closest('[data-testid="controls"]') !== null);
    if (!inside) break;
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    sidebarScrolled = Math.max(sidebarScrolled, await controls.evaluate((element) => element.scrollTop));
  }
  expect(sidebarScrolled).toBeGreaterThan(0);
});
