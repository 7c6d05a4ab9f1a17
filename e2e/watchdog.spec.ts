import { expect, test, type Page, type Worker } from '@playwright/test';

/**
 * Issue 12 items 1–2: a training worker that stops answering (a hung readback, an out-of-memory kill) is noticed by the
 * watchdog (src/state/runWatchdog.ts), ended, explained in a role="alert" notice, and Continue trains again. The faults
 * are injected into the real worker through Playwright's worker handle: no test hook in the build.
 * Fixture: cpu backend, fixed seed, tiny data, a budget long enough not to finish.
 */
const LONG_RUN = '/#v=1&backend=cpu&seed=7&train=1024&test=512&steps=200000&eval=500';

async function startTraining(page: Page): Promise<Worker> {
  const workerStarted = page.waitForEvent('worker');
  await page.goto(LONG_RUN);
  await page.getByTestId('play-button').click();
  const worker = await workerStarted;
  await expect.poll(async () => Number(await page.getByTestId('metric-step').textContent()), { timeout: 60_000 }).toBeGreaterThan(100);
  return worker;
}

async function readStep(page: Page): Promise<number> {
  return Number(await page.getByTestId('metric-step').textContent());
}

for (const fault of [
  // The worker's thread never comes back (what a lost WebGL context's readback does): it stays alive but silent.
  {
    name: 'a worker whose thread hangs',
    inject: () =>
      setTimeout(() => {
        for (;;) {}
      }, 0),
  },
  // The worker is gone without an error event (self.close(), an out-of-memory kill).
  { name: 'a worker that dies silently', inject: () => setTimeout(() => self.close(), 0) },
]) {
  test(`${fault.name}: a notice within 10 s, and Continue trains again`, async ({ page }) => {
    const worker = await startTraining(page);
    const stepBefore = await readStep(page);
    const injectedAt = Date.now();
    await worker.evaluate(fault.inject).catch(() => {}); // the worker may go before it answers
    const notice = page.getByRole('alert').filter({ hasText: 'stopped responding' });
    await expect(notice).toBeVisible({ timeout: 10_000 });
    const detectedMs = Date.now() - injectedAt;
    await expect(notice).toContainText(
      /The training worker stopped responding \(no progress for \d+ s\)\. It was ended\. Continue starts it again from step 0 with the same settings on cpu/,
    );
    // The UI no longer claims to train.
    await expect(page.getByTestId('play-button')).not.toHaveAttribute('aria-label', 'Pause');
    const stepAtNotice = await readStep(page);
    console.log(`[watchdog] ${fault.name}: detected after ${detectedMs} ms; step ${stepBefore} at injection, ${stepAtNotice} shown`);
    await page.getByTestId('notice-continue').click();
    await expect(notice).toBeHidden();
    await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Pause');
    await expect.poll(() => readStep(page), { timeout: 60_000 }).toBeGreaterThan(100);
  });
}
