import { expect, test, type Page } from '@playwright/test';
import { englishWordsIn, readStep } from './helpers';

/**
 * Issue 12, legal but extreme settings: the maximal link (every width, layer count and batch at their maxima) warns with
 * the run's estimate before anything trains; "Train anyway" trains it and Pause is acknowledged on the page within
 * 200 ms and by the worker within a slice of its step (src/core/runEstimate.ts computeStepSlices); "Shrink and train" trains the smaller config; the control-vector panel never draws more than its cap of maps.
 * Measured numbers (time to the worker's first message, pause latency, long tasks) are attached to the test results.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const MAX_WIDTHS = '128-128-128-128';
const maximalLink = (backend: string) => `/#v=1&backend=${backend}&approx=${MAX_WIDTHS}&pred=${MAX_WIDTHS}&batch=4096&train=200000`;
/** Maximal widths but a small batch and data: below every threshold, so it trains without asking and draws quickly. */
const WIDE_LINK = `/#v=1&backend=wasm&approx=${MAX_WIDTHS}&pred=${MAX_WIDTHS}&batch=16&train=1024&test=512&steps=400&eval=100`;
/** The worker's pause answer on a loaded machine, ms (measured here: see the note; the 200 ms on the page). */
const WORKER_PAUSE_BOUND_MS = 500;
/** CONTROL_NEURONS_PER_PAGE × 3 maps (before, c, after), each a canvas for the map and one for its cursor. */
const CONTROL_CANVAS_CAP = 32 * 3 * 2;

/**
 * Long tasks of the main thread, and every message the page's workers post (time, type, running), recorded from page
 * load on by wrapping the Worker constructor (a listener beside the controller's onmessage).
 */
async function recordPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: { at: number; ms: number }[] = [];
    const messages: { at: number; type: string; running?: boolean }[] = [];
    Object.assign(window, { __longTasks: tasks, __workerMessages: messages });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ at: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent) => messages.push({ at: performance.now(), type: String(event.data?.type), running: event.data?.running }));
      }
    };
  });
}

type Recorded = { tasks: { at: number; ms: number }[]; messages: { at: number; type: string; running?: boolean }[]; now: number };
const readRecord = (page: Page): Promise<Recorded> =>
  page.evaluate(() => {
    const w = window as unknown as { __longTasks: Recorded['tasks']; __workerMessages: Recorded['messages'] };
    return { tasks: w.__longTasks, messages: w.__workerMessages, now: performance.now() };
  });

/** Clicks Play/Pause in the page and resolves with the click's time and the ms until the status reads `status`. */
function clickAndTimeStatus(page: Page, status: RegExp): Promise<{ at: number; ms: number }> {
  return page.evaluate(
    (pattern) =>
      new Promise<{ at: number; ms: number }>((resolve) => {
        const element = document.querySelector('.run-status');
        const regex = new RegExp(pattern);
        const start = performance.now();
        const check = () => {
          if (regex.test(element?.textContent ?? '')) {
            observer.disconnect();
            resolve({ at: start, ms: performance.now() - start });
          }
        };
        const observer = new MutationObserver(check);
        if (element) observer.observe(element, { childList: true, subtree: true, characterData: true });
        (document.querySelector('[data-testid="play-button"]') as HTMLButtonElement).click();
        check();
      }),
    status.source,
  );
}

