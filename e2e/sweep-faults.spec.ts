import { expect, test, type Page } from '@playwright/test';
import { collectErrors, englishWordsIn, expectTrainingFrom, findRoleWorker, hangWorker, loseWebglContext, runReference } from './helpers';

/**
 * Issue 12 for the sweep: its worker posts the group's checkpoint at evaluation steps (workers/sweep.worker.ts). A sweep
 * worker whose thread hangs is noticed by the watchdog, ended and explained; Continue goes on from the last checkpoint in
 * a new worker, and the sweep ends on the rows of an uninterrupted sweep on the same backend. The fault is injected
 * into the real worker through Playwright's worker handle: no test hook in the build. A lost GPU needs no question: the
 * sweep goes on by itself on the next backend from its last checkpoint.
 */
const SWEEP_RUN = '/#v=1&backend=cpu&seed=7&train=1024&test=512&steps=2500&eval=500&sweep=errorBound&sweepRange=0.01:0.08:4:log';

const readSweepStep = async (page: Page): Promise<number> => Number((await page.getByTestId('sweep-status').getAttribute('data-step')) ?? 0);

async function runToEnd(page: Page): Promise<string[]> {
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-step', '2500');
  const rows = await page.getByTestId('sweep-table').locator('tbody tr').allTextContents();
  expect(rows).toHaveLength(4);
  return rows;
}

