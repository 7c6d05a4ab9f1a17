import { expect, test } from '@playwright/test';
import { findRoleWorker, hangWorker } from './helpers';

/**
 * Issue 12 for the Paper view's studies: a study worker posts a heartbeat after each chunk of training
 * (workers/study.worker.ts); one whose thread hangs is ended by the pool's watchdog (src/state/studyWorkerPool.ts),
 * its group's jobs are listed with the reason in words, and the study goes on with the other groups. The finished jobs
 * are cached, so running the study again continues with what is missing. The hang is injected into the real worker.
 */
test('a study worker that hangs: its group is reported within 20 s as stopped, and the study goes on with the others', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#v=1&backend=cpu');
  await page.getByTestId('tab-paper').click();
  const progress = page.getByTestId('paper-progress');
  await page.getByTestId('paper-clear-cache').click();
  await page.getByTestId('paper-run').click();
  await expect(progress).toHaveAttribute('data-status', 'running');
  await expect.poll(async () => Number(await progress.getAttribute('data-done')), { timeout: 60_000 }).toBeGreaterThan(2);
  const worker = await findRoleWorker(page, 'study');
  const injectedAt = Date.now();
  await hangWorker(worker);
  await expect.poll(async () => Number(await progress.getAttribute('data-failed')), { timeout: 30_000 }).toBeGreaterThan(0);
  const detectedMs = Date.now() - injectedAt;
  await expect(progress.locator('li').first()).toContainText(
    /The study worker stopped responding \(no progress for \d+ s\)\. It was ended; run the study again to continue \(what it finished is kept\)\./,
  );
  console.log(`[study watchdog] a hung study worker's group reported after ${detectedMs} ms`);
  // Busy: the floor of 10 s after its last chunk; between two groups: the startup limit of 15 s for the next.
  expect(detectedMs).toBeLessThan(20_000);
  // The study is not stuck: other groups finish after the failure.
  const doneAtFailure = Number(await progress.getAttribute('data-done'));
  await expect.poll(async () => Number(await progress.getAttribute('data-done')), { timeout: 60_000 }).toBeGreaterThan(doneAtFailure + 2);
  await expect(progress).toHaveAttribute('data-status', 'running');
  await page.getByTestId('paper-cancel').click();
  await expect(progress).not.toHaveAttribute('data-status', 'running');
});