for (const backend of ['wasm', 'cpu']) {
  test(`the maximal link on ${backend} warns before anything trains; Train anyway → Pause acknowledged within 200 ms`, async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    await recordPage(page);
    let workers = 0;
    page.on('worker', () => {
      workers += 1;
    });
    await page.goto(maximalLink(backend));
    const workersAtLoad = workers;
    await page.getByTestId('play-button').click();
    const warning = page.getByTestId('run-estimate');
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(/one training step takes about [\d.]+ (s|min|ms)/);
    await expect(warning).toContainText(`estimate for ${backend}`);
    await expect(warning).toContainText('approximator 128-128-128-128 → 32-32-32-32');
    await page.waitForTimeout(1000);
    expect(workers, 'no worker starts before the answer').toBe(workersAtLoad);
    await expect(page.locator('.run-status')).toHaveText('ready');
    expect(page.url()).toContain(`batch=4096`); // the link keeps the same config while asking

    const clickedAt = await page.evaluate(() => performance.now());
    await page.getByTestId('estimate-anyway').click();
    await expect(warning).toHaveCount(0);
    await expect(page.locator('.run-status')).toHaveText(/^training/, { timeout: 240_000 });
    // Pause at several moments (inside a sliced step, a surface, an evaluation), then Play again: each time the worker
    // answers with a settled progress (running: false) within its bound, not at the end of a step of seconds.
    const pauses: { shownMs: number; workerMs: number }[] = [];
    for (const waitMs of [3000, 1700, 2300]) {
      await page.waitForTimeout(waitMs);
      const pause = await clickAndTimeStatus(page, /^paused/);
      await expect.poll(async () => (await readRecord(page)).messages.some((m) => m.at > pause.at && m.type === 'progress' && m.running === false), { timeout: 60_000 }).toBe(true);
      const ack = (await readRecord(page)).messages.find((m) => m.at > pause.at && m.type === 'progress' && m.running === false)!;
      pauses.push({ shownMs: Math.round(pause.ms), workerMs: Math.round(ack.at - pause.at) });
      await page.waitForTimeout(500); // the pause's views
      await clickAndTimeStatus(page, /^training/);
    }
    const record = await readRecord(page);
    const afterClick = record.messages.filter((m) => m.at > clickedAt);
    const tasksWhileTraining = record.tasks.filter((t) => t.at > clickedAt);
    const numbers = {
      backend,
      firstMessageMs: Math.round((afterClick[0]?.at ?? Number.NaN) - clickedAt),
      firstProgressMs: Math.round((afterClick.find((m) => m.type === 'progress')?.at ?? Number.NaN) - clickedAt),
      pauses,
      longTasksAfterStart: tasksWhileTraining.length,
      longestTaskMs: Math.round(Math.max(0, ...tasksWhileTraining.map((t) => t.ms))),
    };
    console.log(`extreme ${JSON.stringify(numbers)}`);
    await testInfo.attach(`numbers-${backend}`, { body: JSON.stringify(numbers), contentType: 'application/json' });
    for (const { shownMs, workerMs } of pauses) {
      expect(shownMs).toBeLessThan(200);
      // The worker's own answer: a slice of a step or of a surface (≈ 100 ms at most by STEP_SLICE_MACS) plus the
      // message; bounded at WORKER_PAUSE_BOUND_MS for a loaded test machine. Without slicing: 3–13 s (one step).
      expect(workerMs).toBeLessThan(WORKER_PAUSE_BOUND_MS);
    }
  });
}

test('the maximal link: Shrink and train starts the smaller config, named in the link', async ({ page }) => {
  await page.goto(maximalLink('wasm'));
  await page.getByTestId('play-button').click();
  await page.getByTestId('estimate-shrink').click();
  await expect(page.getByTestId('run-estimate')).toHaveCount(0);
  await expect.poll(() => readStep(page), { timeout: 90_000 }).toBeGreaterThan(0);
  expect(page.url()).toContain('approx=32-32-32-32');
  expect(page.url()).toContain('batch=512');
  await expect(page.locator('.run-status')).toHaveText(/^training/);
});