test('a sweep worker that hangs: a notice within 10 s, Continue resumes the group from its last checkpoint, and the sweep ends on the uninterrupted rows (cpu)', async ({
  page,
  browser,
}) => {
  const uninterrupted = await runReference(browser, SWEEP_RUN, 'play-button', runToEnd);

  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(SWEEP_RUN);
  await page.getByTestId('play-button').click();
  await expect.poll(() => readSweepStep(page), { timeout: 60_000 }).toBeGreaterThan(1100);
  const worker = await findRoleWorker(page, 'sweep');
  const stepBefore = await readSweepStep(page);
  const injectedAt = Date.now();
  await hangWorker(worker);
  const notice = page.getByRole('alert').filter({ hasText: 'stopped responding' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  const detectedMs = Date.now() - injectedAt;
  await expect(notice).toContainText(
    /The sweep worker stopped responding \(no progress for \d+ s\)\. It was ended\. Continue resumes from step \d+, the last checkpoint, with the same settings on cpu/,
  );
  const checkpointStep = Number(/resumes from step (\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
  expect(checkpointStep % 500).toBe(0); // an evaluation step
  expect(checkpointStep).toBeGreaterThan(0);
  expect(checkpointStep).toBeLessThanOrEqual(stepBefore);
  // The UI no longer claims to train.
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('play-button')).not.toHaveAttribute('aria-label', 'Pause');
  await page.screenshot({ path: 'test-results/sweep-fault-1440x900.png' });
  console.log(`[sweep watchdog] detected after ${detectedMs} ms; step ${stepBefore} at injection, checkpoint at ${checkpointStep}`);

  await page.getByTestId('notice-continue').click();
  await expect(page.getByRole('alert')).toHaveText(new RegExp(`The run continued from step ${checkpointStep}, its last checkpoint, on cpu\\.`));
  // The curves keep their points up to the checkpoint and go on from there, never from 0.
  await expectTrainingFrom(page, checkpointStep, 0, readSweepStep);
  const resumed = await runToEnd(page);
  console.log(
    `[sweep watchdog] resumed from ${checkpointStep}: ${resumed.length} rows equal to the uninterrupted sweep's: ${JSON.stringify(resumed) === JSON.stringify(uninterrupted)}`,
  );
  expect(resumed).toEqual(uninterrupted);
  // Five evaluations per variant (500 … 2500), each once: the rewind dropped what the hung worker posted after its checkpoint.
  const points = await page.getByTestId('sweep-multiple').evaluateAll((cells) => cells.map((cell) => Number((cell as HTMLElement).dataset.points)));
  expect(points).toEqual([5, 5, 5, 5]);
  expect(errors).toEqual([]);
});

test('a sweep worker that crashes: the notice names the crash and offers Continue from the last checkpoint, which trains on from there', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(SWEEP_RUN);
  await page.getByTestId('play-button').click();
  await expect.poll(() => readSweepStep(page), { timeout: 60_000 }).toBeGreaterThan(600);
  const worker = await findRoleWorker(page, 'sweep');
  await worker
    .evaluate(() =>
      setTimeout(() => {
        throw new Error('injected crash');
      }, 0),
    )
    .catch(() => {});
  const notice = page.getByRole('alert').filter({ hasText: 'injected crash' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  await expect(notice).toContainText(/The sweep stopped: .*injected crash.* Continue resumes from step \d+, the last checkpoint, with the same settings on cpu\./);
  const checkpointStep = Number(/resumes from step (\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
  expect(checkpointStep).toBeGreaterThanOrEqual(500);
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'error');
  await page.getByTestId('notice-continue').click();
  await expect(page.getByRole('alert')).toHaveText(new RegExp(`The run continued from step ${checkpointStep}, its last checkpoint, on cpu\\.`));
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'running');
  await expect.poll(() => readSweepStep(page), { timeout: 60_000 }).toBeGreaterThan(checkpointStep + 100);
  expect(errors.filter((e) => !e.includes('injected crash'))).toEqual([]);
});

test('a sweep whose WebGL context is lost: a notice within 10 s, and the sweep goes on by itself on another backend from its last checkpoint', async ({ page }) => {
  await page.goto('/#v=1&backend=webgl&seed=7&train=1024&test=512&steps=30000&eval=100&sweep=errorBound&sweepRange=0.01:0.08:4:log');
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('backend-name')).toHaveText('webgl', { timeout: 60_000 });
  await expect.poll(() => readSweepStep(page), { timeout: 90_000 }).toBeGreaterThan(250);
  const worker = await findRoleWorker(page, 'sweep');
  const stepBefore = await readSweepStep(page);
  const injectedAt = Date.now();
  await worker.evaluate(loseWebglContext);
  const notice = page.getByRole('alert').filter({ hasText: 'The GPU stopped responding' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  const detectedMs = Date.now() - injectedAt;
  const text = (await notice.textContent()) ?? '';
  expect(text).toMatch(
    /^The GPU stopped responding on webgl \((the WebGL context was lost|a GPU readback did not finish within \d+ s)[^)]*\)\. Continuing on (wasm|cpu) from step \d+, the last checkpoint/,
  );
  const [, next, from] = /Continuing on (\w+) from step (\d+)/.exec(text) ?? [];
  const checkpointStep = Number(from);
  expect(checkpointStep % 100).toBe(0); // an evaluation step
  expect(checkpointStep).toBeGreaterThan(0);
  expect(checkpointStep).toBeLessThanOrEqual(stepBefore);
  console.log(`[sweep gpu-loss] notice after ${detectedMs} ms (${text}); step ${stepBefore} at injection`);
  // No question asked: it trains on, on the next backend, from the checkpoint (never from 0).
  await expect(page.getByTestId('backend-name')).toHaveText(next, { timeout: 30_000 });
  await expectTrainingFrom(page, checkpointStep, 100, readSweepStep);
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Pause');
});

test('in 中文 a sweep worker that hangs is told, and continued, without an English word', async ({ page }) => {
  await page.goto(`${SWEEP_RUN}&lang=zh`);
  await page.getByTestId('play-button').click();
  await expect.poll(() => readSweepStep(page), { timeout: 60_000 }).toBeGreaterThan(600);
  const worker = await findRoleWorker(page, 'sweep');
  await hangWorker(worker);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('扫描工作线程停止响应', { timeout: 10_000 });
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('sweep-status')).toContainText('扫描工作线程停止响应');
  expect(await englishWordsIn(page, '[data-testid="notice"], [data-testid="sweep-status"], .run-message')).toEqual([]);
  await page.getByTestId('notice-continue').click();
  await expect(notice).toContainText(/训练已从第 \d+ 步（最后的检查点）在 cpu 上继续。/);
  expect(await englishWordsIn(page, '[data-testid="notice"]')).toEqual([]);
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'running');
});

test('a reload mid-sweep restores the sweep at its last checkpoint, and Play ends it on the uninterrupted rows (cpu)', async ({ page, browser }) => {
  const uninterrupted = await runReference(browser, SWEEP_RUN, 'play-button', runToEnd);

  await page.goto(SWEEP_RUN);
  await page.getByTestId('play-button').click();
  await expect.poll(() => readSweepStep(page), { timeout: 60_000 }).toBeGreaterThan(1100);
  await page.reload();
  const notice = page.getByTestId('notice').filter({ hasText: 'Restored from step' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  const restoredStep = Number(/Restored from step (\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
  expect(restoredStep % 500).toBe(0);
  expect(restoredStep).toBeGreaterThanOrEqual(1000);
  // The sweep came back paused at its checkpoint with its curves.
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'paused');
  expect(await readSweepStep(page)).toBe(restoredStep);
  const points = await page.getByTestId('sweep-multiple').evaluateAll((cells) => cells.map((cell) => Number((cell as HTMLElement).dataset.points)));
  expect(points).toEqual([0, 1, 2, 3].map(() => restoredStep / 500));
  await page.getByTestId('play-button').click();
  await expectTrainingFrom(page, restoredStep, 100, readSweepStep);
  const resumed = await runToEnd(page);
  console.log(`[sweep reload] restored from ${restoredStep}; rows equal to the uninterrupted sweep's: ${JSON.stringify(resumed) === JSON.stringify(uninterrupted)}`);
  expect(resumed).toEqual(uninterrupted);
});
