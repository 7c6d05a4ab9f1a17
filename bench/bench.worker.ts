/**
 * Bench worker: trains the lab's AXNet (default Bessel config, lone approximator on) on ONE forced
 * backend and reports steps/s. A forced backend that falls back is reported as unavailable.
 * It runs as the 'bench' role of workers/lab.worker.ts, so it measures the lab's own worker build.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { DEFAULT_CONFIG, type BackendName } from '../src/core/config';
import { selectBackend } from '../src/ml/backend';
import { createMethodTrainer } from '../src/ml/methods';

export interface BenchRequest {
  backend: BackendName;
  /** Measure for at least this long (ms), after warm-up. */
  minMs: number;
  maxSteps: number;
}

export type BenchReply =
  | { type: 'result'; backend: BackendName; stepsPerSecond: number; steps: number; ms: number; warmupMs: number }
  | { type: 'unavailable'; backend: BackendName; reason: string };

const scope = globalThis as unknown as { onmessage: ((event: { data: BenchRequest }) => void) | null; postMessage(message: BenchReply): void };

scope.onmessage = async ({ data }) => {
  const { backend, minMs, maxSteps } = data;
  try {
    const selection = await selectBackend(backend, {
      prepareWasm: () => {
        setWasmPaths({
          'tfjs-backend-wasm.wasm': wasmPlainUrl,
          'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
          'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
        });
      },
    });
    if (selection.backend !== backend) {
      scope.postMessage({ type: 'unavailable', backend, reason: selection.tried.find((t) => t.name === backend)?.reason ?? 'fell back' });
      return;
    }
    const trainer = createMethodTrainer({ ...DEFAULT_CONFIG, backend, steps: 10_000_000 }, 'axnet');
    const warmStart = performance.now();
    await trainer.train(5); // shader compilation and first uploads
    const warmupMs = performance.now() - warmStart;
    const chunk = backend === 'cpu' || backend === 'wasm' ? 50 : 5;
    let steps = 0;
    const start = performance.now();
    while (performance.now() - start < minMs && steps < maxSteps) {
      await trainer.train(chunk);
      steps += chunk;
    }
    const ms = performance.now() - start;
    trainer.dispose();
    scope.postMessage({ type: 'result', backend, stepsPerSecond: (steps / ms) * 1000, steps, ms, warmupMs });
  } catch (error) {
    scope.postMessage({ type: 'unavailable', backend, reason: error instanceof Error ? error.message : String(error) });
  } finally {
    void tf; // keep the tf import (registers the webgl and cpu backends in this worker)
  }
};
