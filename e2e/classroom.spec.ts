import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, scanQr } from './helpers';

/**
 * Classroom (issue 13): a class link hides and locks controls and views and carries the teacher's title and note;
 * a guided lesson runs to its last step through Next / Back and the link; presentation mode is driven from the
 * keyboard (digits open views, Q shows the link's QR code large, Space plays, arrows move the lesson). Run like a
 * person: clicks and keys on the built app, fixtures on the cpu backend.
 */

test('a class link: hidden controls and views are absent, locked ones disabled, the title and note shown as text', async ({ page }) => {
  const errors = collectErrors(page);
  const note = encodeURIComponent('Change only the learning rate.\n<b>not bold</b>');
  await page.goto(`/#v=1&backend=cpu&hide=paper,advanced,share&lock=bound,target,methods&title=Week%203%3A%20the%20bound&note=${note}`);
  await expect(page.getByTestId('class-title')).toHaveText('Week 3: the bound');
  await expect(page.getByTestId('class-note')).toHaveText('Change only the learning rate.\n<b>not bold</b>', { useInnerText: true });
  await expect(page.getByTestId('class-note').locator('b')).toHaveCount(0);

  // Hidden: the Paper tab, the Advanced group, the Share button.
  await expect(page.getByTestId('panel-nav')).toBeVisible();
  await expect(page.getByTestId('tab-paper')).toHaveCount(0);
  await expect(page.getByTestId('advanced-settings')).toHaveCount(0);
  await expect(page.getByTestId('share-button')).toHaveCount(0);
  await expect(page.getByTestId('tab-nas')).toBeVisible();

  // Locked: target, bound (and its presets), methods; the learning rate stays free.
  await expect(page.getByTestId('config-target')).toBeDisabled();
  await expect(page.getByTestId('config-bound')).toBeDisabled();
  await expect(page.getByRole('group', { name: 'Error bound presets' }).getByRole('button').first()).toBeDisabled();
  await expect(page.getByTestId('method-onepass')).toBeDisabled();
  await expect(page.getByTestId('config-lr')).toBeEnabled();
  // A locked value cannot be changed through the UI: a forced click on a preset changes nothing.
  await page.getByRole('group', { name: 'Error bound presets' }).getByRole('button', { name: '0.05' }).click({ force: true });
  await expect(page.getByTestId('config-bound')).toHaveValue('0.015');
  await page.getByTestId('config-lr').fill('0.02');
  await page.getByTestId('config-lr').press('Enter');
  await expect(page).toHaveURL(/lr=0\.02/);
  await expect(page).toHaveURL(/lock=target%2Cbound%2Cmethods|lock=target,bound,methods/);
  expect(errors).toEqual([]);
});

test('a class link with unknown ids says so and keeps the known ones', async ({ page }) => {
  await page.goto('/#v=1&backend=cpu&hide=paper,frobnicate&lock=bound,transport');
  await expect(page.getByRole('alert').filter({ hasText: 'frobnicate' })).toBeVisible();
  await expect(page.getByTestId('tab-paper')).toHaveCount(0);
  await expect(page.getByTestId('config-bound')).toBeDisabled();
  // A locked transport: Play is disabled and Space does not start a run either.
  await expect(page.getByTestId('play-button')).toBeDisabled();
  await page.locator('body').press('Space');
  await page.waitForTimeout(300);
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Play');
});

test('lesson 3 runs to its last step: Next, Back, the ring on the step’s target, and the link holds the step', async ({ page }) => {
  const errors = collectErrors(page);
  // "lesson 3, step 1", as a teacher would send it.
  await page.goto('/#v=1&backend=cpu&lesson=3&step=1');
  const card = page.getByTestId('lesson-card');
  await expect(card).toHaveAttribute('data-lesson', 'control-vectors');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 1 of 3');
  await expect(page.locator('[data-class-id="topology"]')).toHaveAttribute('data-highlighted', 'true');
  await expect(page.getByTestId('nav-control')).toHaveAttribute('aria-current', 'true');
  await expect(page).toHaveURL(/lesson=control-vectors&step=1/);

  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 2 of 3');
  await expect(page.locator('[data-class-id="control"]')).toHaveAttribute('data-highlighted', 'true');
  await expect(page.locator('[data-class-id="topology"]')).not.toHaveAttribute('data-highlighted', 'true');
  await expect(page).toHaveURL(/lesson=control-vectors&step=2/);
  // The backend the link forced stays through the lesson.
  await expect(page).toHaveURL(/backend=cpu/);

  // The keyboard: → is Next.
  await page.locator('body').press('ArrowRight');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 3 of 3');
  await expect(page.getByTestId('lesson-next')).toHaveCount(0);
  await expect(page.getByTestId('lesson-finish')).toBeVisible();
  await expect(page.locator('[data-class-id="surface"]')).toHaveAttribute('data-highlighted', 'true');
  await expect(page).toHaveURL(/lesson=control-vectors&step=3/);

  await page.getByTestId('lesson-back').click();
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 2 of 3');

  // The link reopens the same step.
  await page.reload();
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 2 of 3');
  await page.getByTestId('lesson-next').click();
  await page.getByTestId('lesson-finish').click();
  await expect(card).toHaveCount(0);
  await expect(page).not.toHaveURL(/lesson=/);
  expect(errors).toEqual([]);
});

