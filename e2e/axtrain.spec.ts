import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';

/** Breast cancer, every method, 4 epochs (+10 pas epochs for actpas), 5 NTV masks per voltage, on the cpu backend. */
const AXTRAIN_LINK = '/#ax=breastcancer&ax.epochs=4&ax.runs=5&backend=cpu';
const METHODS = ['bp', 'act', 'pas', 'actpas'] as const;

test('AxTrain from a link: Play trains every method in lockstep to done; a control writes the link', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(AXTRAIN_LINK);
  await expect(page.getByTestId('axtrain-view')).toBeVisible();
  await expect(page.getByTestId('tab-axtrain')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('axtrain-dataset')).toHaveValue('breastcancer');
  await expect(page.getByTestId('axtrain-epochs')).toHaveValue('4');
  await expect(page.getByTestId('axtrain-runs')).toHaveValue('5');
  for (const method of METHODS) await expect(page.getByTestId(`axtrain-method-${method}`)).toBeChecked();
  await expect(page.getByTestId('axtrain-status')).toHaveAttribute('data-status', 'idle');

  await page.getByTestId('axtrain-play').click();
  // Per-method progress: every method's line appears, with its step budget (4 epochs × 8 steps; actpas 14 epochs).
  for (const method of METHODS) await expect(page.getByTestId(`axtrain-progress-${method}`)).toBeVisible();
  await expect(page.getByTestId('axtrain-progress-bp')).toHaveAttribute('data-total', '32');
  await expect(page.getByTestId('axtrain-progress-actpas')).toHaveAttribute('data-total', '112');
  await expect(page.getByTestId('axtrain-backend')).toContainText('cpu');
  await expect(page.getByTestId('axtrain-status')).toHaveAttribute('data-status', 'done', { timeout: 110_000 });
  for (const method of METHODS) {
    const line = page.getByTestId(`axtrain-progress-${method}`);
    await expect(line).toHaveAttribute('data-finished', 'true');
    await expect(line).toContainText(method === 'actpas' ? 'epoch 14 / 14' : 'epoch 4 / 4');
  }
  // The panels got every method's snapshot (the placeholder lists the last accuracy; the real panels replace it).
  await expect(page.getByTestId('axtrain-panels')).toBeVisible();
  await expect(page.getByTestId('axtrain-panels')).toHaveAttribute('data-running', 'false');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('axtrain-controls').evaluate((column) => column.scrollTo(0, 0));
  await page.screenshot({ path: process.env.AXTRAIN_SCREENSHOT ?? 'test-results/axtrain-1280x720.png', fullPage: false });

  // A control writes the link, and the finished run's results stay, marked as from the earlier settings.
  await page.getByTestId('axtrain-seed').fill('7');
  await page.getByTestId('axtrain-seed').press('Enter');
  await expect.poll(() => page.url()).toContain('ax.seed=7');
  await page.getByTestId('axtrain-method-act').uncheck();
  await expect.poll(() => page.url()).toContain('ax.methods=bp%2Cpas%2Cactpas');
  await expect(page.getByTestId('axtrain-stale')).toBeVisible();
  await expect(page.getByTestId('axtrain-progress-act')).toBeVisible(); // the old run, still on screen
  await page.getByTestId('axtrain-hw-drum').check();
  await page.getByTestId('axtrain-drum-k').selectOption('3');
  await expect.poll(() => page.url()).toContain('ax.hw=drum');
  await expect.poll(() => page.url()).toContain('ax.k=3');
  // The advanced settings: a decimal learning rate and an absurd STE threshold (clamped), both into the link.
  await page.getByText('Advanced: optimizer, γ and the straight-through estimator').click();
  await page.getByTestId('axtrain-lr').fill('0.0005');
  await page.getByTestId('axtrain-lr').press('Enter');
  await expect.poll(() => page.url()).toContain('ax.lr=0.0005');
  await page.getByTestId('axtrain-ste').fill('1e9');
  await page.getByTestId('axtrain-ste').press('Enter');
  await expect(page.getByTestId('axtrain-ste')).toHaveValue('1000000');
  await expect.poll(() => page.url()).toContain('ax.ste=1000000');
  // Reset clears the results; a panel link leaves the view and drops AxTrain from the link.
  await page.getByTestId('axtrain-reset').click();
  await expect(page.getByTestId('axtrain-progress-bp')).toHaveCount(0);
  await page.getByTestId('nav-invocation').click();
  await expect(page.getByTestId('axtrain-view')).toHaveCount(0);
  await expect.poll(() => page.url()).not.toContain('ax=');
  // The AxTrain tab brings the breast-cancer defaults back.
  await page.getByTestId('tab-axtrain').click();
  await expect(page.getByTestId('axtrain-view')).toBeVisible();
  await expect.poll(() => page.url()).toContain('ax=breastcancer');
  await expect(page.getByTestId('axtrain-epochs')).toHaveValue('150');
  expect(errors).toEqual([]);
});
