import { expect, test, type Page, type Worker } from '@playwright/test';
import { readStep, expectTrainingFrom, loseWebglContext } from './helpers';

/**
 * Issue 12 §GPU loss: the GPU under the training worker goes away mid-run (WebGL: the context is lost; WebGPU: the device
 * is destroyed). The worker notices (webglcontextlost, device.lost, or a readback past its limit), the page says so in a
 * role="alert" notice within 10 s and continues by itself on the next backend of the measured chain from the last
 * checkpoint. The loss is injected into the real worker through Playwright's worker handle (no test hook in the build):
 * the first WebGL call (or WebGPU command encoder) after the injection hands over its context (device), which is lost.
 */
async function startOn(page: Page, link: string, backend: string, pastStep: number): Promise<Worker> {
  const workerStarted = page.waitForEvent('worker');
  await page.goto(link);
  await page.getByTestId('play-button').click();
  const worker = await workerStarted;
  await expect(page.getByTestId('backend-name')).toHaveText(backend, { timeout: 60_000 });
  // Chromium's software WebGPU adapter trains a few steps/s; on a loaded machine its first chunk can pass the readback
  // limit, and the run moves to wasm before any fault is injected (a correct verdict, but no test of an injected loss).
  const early = page.getByRole('alert').filter({ hasText: 'The GPU stopped responding' });
  await expect
    .poll(async () => ((await early.isVisible()) ? 'fell back early' : (await readStep(page)) > pastStep ? 'ready' : 'training'), { timeout: 90_000 })
    .not.toBe('training');
  if (await early.isVisible()) test.skip(true, `${backend} was too slow here: its first chunk passed the readback limit before the injection (${await early.textContent()})`);
  return worker;
}

/** Destroys the worker's WebGPU device at its next command encoder (tfjs makes one per submitted batch of kernels). */
function destroyWebgpuDevice(): void {
  const scope = self as unknown as { GPUDevice?: { prototype: { createCommandEncoder: (this: { destroy(): void }, ...args: unknown[]) => unknown } } };
  const proto = scope.GPUDevice?.prototype;
  if (!proto) throw new Error('no WebGPU in this worker');
  const original = proto.createCommandEncoder;
  proto.createCommandEncoder = function (...args) {
    proto.createCommandEncoder = original;
    const encoder = original.apply(this, args);
    setTimeout(() => this.destroy(), 0);
    return encoder;
  };
}

const CASES = [
  { backend: 'webgl', link: '/#v=1&backend=webgl&seed=7&train=1024&test=512&steps=200000&eval=100', past: 150, inject: loseWebglContext, reason: 'the WebGL context was lost' },
  { backend: 'webgpu', link: '/#v=1&backend=webgpu&seed=7&train=256&test=128&steps=200000&eval=10', past: 12, inject: destroyWebgpuDevice, reason: 'the WebGPU device was lost' },
];

for (const c of CASES) {
  test(`${c.backend}: a lost GPU mid-run → a notice within 10 s, and training goes on on another backend from the checkpoint`, async ({ page }) => {
    const worker = await startOn(page, c.link, c.backend, c.past);
    const stepBefore = await readStep(page);
    const injectedAt = Date.now();
    await worker.evaluate(c.inject);
    const notice = page.getByRole('alert').filter({ hasText: 'The GPU stopped responding' });
    await expect(notice).toBeVisible({ timeout: 10_000 });
    const detectedMs = Date.now() - injectedAt;
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(
      new RegExp(
        `^The GPU stopped responding on ${c.backend} \\((${c.reason}|a GPU readback did not finish within \\d+ s)[^)]*\\)\\. Continuing on (wasm|cpu) from step \\d+, the last checkpoint`,
      ),
    );
    const [, next, from] = /Continuing on (\w+) from step (\d+)/.exec(text) ?? [];
    const checkpointStep = Number(from);
    expect(checkpointStep).toBeGreaterThan(0);
    expect(checkpointStep).toBeLessThanOrEqual(stepBefore);
    console.log(`[gpu-loss] ${c.backend}: notice after ${detectedMs} ms (${text}); step ${stepBefore} at injection`);
    // It goes on by itself, on the next backend, from the checkpoint.
    await expect(page.getByTestId('backend-name')).toHaveText(next, { timeout: 30_000 });
    await expectTrainingFrom(page, checkpointStep, 50);
    await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Pause');
  });
}