test('at maximal widths the control-vector panel draws at most 32 neurons, with Prev / Next paging', async ({ page }) => {
  await page.goto(WIDE_LINK);
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('run-estimate')).toHaveCount(0); // small batch and data: no question
  await expect(page.getByTestId('control-page-range')).toHaveText('neurons 1–32 of 512', { timeout: 90_000 });
  const panel = page.getByTestId('panel-control');
  const countCanvases = () => panel.locator('canvas').count();
  expect(await countCanvases()).toBeLessThanOrEqual(CONTROL_CANVAS_CAP);
  await expect(panel.locator('[data-testid^="control-neuron-"]')).toHaveCount(32);
  expect(await page.locator('canvas').count()).toBeLessThan(400);
  await expect(page.getByTestId('control-page-prev')).toBeDisabled();
  await page.getByTestId('control-page-next').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('control-page-range')).toHaveText('neurons 33–64 of 512');
  await expect(panel.getByTestId('control-neuron-0-32')).toBeVisible();
  await expect(panel.getByTestId('control-neuron-0-0')).toHaveCount(0);
  expect(await countCanvases()).toBeLessThanOrEqual(CONTROL_CANVAS_CAP);
  await page.getByTestId('control-page-prev').click();
  await expect(page.getByTestId('control-page-range')).toHaveText('neurons 1–32 of 512');
});

test('a page of 32 neurons mounts 8 a frame, not all 96 maps in one task; a page change does it again', async ({ page }) => {
  // Every change of the number of neuron cards, with the frame it happened in (issue 7: at the maximal link all 96
  // maps committed in one task of 66–83 ms on cpu).
  await page.addInitScript(() => {
    const counts: number[] = [];
    Object.assign(window, { __neuronCounts: counts });
    const watch = () => {
      const n = document.querySelectorAll('[data-testid="panel-control"] [data-testid^="control-neuron-"]').length;
      if (n !== counts[counts.length - 1]) counts.push(n);
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  const readCounts = () => page.evaluate(() => (window as unknown as { __neuronCounts: number[] }).__neuronCounts.filter((n) => n > 0));
  await page.goto(WIDE_LINK);
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('control-page-range')).toHaveText('neurons 1–32 of 512', { timeout: 90_000 });
  const panel = page.getByTestId('panel-control');
  await expect(panel.locator('[data-testid^="control-neuron-"]')).toHaveCount(32);
  expect(await readCounts()).toEqual([8, 16, 24, 32]);
  await page.evaluate(() => {
    (window as unknown as { __neuronCounts: number[] }).__neuronCounts.length = 0;
  });
  await page.getByTestId('control-page-next').click();
  await expect(page.getByTestId('control-page-range')).toHaveText('neurons 33–64 of 512');
  await expect(panel.locator('[data-testid^="control-neuron-"]')).toHaveCount(32);
  await expect(panel.getByTestId('control-neuron-0-63')).toBeVisible();
  expect((await readCounts()).slice(-4)).toEqual([8, 16, 24, 32]);
});

test('in 中文 the warning, its changes and its buttons are Chinese, and Cancel trains nothing', async ({ page }) => {
  await page.goto(`${maximalLink('wasm')}&lang=zh`);
  await page.getByTestId('play-button').click();
  const warning = page.getByTestId('run-estimate');
  await expect(warning).toContainText('这些设置非常大');
  await expect(warning).toContainText('批大小：由 4096 改为 512');
  await expect(page.getByTestId('estimate-anyway')).toHaveText('仍然训练');
  await expect(page.getByTestId('estimate-shrink')).toHaveText('缩小后训练');
  expect(await englishWordsIn(page, '[data-testid="run-estimate"]')).toEqual([]);
  await page.getByTestId('estimate-cancel').click();
  await expect(warning).toHaveCount(0);
  expect(await readStep(page)).toBe(0);
});

test('a comparison of the maximal link asks before any lane starts; Cancel trains nothing', async ({ page }) => {
  let workers = 0;
  page.on('worker', () => {
    workers += 1;
  });
  await page.goto(`${maximalLink('wasm')}&methods=axnet,onepass,iterative`);
  await expect(page.getByTestId('panel-compare')).toBeVisible();
  const workersAtLoad = workers;
  await page.getByTestId('play-button').click();
  const warning = page.getByTestId('run-estimate');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('estimate for wasm');
  await page.waitForTimeout(1000);
  expect(workers, 'no lane starts before the answer').toBe(workersAtLoad);
  await page.getByTestId('estimate-cancel').click();
  await expect(warning).toHaveCount(0);
  expect(workers).toBe(workersAtLoad);
});
