import { expect, test } from '@playwright/test';
import { LESSONS } from '../src/core/lessons/lessons';
import { collectErrors, englishWordsIn } from './helpers';

/**
 * The classroom and sharing in 中文 (issue 13): a lesson run to its last step, the Lessons menu, the Share dialog with
 * its class-link builder, and presentation mode's QR code show no English word left, apart from the names the lab
 * keeps as written. What a link holds (share-contents, src/core/linkSummary.ts) and the link itself are not checked.
 */
test('lesson 3 in 中文: every step shows its Chinese text and question, and the card has no English left', async ({ page }) => {
  const errors = collectErrors(page);
  const lesson = LESSONS[2];
  await page.goto('/#v=1&backend=cpu&lang=zh&lesson=3&step=1');
  const card = page.getByTestId('lesson-card');
  await expect(card).toHaveAttribute('data-lesson', lesson.id);
  await expect(page.locator('#lesson-title')).toHaveText(lesson.title.zh);
  for (const [index, step] of lesson.steps.entries()) {
    await expect(page.getByTestId('lesson-progress')).toHaveText(`第 ${index + 1} 步，共 ${lesson.steps.length} 步`);
    await expect(page.getByTestId('lesson-text')).toHaveText(step.text.zh);
    await expect(page.getByTestId('lesson-question')).toHaveText(`问题： ${step.question.zh}`);
    await expect(page.getByTestId('lesson-back')).toHaveText('上一步');
    expect(await englishWordsIn(page, '[data-testid="lesson-card"]'), `step ${index + 1}`).toEqual([]);
    expect(await page.getByTestId('lesson-close').getAttribute('aria-label')).toBe('关闭课程');
    if (index < lesson.steps.length - 1) await page.getByTestId('lesson-next').click();
  }
  await expect(page.getByTestId('lesson-finish')).toHaveText('完成');

  // The menu lists every lesson by its Chinese title; switching to English switches the card at once.
  await page.locator('.lesson-menu summary').click();
  await expect(page.getByTestId(`lesson-start-${LESSONS[0].id}`)).toHaveText(LESSONS[0].title.zh);
  expect(await englishWordsIn(page, '.lesson-menu')).toEqual([]);
  await page.locator('.lesson-menu summary').click();
  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByTestId('lesson-text')).toHaveText(lesson.steps[lesson.steps.length - 1].text.en);
  await expect(page.getByTestId('lesson-progress')).toHaveText(`Step ${lesson.steps.length} of ${lesson.steps.length}`);
  await page.getByTestId('lesson-finish').click();
  await expect(card).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the Share dialog and the class-link builder in 中文, and presentation mode’s QR code', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&backend=cpu&lang=zh');
  await page.getByTestId('share-button').click();
  const dialog = page.getByRole('dialog', { name: '分享本实验室' });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('share-contents')).toContainText('链接包含');
  await page.getByTestId('class-builder-toggle').click();
  await page.getByTestId('class-present').check();
  await page.getByLabel('隐藏 随机种子').check();
  await page.getByLabel('锁定 误差界及其预设').check();
  await expect(page.getByTestId('share-url')).toHaveValue(/hide=seed/);
  await expect(page.getByTestId('class-open').locator('option').first()).toHaveText('当前视图');
  await page.getByTestId('share-enlarge').click();
  await expect(page.getByTestId('share-enlarge')).toHaveText('缩小二维码');
  // Everything but the link and its summary (src/core/linkSummary.ts, not in this area).
  const translated = '#share-title, .share-dialog > .share-field > span, .share-buttons, [data-testid="class-builder"]';
  expect(await englishWordsIn(page, translated)).toEqual([]);
  // The class-id labels are all translated (the dropdown's options are not in innerText).
  const options = await page.getByTestId('class-open').locator('option').allTextContents();
  expect(
    options
      .join(' ')
      .replace(/\b(NPU|AxTrain|NAS|Fig|V)\b/g, '')
      .match(/[A-Za-z]{2,}/g) ?? [],
  ).toEqual([]);
  await page.getByTestId('share-close').click();
  await expect(dialog).toHaveCount(0);

  // Presentation mode: its bar and the QR code's dialog.
  await page.goto('/#v=1&backend=cpu&lang=zh&present=1');
  await expect(page.getByTestId('present-bar')).toBeVisible();
  expect(await englishWordsIn(page, '[data-testid="present-bar"]')).toEqual([]);
  await page.getByTestId('present-qr-button').click();
  await expect(page.getByRole('dialog', { name: '链接的二维码' })).toBeVisible();
  await expect(page.getByTestId('present-qr-close')).toHaveText('关闭（Esc）');
  expect(errors).toEqual([]);
});
