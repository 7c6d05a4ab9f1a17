import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';

/**
 * A link with an extra path (`/foo/#v=1`) loads the lab, not a blank page (issue 12 item 9): the preview server
 * answers unknown paths with index.html, and the assets are addressed from the root (vite.config.ts base '/'), so
 * they do not resolve under /foo/. The link's own settings and its cross-field fix still apply.
 */
for (const path of ['/foo/', '/foo/bar/index.html', '/a/b/c']) {
  test(`${path}#v=1 loads the lab and trains`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(`${path}#v=1&backend=cpu&steps=20&eval=20&train=256&test=128`);
    await expect(page.getByTestId('play-button')).toBeVisible();
    await page.getByTestId('play-button').click();
    await expect(page.getByTestId('metric-true-invocation')).toHaveText(/^\d\.\d{4}$/);
    expect(errors).toEqual([]);
  });
}

test('a link whose fusion needs a layer the approximator lacks is fixed with a notice, and trains', async ({ page }) => {
  await page.goto('/foo/#v=1&backend=cpu&approx=8&fusion=second&steps=20&eval=20&train=256&test=128');
  await expect(page.getByRole('alert').filter({ hasText: 'fusion=first' })).toBeVisible();
  await expect(page).toHaveURL(/fusion=first/);
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-true-invocation')).toHaveText(/^\d\.\d{4}$/);
});
