import { expect, test, type BrowserContext, type Page } from '@playwright/test';

/**
 * The built lab under its Content-Security-Policy (vite.config.ts; issue 12 item 10): the preview server sends
 * the policy and the security headers, index.html carries the policy as a meta tag, and the lab trains on every
 * backend with zero CSP violations. Violations are caught three ways: `securitypolicyviolation` events in the
 * page (an init script), console messages of the page and of its workers that mention the policy, and the
 * backend a forced link runs on (a blocked wasm falls back to cpu, so the run would say cpu). Training happens in
 * the worker, whose policy is the one in the worker script's response headers. Measured: Playwright does not
 * pass the browser's own CSP messages of a worker to `worker.on('console')`, so inside the worker the backend
 * check and the fallback notice are what would catch a violation (the last test shows both, and that the page
 * watchers do fire).
 */
const CSP_MESSAGE = /Content[- ]Security[- ]Policy|Refused to|securitypolicyviolation/i;

async function watchViolations(context: BrowserContext): Promise<string[]> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`));
  });
  const messages: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (CSP_MESSAGE.test(message.text())) messages.push(`page: ${message.text()}`);
    });
    page.on('worker', (worker) =>
      worker.on('console', (message) => {
        if (CSP_MESSAGE.test(message.text())) messages.push(`worker: ${message.text()}`);
      }),
    );
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  return messages;
}

async function readViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Trains the link's first evaluation on `backend` and returns the backend the lab reports. */
async function trainBriefly(page: Page, backend: string, steps: number): Promise<string> {
  await page.goto(`/#v=1&backend=${backend}&steps=${steps}&eval=${steps}&train=256&test=128`);
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-true-invocation')).toHaveText(/^\d\.\d{4}$/, { timeout: 100_000 });
  return (await page.getByTestId('backend-name').textContent()) ?? '';
}

test('the preview server sends the strict policy and the security headers, and index.html carries it as a meta tag', async ({ page }) => {
  const response = await page.goto('/');
  const headers = response!.headers();
  const policy = headers['content-security-policy'];
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['permissions-policy']).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(meta).not.toMatch(/'unsafe-eval'|'unsafe-inline'|frame-ancestors/);
  // The meta tag comes before every script, so it governs them all.
  const order = await page.evaluate(() => Array.from(document.head.children, (el) => el.tagName + (el.getAttribute('http-equiv') ? ':csp' : '')));
  expect(order.indexOf('META:csp')).toBeLessThan(order.indexOf('SCRIPT'));
});

test('trains on cpu, wasm, webgl and (when an adapter exists) webgpu with zero CSP violations', async ({ context }) => {
  test.setTimeout(300_000);
  const messages = await watchViolations(context);
  const page = await context.newPage();
  await page.goto('/');
  const hasWebgpu = await page.evaluate(async () => {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    return Boolean(gpu && (await gpu.requestAdapter()));
  });
  const backends = ['cpu', 'wasm', 'webgl', ...(hasWebgpu ? ['webgpu'] : [])];
  const ran: Record<string, string> = {};
  for (const backend of backends) {
    const lane = await context.newPage();
    // Software WebGPU trains 1–3 steps/s here (PLATFORM.md): a few steps are enough to run every kernel once.
    ran[backend] = await trainBriefly(lane, backend, backend === 'webgpu' ? 4 : 20);
    await expect(lane.getByTestId('backend-fallback')).toHaveCount(0);
    expect(await readViolations(lane), backend).toEqual([]);
    await lane.close();
  }
  test.info().annotations.push({ type: 'backends under the CSP', description: JSON.stringify(ran) });
  expect(ran).toEqual(Object.fromEntries(backends.map((b) => [b, b])));
  expect(messages).toEqual([]);
});

test('a policy that blocks WebAssembly makes a forced wasm link fall back to cpu with a visible notice saying why', async ({ context }) => {
  const messages = await watchViolations(context);
  const page = await context.newPage();
  // The worker's policy comes from its script's response: serve the workers without 'wasm-unsafe-eval'.
  await page.route(/\/assets\/[^/]*worker[^/]*\.js(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'" };
    await route.fulfill({ response, headers });
  });
  expect(await trainBriefly(page, 'wasm', 20)).toBe('cpu');
  const notice = page.getByTestId('backend-fallback');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText(/^Asked for wasm, running on cpu: wasm: .*Content-Security-Policy does not allow WebAssembly \('wasm-unsafe-eval' is missing/);
  // The page-level watchers the zero-violation test relies on can fail: an inline script is one violation.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
  });
  // One report per policy that blocks it: the header's and the meta tag's.
  await expect.poll(() => readViolations(page)).toEqual(['script-src-elem blocked inline', 'script-src-elem blocked inline']);
  expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
  await expect.poll(() => messages.some((m) => m.startsWith('page:') && /inline script/i.test(m))).toBe(true);
});
