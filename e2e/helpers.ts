import { expect, type Browser, type Page, type Worker } from '@playwright/test';
import jsQR from 'jsqr';

/** Collects console errors and uncaught page errors, for the no-console-errors checks. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Names and symbols kept as written in the Chinese interface (methods, papers, benchmarks and their ids, backends, units, libraries, the sweep syntax `:log`, the language's own name). */
export const KEPT_AS_WRITTEN =
  /\b(English|AXNet|AxTrain|NAS|NPU|MSE|CE|ICCAD|ApproXimate|computing|using|an|end-to-end|trainable|neural|network|Zhenghao|Peng|wasm|cpu|webgl|webgpu|auto|axnet|code|rms|p_label|mean|predicted|DRUM-k|NTV|SMAC|MICRO|DATE|ISLPED|He|Chen|Bessel|onepass|iterative|bessel_Jnu|blackscholes|Black|Scholes|fft|FFT|inversek2j|jmeint|jpeg|JPEG|kmeans|k-means|sobel|Sobel|custom|Adam|ReLU|softmax|sigmoid|IV|choose_type|Web|Worker|TensorFlow\.js|log|PARSEC|AxBench|CPU|jMonkeyEngine|DCT|RGB|sin|cos|tan|tanh|exp|sqrt|abs|pi|DRUM|Dreslinski|PEs?|MACs?|DRAM|SRAM|float64|pJ|GHz|Hz|kB|MB|GB|mV|dB|px|PSNR|PNG|SVG|CSV|JSON|tfjs|model\.json|weights\.bin|BP|act|pas|actpas|UCI|MNIST|EI|Markdown|nm|axlab|reproduce|Eyeriss|CACTI|Titan|McPAT|MARSSx86|Wisconsin|Ionosphere|Satimage|Image segmentation|Agg|Con|max|2RN|argmax|Etot|wij|Ok|Lk|Lexact|bp|landscape|ntv|results\.json|report\.md|paper axtrain|paper nas|Image segmentation|[A-Za-z0-9]+_[A-Za-z0-9_]+)\b/g;

/**
 * The English words left in the visible text of `selector`'s elements, apart from KEPT_AS_WRITTEN and from what the page
 * itself marks as kept in English (lang="en": citations and cost formulas as written in src/core) and subscripts of
 * symbols (E<sub>avg</sub>, which innerText runs into one word): the 中文 checks.
 */
export async function englishWordsIn(page: Page, selector: string): Promise<string[]> {
  const kept = page.locator('[lang="en"], sub');
  await kept.evaluateAll((elements) => {
    for (const element of elements) (element as HTMLElement).style.display = 'none';
  });
  try {
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a student reads (innerText skips hidden elements)
    const text = await page.locator(selector).evaluateAll((elements) => elements.map((e) => (e as HTMLElement).innerText).join(' '));
    return (text.replace(KEPT_AS_WRITTEN, ' ').match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !/^(Fig|V)$/.test(w));
  } finally {
    await kept.evaluateAll((elements) => {
      for (const element of elements) (element as HTMLElement).style.display = '';
    });
  }
}

/** The step the metrics readout shows. */
export async function readStep(page: Page): Promise<number> {
  return Number(await page.getByTestId('metric-step').textContent());
}

/** Training goes on from `fromStep`: the readout passes fromStep + `beyond` and never shows a step below fromStep. */
export async function expectTrainingFrom(page: Page, fromStep: number, beyond: number, read: (page: Page) => Promise<number> = readStep): Promise<void> {
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        const step = await read(page);
        seen.push(step);
        return step;
      },
      { timeout: 60_000, intervals: [100] },
    )
    .toBeGreaterThan(fromStep + beyond);
  expect(Math.min(...seen)).toBeGreaterThanOrEqual(fromStep);
}

/** Decodes the QR code on the canvas `testId`, as a phone's camera would read the screen (jsQR: an independent decoder). */
export async function scanQr(page: Page, testId: string): Promise<string | null> {
  const image = await page.getByTestId(testId).evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: canvas.width, height: canvas.height, base64: btoa(binary) };
  });
  const pixels = new Uint8ClampedArray(Buffer.from(image.base64, 'base64'));
  return jsQR(pixels, image.width, image.height)?.data ?? null;
}

/** Loses the worker's WebGL context at its next useProgram (tfjs calls it for every kernel). */
export function loseWebglContext(): void {
  const scope = self as unknown as Record<string, { prototype: Record<string, unknown> } | undefined>;
  for (const name of ['WebGL2RenderingContext', 'WebGLRenderingContext']) {
    const proto = scope[name]?.prototype as { useProgram: (this: WebGLRenderingContext, program: WebGLProgram | null) => void } | undefined;
    if (!proto) continue;
    const original = proto.useProgram;
    proto.useProgram = function (program) {
      proto.useProgram = original;
      original.call(this, program);
      const extension = this.getExtension('WEBGL_lose_context');
      setTimeout(() => extension?.loseContext(), 0);
    };
  }
}

/** The page's worker of `role` (they all run workers/lab.worker.ts; the role is the worker's name: 'sweep', 'nas', …). */
export async function findRoleWorker(page: Page, role: string): Promise<Worker> {
  for (const worker of page.workers()) {
    if ((await worker.evaluate(() => self.name).catch(() => '')) === role) return worker;
  }
  throw new Error(`no ${role} worker`);
}

/** Hangs the worker's thread at its next task, for good (what a lost WebGL context's readback does): alive but silent. */
export function hangWorkerThread(): void {
  setTimeout(() => {
    for (;;) {}
  }, 0);
}

/** Injects hangWorkerThread into `worker` (the evaluation itself may never return). */
export async function hangWorker(worker: Worker): Promise<void> {
  await worker.evaluate(hangWorkerThread).catch(() => {});
}

/**
 * The uninterrupted run a fault test compares with: `link` in a context of its own (a page of the test's context would
 * find the reference's stored run and restore it), Play on `playTestId`, and what `finish` reads once it has ended.
 */
export async function runReference<T>(browser: Browser, link: string, playTestId: string, finish: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(link);
    await page.getByTestId(playTestId).click();
    return await finish(page);
  } finally {
    await context.close();
  }
}

/**
 * Puts entries into the page's study cache (IndexedDB 'axnet-lab-study', store 'jobs'; studyCache.ts), as the Paper
 * view caches a finished run: a reload then shows them without training.
 */
export async function putStudyCacheEntries(page: Page, entries: readonly (readonly [string, unknown])[]): Promise<void> {
  await page.evaluate(async (pairs) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('axnet-lab-study', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('jobs');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const transaction = open.result.transaction('jobs', 'readwrite');
        for (const [key, value] of pairs) transaction.objectStore('jobs').put(value, key);
        transaction.oncomplete = () => {
          open.result.close();
          resolve();
        };
        transaction.onerror = () => reject(transaction.error);
      };
    });
  }, entries);
}

/**
 * The step of the run stored for a reload (runRestore.ts: the 'run' namespace of the study cache, written at most every
 * RUN_STORE_INTERVAL_MS), or null when none is stored: a test reloads once the write it needs has happened.
 */
export async function readStoredRunStep(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const open = indexedDB.open('axnet-lab-study', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('jobs');
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const request = open.result.transaction('jobs', 'readonly').objectStore('jobs').get('run:current');
          request.onsuccess = () => {
            open.result.close();
            const step = (request.result as { checkpoint?: { step?: unknown } } | undefined)?.checkpoint?.step;
            resolve(typeof step === 'number' ? step : null);
          };
          request.onerror = () => resolve(null);
        };
      }),
  );
}
