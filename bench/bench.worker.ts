/**
 * Bench worker: on ONE forced backend, (1) trains the lab's AXNet (default Bessel config, lone
 * approximator on) and reports steps/s, then (2) times the K-model cells (bench/groupBench.ts: K AXNet
 * models through createModelGroupTrainer) for each requested K, one reply per cell. A forced backend that
 * falls back is reported as unavailable. On a software GPU (SwiftShader) each cell is capped at
 * `softwareCellMs`, and a K whose one step would take over that cap (judged by the previous K's rate,
 * as if the time grew with K) is skipped. It runs as the 'bench' role of workers/lab.worker.ts, so it
 * measures the lab's own worker build.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { DEFAULT_CONFIG, type BackendName } from '../src/core/config';
import { selectBackend } from '../src/ml/backend';
import { createMethodTrainer } from '../src/ml/methods';
import { groupWarmupSteps, measureGroupCell, type GroupBenchRow } from './groupBench';

export interface BenchRequest {
  backend: BackendName;
  /** Single trainer: measure for at least this long (ms), after warm-up. */
  minMs: number;
  maxSteps: number;
  /** K-model cells to time after the single trainer, in this order (ascending). */
  groupSizes: number[];
  /** Target length of one K-model cell, ms. */
  groupCellMs: number;
  /** The same on a software GPU (the bench asks ≤ 3 s). */
  softwareCellMs: number;
}

export type BenchReply =
  | { type: 'result'; backend: BackendName; stepsPerSecond: number; steps: number; ms: number; warmupMs: number; software: string | null }
  | { type: 'unavailable'; backend: BackendName; reason: string };

/** Messages of one request: a BenchReply, then one 'group' per K, then 'done'. */
export type BenchMessage = BenchReply | { type: 'group'; row: GroupBenchRow } | { type: 'done'; backend: BackendName };

const scope = globalThis as unknown as { onmessage: ((event: { data: BenchRequest }) => void) | null; postMessage(message: BenchMessage): void };

/** A K whose one step would take over this many times the software cap (previous K's rate × K) is skipped. */
const SOFTWARE_SKIP_FACTOR = 1;
/** Warm-up steps on a software GPU: two for K = 1 (its first steps compile the group's shaders), one for larger groups. */
const SOFTWARE_WARMUP_STEPS = (size: number): number => (size === 1 ? 2 : 1);

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
    // A forced software GPU is allowed; selectBackend names it in the reason ("…; software adapter (SwiftShader): …").
    const reason = selection.tried.find((t) => t.name === backend && t.ok)?.reason ?? '';
    const software = /software (adapter|renderer) \([^)]*\)/.exec(reason)?.[0] ?? null;
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
    scope.postMessage({ type: 'result', backend, stepsPerSecond: (steps / ms) * 1000, steps, ms, warmupMs, software });

    const targetMs = software ? data.softwareCellMs : data.groupCellMs;
    let previous: { size: number; modelStepsPerSecond: number } | null = null;
    for (const size of data.groupSizes) {
      const row: GroupBenchRow = { where: 'browser worker', backend, size, software, result: null };
      const estimatedStepMs = previous ? (size / previous.modelStepsPerSecond) * 1000 : 0;
      if (software && estimatedStepMs > SOFTWARE_SKIP_FACTOR * targetMs) {
        row.note = `skipped: one step ≈ ${(estimatedStepMs / 1000).toFixed(1)} s at K = ${previous!.size}'s rate (${software}; cap ${targetMs / 1000} s)`;
      } else {
        try {
          row.result = await measureGroupCell({ size, backend, targetMs, warmupSteps: software ? SOFTWARE_WARMUP_STEPS(size) : groupWarmupSteps(size) });
          previous = { size, modelStepsPerSecond: row.result.modelStepsPerSecond };
        } catch (error) {
          row.note = `failed: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
      scope.postMessage({ type: 'group', row });
    }
    scope.postMessage({ type: 'done', backend });
  } catch (error) {
    scope.postMessage({ type: 'unavailable', backend, reason: error instanceof Error ? error.message : String(error) });
  } finally {
    void tf; // keep the tf import (registers the webgl and cpu backends in this worker)
  }
};