test('a lesson from the Lessons menu applies its step’s settings through the link', async ({ page }) => {
  await page.goto('/#v=1&backend=cpu');
  await page.getByTestId('lesson-menu').locator('summary').click();
  await page.getByTestId('lesson-start-weight-sharing').click();
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 1 of 2');
  await expect(page.getByTestId('method-weightsharing')).toBeChecked();
  await expect(page.getByTestId('config-bound')).toHaveValue('0.05');
  await expect(page.getByTestId('panel-compare')).toBeVisible();
});

test('the weight-sharing lesson shows Fig. 2: trained to its end, weight-sharing ends low and below its peak, AXNet near every input', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#v=1&lesson=weight-sharing&step=2&backend=wasm');
  await expect(page.getByTestId('panel-compare')).toBeVisible();
  await page.getByTestId('play-button').click();
  for (const method of ['axnet', 'weightsharing']) {
    await expect(page.getByTestId(`compare-curve-${method}`)).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
    await expect(page.getByTestId(`compare-curve-${method}`)).toHaveAttribute('data-points', '80');
  }
  const trueInvocation = async (method: string) => Number(await page.getByTestId(`compare-row-${method}`).locator('td').nth(1).textContent());
  // The numbers the lesson quotes (src/core/lessons/README.md): the same link gives them in the browser as in Node.
  expect(await trueInvocation('weightsharing')).toBeCloseTo(0.466, 3);
  expect(await trueInvocation('axnet')).toBeCloseTo(0.977, 3);
  const predicted = Number(await page.getByTestId('compare-row-weightsharing').locator('td').nth(2).textContent());
  expect(predicted).toBeCloseTo(0.411, 3);
});

test('the lesson card sits beside the views at 1440×900 and 1280×720, never over the chart, the table or the sidebar', async ({ page }) => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto('/#v=1&lesson=weight-sharing&step=2&backend=cpu');
    await expect(page.getByTestId('lesson-card')).toBeVisible();
    const card = (await page.getByTestId('lesson-card').boundingBox())!;
    expect(card.x + card.width).toBeLessThanOrEqual(viewport.width);
    for (const testId of ['compare-chart-box', 'panel-compare', 'controls']) {
      const other = (await page.getByTestId(testId).boundingBox())!;
      const overlaps = card.x < other.x + other.width && other.x < card.x + card.width && card.y < other.y + other.height && other.y < card.y + card.height;
      expect(overlaps, `${testId} at ${viewport.width}×${viewport.height}`).toBe(false);
    }
    // The card stays in sight while the page scrolls (sticky in its column).
    await page.mouse.wheel(0, 600);
    await expect.poll(async () => (await page.getByTestId('lesson-card').boundingBox())!.y).toBeLessThan(viewport.height / 2);
  }
});

test('a lesson step keeps the view it points at in sight while Play fills the panels above it, until the reader scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#v=1&lesson=control-vectors&step=1&backend=cpu&steps=400&eval=100');
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-card')).toHaveAttribute('data-step', '2');
  const target = page.locator('[data-class-id="control"]');
  const top = async () => (await target.boundingBox())!.y;
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Play', { timeout: 60_000 }); // trained to its end
  // The maps above it have grown from their placeholders; the control-vector panel is still at the top, under the header.
  await expect.poll(top).toBeLessThan(200);
  expect(await top()).toBeGreaterThan(0);
  // The reader scrolls: the page no longer follows.
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, -400);
  await expect.poll(top).toBeGreaterThan(250);
});

test('presentation mode: digits open views, Q shows the link’s QR code large, Space plays and pauses', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&backend=cpu&steps=20&eval=10&present=1&hide=paper');
  await expect(page.getByTestId('app')).toHaveClass(/present/);
  await expect(page.getByTestId('present-bar')).toBeVisible();
  // Only the current view shows: the Invocation panel, not the NPU's.
  await expect(page.getByTestId('panel-invocation')).toBeVisible();
  await expect(page.getByTestId('panel-npu')).toHaveCount(0);
  // The sidebar steps aside when no lesson step points at a control.
  await expect(page.getByTestId('controls')).toHaveCount(0);

  await page.locator('body').press('4');
  await expect(page.getByTestId('nav-npu')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('panel-npu')).toBeVisible();
  await expect(page.getByTestId('panel-invocation')).toHaveCount(0);
  // 7 would be Paper, which the link hides: the nav has six views and 7 does nothing.
  await page.locator('body').press('7');
  await expect(page.getByTestId('panel-paper')).toHaveCount(0);
  await page.locator('body').press('1');
  await expect(page.getByTestId('panel-invocation')).toBeVisible();

  await page.locator('body').press('q');
  await expect(page.getByTestId('present-qr')).toBeVisible();
  // The students' link: the page's, without presentation mode.
  const link = await page.evaluate(() => window.location.href);
  expect(link).toContain('&present=1');
  await expect.poll(() => scanQr(page, 'present-qr-code')).toBe(link.replace('&present=1', ''));
  const size = await page.getByTestId('present-qr-code').boundingBox();
  expect(size!.width).toBeGreaterThan(500);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present-qr')).toHaveCount(0);

  await page.locator('body').press('Space');
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', /Pause|Play/);
  await expect(page.getByTestId('panel-invocation')).toHaveAttribute('data-points', /[1-9]/, { timeout: 30_000 });

  // The Present button leaves the mode.
  await page.getByTestId('present-button').click();
  await expect(page.getByTestId('app')).not.toHaveClass(/present/);
  await expect(page.getByTestId('controls')).toBeVisible();
  await expect(page).not.toHaveURL(/present=1/);
  expect(errors).toEqual([]);
});

