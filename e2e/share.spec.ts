import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectErrors, scanQr } from './helpers';

/**
 * Sharing (issue 13): the Share dialog shows the link, a QR code of it and a "Copy link" that says what the link
 * holds. The QR code is read back from the canvas's pixels with jsQR (a decoder independent of the library that drew
 * it) and must give the page's link; the copied text must be that link too. The dialog works from the keyboard
 * (Escape closes it, the focus returns to Share) and has no serious axe violation.
 */
const LINK = '/#v=1&target=sobel&methods=axnet,onepass,iterative&seed=7&backend=wasm';
const CONTENTS = 'target sobel, 3 methods, seed 7, backend wasm';

test('Share: the QR code scans back to the page’s link, and Copy link copies it and says what it holds', async ({ page, context }) => {
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(LINK);
  await page.getByTestId('share-button').click();
  const dialog = page.getByRole('dialog', { name: 'Share this lab' });
  await expect(dialog).toBeVisible();
  const shown = await page.getByTestId('share-url').inputValue();
  const pageLink = await page.evaluate(() => window.location.href);
  expect(shown).toBe(pageLink);
  expect(new URL(shown).hash).toBe('#v=1&target=sobel&methods=axnet%2Conepass%2Citerative&seed=7&backend=wasm');
  await expect(page.getByTestId('share-contents')).toContainText(CONTENTS);

  await expect.poll(() => scanQr(page, 'share-qr')).toBe(pageLink);

  await expect(page.getByTestId('share-copy')).toBeFocused();
  await page.getByTestId('share-copy').click();
  await expect(page.getByTestId('share-status')).toHaveText(`Link copied: ${CONTENTS}.`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pageLink);

  // Enlarged for a projector, the code still scans.
  await page.getByTestId('share-enlarge').click();
  await expect(page.getByTestId('share-enlarge')).toHaveAttribute('aria-pressed', 'true');
  expect(await scanQr(page, 'share-qr')).toBe(pageLink);
  expect(errors).toEqual([]);
});

test('Share from the keyboard: Enter opens the dialog, Escape closes it and the focus returns; no serious axe violation', async ({ page }) => {
  await page.goto('/#v=1&backend=cpu');
  const share = page.getByTestId('share-button');
  await share.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share this lab' });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('share-contents')).toContainText('backend cpu');
  await expect(page.getByTestId('share-copy')).toBeFocused();
  // The modal keeps Tab inside it: the rest of the page is inert.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('share-enlarge')).toBeFocused();

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
  expect(serious).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(share).toBeFocused();

  // Close does the same.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.getByTestId('share-close').click();
  await expect(dialog).toHaveCount(0);
  await expect(share).toBeFocused();
});

test('a link with no version, or from version 0, is migrated and opens without a notice; its share link carries today’s version', async ({ page }) => {
  await page.goto('/#seed=7&backend=cpu');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#v=1&seed=7&backend=cpu');
  await page.goto('about:blank');
  await page.goto('/#v=0&seed=7&backend=cpu');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByTestId('share-button').click();
  expect(new URL(await page.getByTestId('share-url').inputValue()).hash).toBe('#v=1&seed=7&backend=cpu');
});
