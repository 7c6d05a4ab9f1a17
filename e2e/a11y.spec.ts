import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * Accessibility: axe-core (WCAG 2.x A/AA rules and best practices) reports no serious or critical
 * violation in the views a class meets: the trained lab, compare mode, the NPU view and the Paper
 * view. Nothing is excluded from the scan.
 */

async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const summary = serious.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.length,
    targets: violation.nodes.map((node) => `${node.target.join(' ')}: ${(node.failureSummary ?? '').split('\n').slice(1).join(' ').trim()}`.slice(0, 240)),
  }));
  expect(summary, `${view}: serious or critical axe violations`).toEqual([]);
}

async function trainToEnd(page: Page, steps: number): Promise<void> {
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText(String(steps));
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Play');
}

test('the trained lab has no serious accessibility violations', async ({ page }) => {
  await page.goto('/#v=1&backend=cpu&steps=300');
  await trainToEnd(page, 300);
  await expect(page.getByTestId('benchmark-view')).toHaveAttribute('data-drawn-step', '300');
  await expectNoSeriousViolations(page, 'trained lab');
  // The folded settings too.
  await page.getByTestId('advanced-toggle').click();
  await expect(page.getByTestId('config-seed')).toBeVisible();
  await expectNoSeriousViolations(page, 'trained lab, Advanced open');
});

test('compare mode has no serious accessibility violations', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#v=1&methods=axnet,onepass&backend=cpu&steps=200');
  await page.getByTestId('play-button').click();
  for (const method of ['axnet', 'onepass']) {
    await expect(page.getByTestId(`compare-curve-${method}`)).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  }
  await expectNoSeriousViolations(page, 'compare mode');
});

test('the NPU view has no serious accessibility violations', async ({ page }) => {
  await page.goto('/#v=1&backend=cpu&steps=300');
  await trainToEnd(page, 300);
  await page.getByTestId('nav-npu').click();
  await expect(page.getByTestId('npu-stage-1')).toBeVisible();
  await expectNoSeriousViolations(page, 'NPU view');
  // A PE opened (its detail view) and the constants table unfolded.
  await page.getByTestId('panel-npu').locator('.npu-pe-group').first().click();
  await expect(page.locator('.npu-pe-detail')).toBeVisible();
  await page.locator('.npu-constants summary').click();
  await expectNoSeriousViolations(page, 'NPU view, PE detail and constants open');
});

test('the Paper view has no serious accessibility violations', async ({ page }) => {
  await page.goto('/#v=1&backend=cpu');
  await page.getByTestId('tab-paper').click();
  await expect(page.getByTestId('panel-paper')).toBeVisible();
  await expectNoSeriousViolations(page, 'Paper view');
});