test('presentation mode with a lesson: arrows move through it, the sidebar shows while a step points at a control', async ({ page }) => {
  await page.goto('/#v=1&backend=cpu&present=1&lesson=bound&step=1');
  await expect(page.getByTestId('controls')).toBeVisible();
  await expect(page.locator('[data-class-id="bound"]')).toHaveAttribute('data-highlighted', 'true');
  await page.locator('body').press('ArrowRight');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 2 of 3');
  await expect(page.getByTestId('config-bound')).toHaveValue('0.05');
  await expect(page).toHaveURL(/present=1/);
  await page.locator('body').press('ArrowLeft');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 1 of 3');
  await expect(page.getByTestId('config-bound')).toHaveValue('0.015');
  // A step that points at a whole group (lesson 3, step 1: the topology) shows all of it, not just its heading.
  await page.goto('/#v=1&backend=cpu&present=1&lesson=control-vectors&step=1');
  await expect(page.locator('[data-class-id="topology"]')).toHaveAttribute('data-highlighted', 'true');
  await expect(page.getByTestId('topology')).toBeVisible();
});

test('the Share dialog builds a class link: the checkboxes, title and note go into the link and its QR code', async ({ page, context }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&backend=cpu&seed=7');
  await page.getByTestId('share-button').click();
  await page.getByTestId('class-builder-toggle').click();
  await page.getByTestId('class-hide-paper').check();
  await page.getByTestId('class-lock-bound').check();
  await page.getByTestId('class-present').check();
  await page.getByTestId('class-title-input').fill('Week 3');
  await page.getByTestId('class-note-input').fill('Look at the bound');
  const url = await page.getByTestId('share-url').inputValue();
  const hash = new URL(url).hash;
  expect(hash).toContain('seed=7');
  expect(hash).toContain('present=1&hide=paper&lock=bound');
  expect(hash).toContain('title=Week%203&note=Look%20at%20the%20bound');
  await expect(page.getByTestId('share-contents')).toContainText('presentation mode');
  await expect.poll(() => scanQr(page, 'share-qr')).toBe(url);

  // The built link opens as the class sees it: a student's fresh page.
  const student = await context.newPage();
  const studentErrors = collectErrors(student);
  await student.goto(url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(student.getByTestId('class-title')).toHaveText('Week 3');
  await expect(student.getByTestId('tab-paper')).toHaveCount(0);
  await expect(student.getByTestId('config-bound')).toHaveCount(0); // presentation mode: no sidebar without a lesson
  await student.getByTestId('present-button').click();
  await expect(student.getByTestId('config-bound')).toBeDisabled();
  expect(errors).toEqual([]);
  expect(studentErrors).toEqual([]);
});

test('a class link hides the AxTrain settings and locks the NAS settings', async ({ page, context }) => {
  await page.goto('/#v=1&backend=cpu&ax=breastcancer&hide=axtrain-controls');
  await expect(page.getByTestId('axtrain-view')).toBeVisible();
  await expect(page.getByTestId('axtrain-controls')).toHaveCount(0);
  // A fresh page, as a student opens a link.
  const nasPage = await context.newPage();
  await nasPage.goto('/#v=1&backend=cpu&nas=jpeg&lock=nas-controls');
  await expect(nasPage.getByTestId('nas-view')).toBeVisible();
  await expect(nasPage.getByTestId('nas-controls')).toBeVisible();
  const inputs = nasPage.getByTestId('nas-controls').locator('input, select');
  expect(await inputs.count()).toBeGreaterThan(0);
  for (const input of await inputs.all()) await expect(input).toBeDisabled();
});

/** Serious or critical axe violations of the page as it is now. */
async function seriousViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

test('the lesson card, a class link and presentation mode have no serious accessibility violations', async ({ page }) => {
  await page.goto('/#v=1&backend=cpu&lesson=bound&step=1&lock=target&title=Week%203&note=Look');
  await expect(page.getByTestId('lesson-card')).toBeVisible();
  expect(await seriousViolations(page), 'lesson card and class link').toEqual([]);
  await page.getByTestId('present-button').click();
  await expect(page.getByTestId('present-bar')).toBeVisible();
  expect(await seriousViolations(page), 'presentation mode').toEqual([]);
  await page.locator('body').press('q');
  await expect(page.getByTestId('present-qr')).toBeVisible();
  expect(await seriousViolations(page), 'presentation QR code').toEqual([]);
});
