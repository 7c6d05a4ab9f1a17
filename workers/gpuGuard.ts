/**
 * A worker's guard against a lost GPU (issue 12): it watches the active backend's loss event (src/ml/gpuLoss.ts) and
 * bounds every piece of GPU work by a readback limit (src/core/watchdog.ts computeReadbackLimitMs over the chunks of the
 * last READBACK_WINDOW_MS). Once the GPU is gone it reports it once and every guarded call gives GPU_GONE, so the loops
 * end and the page continues from the last checkpoint elsewhere. cpu and wasm run unguarded (the page watchdog is
 * theirs). The train, sweep and NAS workers each hold one.
 */
import type { BackendName } from '../src/core/config';
import { isGpuLossMessage } from '../src/core/backendFallback';
import { computeReadbackLimitMs } from '../src/core/watchdog';
import { isGpuBackend, watchGpuLoss } from '../src/ml/gpuLoss';
import { describeError } from './runControl';

/** What a guarded call gives when the GPU is gone (a GPU loss was reported; the loops end). */
export const GPU_GONE = Symbol('GPU gone');

/**
 * The chunks of the last READBACK_WINDOW_MS count for the readback limit. The window is shorter than the page watchdog's
 * (WATCHDOG_CHUNK_WINDOW heartbeats ≈ 4 s), so the readback limit stays below the watchdog's and a hung readback is told
 * as a GPU loss.
 */
const READBACK_WINDOW_MS = 2000;
/** How long a GPU failure waits for the backend's own loss event (device.lost resolves just after the failed readback), ms. */
const GPU_LOSS_GRACE_MS = 300;

export interface GpuGuard {
  /** The reason the GPU is gone, or null while it works. */
  readonly lost: string | null;
  /** Starts watching the active backend (after its trainer is built); a loss calls onLost once. */
  watch(): void;
  /** The training time of a finished chunk, ms (the base of the readback limit). */
  noteChunk(ms: number): void;
  /**
   * GPU work (a chunk and its readback, a checkpoint, views) within the readback limit, else GPU_GONE; a throw that the
   * backend's loss event follows, or that names a lost device (WebGPU's "mapAsync … unmapped"), is a GPU loss too.
   */
  guard<T>(work: () => Promise<T>): Promise<T | typeof GPU_GONE>;
  /**
   * Whether a throw of unguarded work (a NAS session's whole run, which times its own chunks) is the GPU's loss: the
   * backend's loss event follows it, or it names a lost device; a loss is reported.
   */
  isLoss(error: unknown): Promise<boolean>;
  /** Stops watching (before the trainer is disposed). */
  dispose(): void;
}

export function createGpuGuard(options: { backend: () => BackendName | null; onLost: (reason: string, backend: BackendName) => void }): GpuGuard {
  let lost: string | null = null;
  let stopWatching: () => void = () => {};
  const recentChunks: { at: number; ms: number }[] = [];
  let slowestChunkMs: number | null = null;

  const report = (reason: string) => {
    const backend = options.backend();
    if (lost !== null || backend === null) return;
    lost = reason;
    options.onLost(reason, backend);
  };

  const isLoss = async (error: unknown): Promise<boolean> => {
    const backend = options.backend();
    if (backend === null || !isGpuBackend(backend)) return false;
    if (lost === null) await new Promise((resolve) => setTimeout(resolve, GPU_LOSS_GRACE_MS));
    if (lost === null && isGpuLossMessage(describeError(error))) report(`the GPU failed: ${describeError(error)}`);
    return lost !== null;
  };

  return {
    get lost() {
      return lost;
    },
    watch() {
      stopWatching();
      stopWatching = watchGpuLoss(report);
    },
    noteChunk(ms) {
      const at = performance.now();
      recentChunks.push({ at, ms });
      while (recentChunks.length > 1 && recentChunks[0].at < at - READBACK_WINDOW_MS) recentChunks.shift();
      slowestChunkMs = Math.max(...recentChunks.map((c) => c.ms));
    },
    async guard<T>(work: () => Promise<T>): Promise<T | typeof GPU_GONE> {
      const backend = options.backend();
      if (backend === null || !isGpuBackend(backend)) return work();
      if (lost !== null) return GPU_GONE;
      const limitMs = computeReadbackLimitMs(slowestChunkMs);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<typeof GPU_GONE>((resolve) => {
        timer = setTimeout(() => resolve(GPU_GONE), limitMs);
      });
      try {
        const result = await Promise.race([work(), timeout]);
        if (result === GPU_GONE) report(`a GPU readback did not finish within ${(limitMs / 1000).toFixed(0)} s`);
        return lost !== null ? GPU_GONE : result;
      } catch (error) {
        if (await isLoss(error)) return GPU_GONE;
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    isLoss,
    dispose() {
      stopWatching();
      stopWatching = () => {};
    },
  };
}
