import { expect, test, type Page } from '@playwright/test';

/** Offline or after a deploy, the worker's hashed chunk is gone: the lab must say so, not "crashed, press Reset". */
const LOAD_FAILURE = 'The training code could not be loaded (offline, or the lab was updated). Reload the page when the network is back.';

async function blockWorkerCode(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  await page.route(/\/assets\/[^/]*worker[^/]*\.js(\?.*)?$/, async (route) => {
    blocked.push(route.request().url());
    await route.abort('internetdisconnected');
  });
  return blocked;
}

test('lab view: a worker chunk that cannot load says so and what to do', async ({ page }) => {
  await page.goto('/#v=1&backend=cpu&train=1024&test=512');
  const blocked = await blockWorkerCode(page);
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('notice')).toContainText(LOAD_FAILURE);
  await expect(page.getByTestId('notice')).not.toContainText('crashed');
  expect(blocked.length).toBeGreaterThan(0);
});

test('compare mode: the same message once, for all methods', async ({ page }) => {
  await page.goto('/#v=1&backend=cpu&train=1024&test=512&methods=axnet,onepass');
  const blocked = await blockWorkerCode(page);
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('notice')).toContainText(LOAD_FAILURE);
  expect(blocked.length).toBeGreaterThan(0);
});
