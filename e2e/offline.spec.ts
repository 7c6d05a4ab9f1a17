import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, readStep } from './helpers';

/**
 * Offline use (issue 13): after one load, the lab's service worker (vite-plugin-pwa/Workbox, vite.config.ts) holds
 * every file it needs, the training worker, its chunks and the tfjs-backend-wasm .wasm files included. The specs
 * go offline, reload and train, first on the cpu backend and then on wasm (whose .wasm the first load never fetched:
 * it comes from the precache). Other specs run with service workers blocked (playwright.config.ts).
 */
test.use({ serviceWorkers: 'allow' });

const SMALL = 'seed=7&train=1024&test=512&steps=3000&eval=50';

async function readPoints(page: Page): Promise<number> {
  return Number(await page.getByTestId('panel-invocation').getAttribute('data-points'));
}

/** Play, see the step and the invocation curve move, then pause. */
async function trainAndSeeMetricsMove(page: Page, backend: string): Promise<void> {
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Pause');
  await expect.poll(() => readStep(page)).toBeGreaterThan(0);
  await expect.poll(() => readPoints(page)).toBeGreaterThan(1);
  const points = await readPoints(page);
  await expect.poll(() => readPoints(page)).toBeGreaterThan(points);
  await expect(page.getByTestId('metric-true-invocation')).toHaveText(/^\d\.\d{4}$/);
  await expect(page.getByTestId('backend-name')).toHaveText(backend);
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Play');
}

test('after one load the lab reloads and trains offline, on cpu and on wasm', async ({ page, context }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto(`/#v=1&backend=cpu&${SMALL}`);
  // clientsClaim: the first visit is controlled once the precache is complete.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await expect(page.getByTestId('offline-ready')).toBeVisible();
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    return link ? ((await (await fetch(link.href)).json()) as { name: string; icons: { sizes: string }[]; theme_color: string }) : null;
  });
  expect(manifest?.name).toBe('AXNet Lab');
  expect(manifest?.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest?.theme_color).toMatch(/^#[0-9a-f]{6}$/i);

  await context.setOffline(true);
  const fromNetwork: string[] = [];
  page.on('response', (response) => {
    if (!response.fromServiceWorker() && response.url().startsWith('http')) fromNetwork.push(response.url());
  });
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));

  await page.reload();
  await expect(page).toHaveTitle('AXNet Lab');
  await expect(page.getByTestId('metric-step')).toHaveText('0');
  await trainAndSeeMetricsMove(page, 'cpu');

  // A fresh offline load of a wasm link (a hash change on the paused run would ask "new run?" instead). The wasm
  // backend's .wasm files were never fetched online: only the precache can hold them.
  await page.goto('about:blank');
  await page.goto(`/#v=1&backend=wasm&${SMALL}`);
  await expect(page.getByTestId('metric-step')).toHaveText('0');
  await trainAndSeeMetricsMove(page, 'wasm');

  expect(failed).toEqual([]);
  expect(fromNetwork).toEqual([]);
  expect(errors).toEqual([]);
});

test('a newer service worker waiting shows "update available"; Reload lets it take over and reloads the page', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&backend=cpu');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  // A new build, as another tab would install it: the same scope, a new script URL. It installs and waits.
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('./sw.js?build=2', { scope: './' });
  });
  const notice = page.getByRole('status').filter({ hasText: 'A new version of the lab is available' });
  await expect(notice).toBeVisible();
  await expect(page.getByTestId('update-notice')).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-testid="update-notice"]').analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  const reloaded = page.waitForEvent('load');
  await notice.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toContain('sw.js?build=2');
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  await expect(page.getByTestId('metric-step')).toHaveText('0');
  expect(errors).toEqual([]);
});
