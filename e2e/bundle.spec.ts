import { expect, test, type Page } from '@playwright/test';

/** Every JS file the page and its workers fetch. */
function recordScripts(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (/\.js(\?|$)/.test(request.url())) urls.push(new URL(request.url()).pathname);
  });
  return urls;
}

test('Bessel never fetches the photographs; an image target fetches them and trains', async ({ page }) => {
  const scripts = recordScripts(page);
  await page.goto('/#v=1&backend=cpu&steps=100&train=1024&test=512');
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-true-invocation')).toHaveText(/^\d\.\d{4}$/);
  expect(scripts.some((url) => url.includes('photos.generated'))).toBe(false);
  // One worker build: tfjs arrives once, however many roles the lab starts.
  expect(scripts.filter((url) => /\/assets\/lab\.worker-/.test(url)).length).toBeGreaterThan(0);

  await page.goto('about:blank');
  const imageScripts = recordScripts(page);
  await page.goto('/#v=1&target=sobel&backend=cpu&steps=100&train=1024&test=512');
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-true-invocation')).toHaveText(/^\d\.\d{4}$/);
  expect(imageScripts.some((url) => url.includes('photos.generated'))).toBe(true);
});
