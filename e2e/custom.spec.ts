import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

/**
 * The user's own target function (issue 13): typed in the sidebar, trained like a benchmark (surfaces, metrics,
 * NPU with an op-count CPU estimate), refused with a role=alert line when hostile, carried by the link. Runs under
 * the built lab's CSP (script-src 'self' 'wasm-unsafe-eval', no unsafe-eval): mathjs' parser must not need eval.
 */
const STEPS = 300;
// bound 0.05 (not the default 0.015): after only 300 steps some inputs are predicted safe, so every metric has a value.
const SMALL = `backend=cpu&seed=7&train=1024&test=512&steps=${STEPS}&bound=0.05`;

async function trainToDone(page: Page): Promise<void> {
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText(String(STEPS));
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Play');
}

async function typeExpression(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('custom-fn-input');
  await input.fill(text);
  await input.press('Enter');
}

async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`));
  });
}

test('choosing custom shows the editor; a typed function trains: surfaces, metrics, NPU cost, no CSP violation', async ({ page }) => {
  const errors = collectErrors(page);
  await watchCsp(page);
  await page.goto(`/#v=1&${SMALL}`);
  await expect(page.getByTestId('custom-function')).toHaveCount(0);
  await page.getByTestId('config-target').selectOption('custom');
  await expect(page.getByTestId('custom-function')).toBeVisible();
  await expect(page).toHaveURL(/target=custom/);
  // Switching applied the custom defaults (2 000 steps); back to the small fixture through the link.
  await page.goto(`/#v=1&target=custom&fn=x0&${SMALL}`);
  await expect(page.getByTestId('custom-fn-input')).toHaveValue('x0');
  await expect(page.getByTestId('custom-range-x1-lo')).toHaveCount(0); // x0 alone: one input
  await typeExpression(page, 'sin(3*x0)*exp(-x1)');
  await expect(page.getByTestId('custom-range-x1-lo')).toHaveValue('0');
  await expect(page.getByTestId('custom-fn-error')).toHaveText('');
  await expect(page).not.toHaveURL(/fn=/); // the default expression is not written
  await expect(page.getByTestId('topology')).toContainText('2-8-8-1');
  await expect(page.getByTestId('custom-fn-cost')).toContainText('≈96 instructions per call');
  await trainToDone(page);
  for (const id of ['metric-true-invocation', 'metric-predicted-invocation', 'metric-overall-error']) {
    await expect(page.getByTestId(id)).toHaveText(/^\d+\.\d+/);
  }
  for (const id of ['surface-target', 'surface-axnet']) {
    const canvas = page.getByTestId(id);
    await canvas.scrollIntoViewIfNeeded();
    await expect(canvas).toHaveAttribute('data-drawn-step', String(STEPS));
    const colours = await canvas.evaluate((element) => {
      const c = element as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    });
    expect(colours, id).toBeGreaterThan(10);
  }
  await page.getByRole('navigation', { name: 'Panels' }).getByRole('link', { name: /NPU/ }).click();
  await expect(page.getByTestId('npu-stage-1')).toBeVisible();
  await page.getByTestId('npu-constants').locator('summary').click();
  await expect(page.getByTestId('npu-param-cpuInstructions')).toHaveValue('96');
  await expect(page.getByTestId('npu-constants')).toContainText('custom function sin(3*x0)*exp(-x1)');
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(errors).toEqual([]);
});

test("mathjs' parser is not part of the first paint: a Bessel page fetches it only when idle, a custom link before it is read", async ({ page }) => {
  const parserChunks: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/number-[\w-]+\.js$/.test(request.url())) parserChunks.push(request.url());
  });
  await page.goto(`/#v=1&${SMALL}`);
  await expect(page.getByTestId('play-button')).toBeVisible();
  expect(parserChunks, 'no parser chunk before the page is idle').toEqual([]);
  await expect.poll(() => parserChunks.length, { timeout: 10_000 }).toBeGreaterThan(0); // fetched while idle
  // A fresh page on a custom link reads its function, which needs the parser first.
  const fresh = await page.context().newPage();
  await fresh.goto(`/#v=1&target=custom&fn=${encodeURIComponent('x0*x1')}&${SMALL}`);
  await expect(fresh.getByTestId('custom-fn-input')).toHaveValue('x0*x1');
  await expect(fresh.getByTestId('notice')).toHaveCount(0);
  await fresh.close();
});

