import { expect, test, type Page, type Worker } from '@playwright/test';
import { hangWorker, loseWebglContext } from './helpers';

/**
 * Issue 12 in compare mode: each lane keeps the last checkpoint its worker posted. A lane whose worker stops answering
 * is ended with a notice (the other lanes go on), and Continue resumes that lane from its checkpoint, its curve up to
 * it kept; a lane whose GPU is lost goes on by itself on the next backend from its checkpoint. Faults are injected into
 * the lane's real worker through Playwright's worker handle, as in watchdog.spec.ts and gpu-loss.spec.ts.
 */
const lanePoints = async (page: Page, method: string): Promise<number> => Number(await page.getByTestId(`compare-curve-${method}`).getAttribute('data-points'));

/** Starts the comparison; resolves with the lanes' workers in config.methods order once the first lane has `points` points. */
async function startComparison(page: Page, link: string, points: number): Promise<Worker[]> {
  const workers: Worker[] = [];
  page.on('worker', (worker) => workers.push(worker));
  await page.goto(link);
  await expect(page.getByTestId('panel-compare')).toBeVisible();
  const before = workers.length;
  await page.getByTestId('play-button').click();
  await expect.poll(() => lanePoints(page, 'axnet'), { timeout: 90_000 }).toBeGreaterThanOrEqual(points);
  return workers.slice(before);
}

test('a compare lane that stops answering: a notice within 10 s, the other lane goes on, and Continue resumes it from its checkpoint', async ({ page }) => {
  test.setTimeout(180_000);
  const lanes = await startComparison(page, '/#v=1&backend=cpu&seed=7&train=1024&test=512&steps=200000&eval=300&methods=axnet,lone', 3);
  expect(lanes.length).toBeGreaterThanOrEqual(2);
  const injectedAt = Date.now();
  await hangWorker(lanes[0]);
  const notice = page.getByRole('alert').filter({ hasText: 'axnet worker stopped responding' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  const detectedMs = Date.now() - injectedAt;
  const text = (await notice.textContent()) ?? '';
  expect(text).toMatch(/the other methods go on\. Continue resumes it from step \d+, the last checkpoint, with the same settings\./);
  const checkpointStep = Number(/resumes it from step (\d+)/.exec(text)?.[1]);
  expect(checkpointStep % 300).toBe(0); // an evaluation step
  expect(checkpointStep).toBeGreaterThan(0);
  await expect(page.getByTestId('compare-curve-axnet')).toHaveAttribute('data-status', 'error');
  // The other lane goes on meanwhile.
  const lonePoints = await lanePoints(page, 'lone');
  await expect.poll(() => lanePoints(page, 'lone'), { timeout: 30_000 }).toBeGreaterThan(lonePoints);

  await page.getByTestId('notice-continue').click();
  await expect(page.getByRole('alert')).toContainText(`The axnet lane continued from step ${checkpointStep}, its last checkpoint, on cpu.`);
  // Its curve up to the checkpoint stays (one point per evaluation), then grows again from there.
  const kept = checkpointStep / 300;
  await expect.poll(() => lanePoints(page, 'axnet'), { timeout: 10_000 }).toBeGreaterThanOrEqual(kept);
  await expect(page.getByTestId('compare-curve-axnet')).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
  await expect.poll(() => lanePoints(page, 'axnet'), { timeout: 60_000 }).toBeGreaterThan(kept + 1);
  console.log(`[compare-faults] silent lane: detected after ${detectedMs} ms; resumed from step ${checkpointStep}`);
});

test('a compare lane whose WebGL context is lost goes on by itself on another backend from its checkpoint', async ({ page }) => {
  test.setTimeout(180_000);
  const lanes = await startComparison(page, '/#v=1&backend=webgl&seed=7&train=1024&test=512&steps=200000&eval=100&methods=axnet,lone', 2);
  const early = page.getByRole('alert').filter({ hasText: 'The GPU stopped responding' });
  if (await early.isVisible()) test.skip(true, `webgl was too slow here: ${await early.textContent()}`);
  await lanes[0].evaluate(loseWebglContext);
  const notice = page.getByRole('alert').filter({ hasText: 'The axnet lane continues on' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  const text = (await notice.textContent()) ?? '';
  expect(text).toMatch(/^The GPU stopped responding on webgl \([^)]*\)\. The axnet lane continues on (wasm|cpu) from step \d+, the last checkpoint\./);
  const from = Number(/from step (\d+)/.exec(text)?.[1]);
  const kept = from / 100;
  await expect(page.getByTestId('compare-curve-axnet')).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
  await expect.poll(() => lanePoints(page, 'axnet'), { timeout: 60_000 }).toBeGreaterThan(kept + 1);
});
