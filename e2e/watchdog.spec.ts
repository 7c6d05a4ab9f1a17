import { expect, test, type Page, type Worker } from '@playwright/test';
import { expectTrainingFrom, hangWorkerThread, readStep, runReference } from './helpers';

/**
 * Issue 12: a training worker that stops answering (a hung readback, an out-of-memory kill) is noticed by the watchdog
 * (src/state/runWatchdog.ts), ended, explained in a role="alert" notice, and Continue resumes from the last checkpoint
 * (the worker posts one at every evaluation) on the same backend, with the numbers of an uninterrupted run. The faults
 * are injected into the real worker through Playwright's worker handle: no test hook in the build.
 * Fixture: cpu backend, fixed seed, tiny data.
 */
const LONG_RUN = '/#v=1&backend=cpu&seed=7&train=1024&test=512&steps=200000&eval=500';
/** Short enough to finish: the resumed run must end on the uninterrupted run's numbers. */
const SHORT_RUN = '/#v=1&backend=cpu&seed=7&train=1024&test=512&steps=2500&eval=500';
const METRICS = ['metric-true-invocation', 'metric-predicted-invocation', 'metric-prediction-accuracy', 'metric-overall-error'];

async function startTraining(page: Page, link: string, pastStep: number): Promise<Worker> {
  const workerStarted = page.waitForEvent('worker');
  await page.goto(link);
  await page.getByTestId('play-button').click();
  const worker = await workerStarted;
  await expect.poll(() => readStep(page), { timeout: 60_000 }).toBeGreaterThan(pastStep);
  return worker;
}

async function readMetrics(page: Page): Promise<string[]> {
  return Promise.all(METRICS.map(async (id) => (await page.getByTestId(id).textContent()) ?? ''));
}

const FAULTS = [
  // The worker's thread never comes back (what a lost WebGL context's readback does): it stays alive but silent.
  { name: 'a worker whose thread hangs', inject: hangWorkerThread },
  // The worker is gone without an error event (self.close(), an out-of-memory kill).
  { name: 'a worker that dies silently', inject: () => setTimeout(() => self.close(), 0) },
];

/** Injects the fault; returns the checkpoint step the notice names and the detection time. */
async function injectAndContinue(page: Page, worker: Worker, fault: (typeof FAULTS)[number]): Promise<{ checkpointStep: number; detectedMs: number }> {
  const stepBefore = await readStep(page);
  const injectedAt = Date.now();
  await worker.evaluate(fault.inject).catch(() => {}); // the worker may go before it answers
  const notice = page.getByRole('alert').filter({ hasText: 'stopped responding' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  const detectedMs = Date.now() - injectedAt;
  await expect(notice).toContainText(
    /The training worker stopped responding \(no progress for \d+ s\)\. It was ended\. Continue resumes from step \d+, the last checkpoint, with the same settings on cpu/,
  );
  const checkpointStep = Number(/resumes from step (\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
  expect(checkpointStep % 500).toBe(0); // an evaluation step
  expect(checkpointStep).toBeGreaterThan(0);
  expect(checkpointStep).toBeLessThanOrEqual(stepBefore);
  // The UI no longer claims to train.
  await expect(page.getByTestId('play-button')).not.toHaveAttribute('aria-label', 'Pause');
  console.log(`[watchdog] ${fault.name}: detected after ${detectedMs} ms; step ${stepBefore} at injection, checkpoint at ${checkpointStep}`);
  await page.getByTestId('notice-continue').click();
  await expect(page.getByRole('alert')).toHaveText(new RegExp(`The run continued from step ${checkpointStep}, its last checkpoint, on cpu\\.`));
  // The resumed run starts at the checkpoint, not at 0 (it may already have trained on by the time the readout is read).
  expect(await readStep(page)).toBeGreaterThanOrEqual(checkpointStep);
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Pause');
  return { checkpointStep, detectedMs };
}

for (const fault of FAULTS) {
  test(`${fault.name}: a notice within 10 s, and Continue resumes from the last checkpoint`, async ({ page }) => {
    const worker = await startTraining(page, LONG_RUN, 1100);
    const { checkpointStep } = await injectAndContinue(page, worker, fault);
    await expectTrainingFrom(page, checkpointStep, 200);
  });
}

test('the resumed run ends with the metrics of an uninterrupted run on the same backend (cpu)', async ({ page, browser }) => {
  const uninterrupted = await runReference(browser, SHORT_RUN, 'play-button', async (reference) => {
    await expect.poll(() => readStep(reference), { timeout: 90_000 }).toBe(2500);
    await expect(reference.getByTestId('play-button')).not.toHaveAttribute('aria-label', 'Pause');
    return readMetrics(reference);
  });

  const worker = await startTraining(page, SHORT_RUN, 1100);
  const { checkpointStep } = await injectAndContinue(page, worker, FAULTS[0]);
  await expect.poll(() => readStep(page), { timeout: 90_000 }).toBe(2500);
  await expect(page.getByTestId('play-button')).not.toHaveAttribute('aria-label', 'Pause');
  const resumed = await readMetrics(page);
  console.log(`[watchdog] resumed from ${checkpointStep}: final metrics ${resumed.join(' ')}; uninterrupted ${uninterrupted.join(' ')}`);
  expect(resumed).toEqual(uninterrupted);
  expect(uninterrupted.every((text) => /\d/.test(text))).toBe(true);
});