test('hostile expressions are refused with an alert and change nothing; a hostile link shows a notice', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/#v=1&target=custom&${SMALL}`);
  const alert = page.getByTestId('custom-fn-error');
  await expect(alert).toHaveAttribute('role', 'alert');
  const cases: [string, RegExp][] = [
    ['constructor', /Unknown name “constructor”/],
    ['import(x0)', /function “import” is not allowed/],
    ['x0.constructor', /Property or index access/],
    ['a = 1', /Assignment/],
    ['x'.repeat(10000), /10000 characters long; at most 200/],
    ['log(x0)', /not finite on the input ranges/],
  ];
  for (const [text, message] of cases) {
    await typeExpression(page, text);
    await expect(alert).toHaveText(message);
    await expect(page).not.toHaveURL(/fn=/);
  }
  const axe = await new AxeBuilder({ page }).include('[data-testid="custom-function"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await typeExpression(page, 'x0*x1');
  await expect(alert).toHaveText('');
  await expect(page).toHaveURL(/fn=x0\*x1/);

  await page.goto('about:blank');
  await page.goto(`/#v=1&target=custom&fn=${encodeURIComponent('constructor')}&${SMALL}`);
  await expect(page.getByTestId('notice')).toContainText('was refused: Unknown name “constructor”');
  await expect(page.getByTestId('custom-fn-input')).toHaveValue('sin(3*x0)*exp(-x1)');
  expect(errors).toEqual([]);
});

test('in 中文 the refusals are in Chinese, the typed parts quoted as typed', async ({ page }) => {
  await page.goto(`/#v=1&target=custom&${SMALL}&lang=zh`);
  const alert = page.getByTestId('custom-fn-error');
  const cases: [string, RegExp][] = [
    ['constructor', /^未知名称 “constructor”：/],
    ['import(x0)', /^不允许函数 “import”。/],
    ['x0.constructor', /^不允许属性或下标访问/],
    ['x'.repeat(10000), /^表达式长 10000 个字符；最多允许 200 个。$/],
    ['log(x0)', /^表达式在输入范围内并非处处有限/],
    ['sin(x0, x1)', /^sin 需要 1 个参数，而不是 2 个。$/],
  ];
  for (const [text, message] of cases) {
    await typeExpression(page, text);
    await expect(alert).toHaveText(message);
  }
  // Switching the language rewords the refusal on screen.
  await page.getByTestId('language-select').selectOption('en');
  await expect(alert).toHaveText('sin takes 1 argument, not 2.');
});

test('the link round trip: expression and ranges survive a reload; a bad range is refused', async ({ page }) => {
  await page.goto(`/#v=1&target=custom&${SMALL}`);
  await typeExpression(page, 'x0^2 + cos(5*x1)');
  const lo = page.getByTestId('custom-range-x1-lo');
  await lo.fill('-1');
  await lo.press('Enter');
  const hi = page.getByTestId('custom-range-x1-hi');
  await hi.fill('2');
  await hi.press('Tab');
  await expect(page).toHaveURL(/fn\.x1=-1,2/);
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByTestId('custom-fn-input')).toHaveValue('x0^2 + cos(5*x1)');
  await expect(page.getByTestId('custom-range-x1-lo')).toHaveValue('-1');
  await expect(page.getByTestId('custom-range-x1-hi')).toHaveValue('2');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await hi.fill('-3');
  await hi.press('Enter');
  await expect(page.getByTestId('custom-fn-error')).toHaveText(/lower end below its upper end/);
  await expect(page).toHaveURL(/fn\.x1=-1,2/);
});
