/**
 * How much of a core each training worker may use, so that the page keeps a core of its own.
 * With W workers on C cores, W busy workers starve the main thread (measured: a 4-method compare run on
 * 2 cores gave the page 8–45 ms of CPU per 100 ms, and 66 long tasks in 20 s with no task doing 50 ms of
 * work). Each worker therefore rests between its training chunks so that
 *   train time / wall time ≈ share,   share = clamp((C − R) / W, MIN_CPU_SHARE, 1),
 * where R = PAGE_RESERVED_CORES is left to the page. One worker on 2 cores keeps share 1 (no rest).
 */

/** Cores the page keeps for rendering and input while workers train. */
export const PAGE_RESERVED_CORES = 1;
/** No worker is slowed below this share, however many there are. */
export const MIN_CPU_SHARE = 0.1;

/** share = clamp((cores − PAGE_RESERVED_CORES) / workers, MIN_CPU_SHARE, 1); junk input gives 1 worker on 2 cores. */
export function computeWorkerCpuShare(cores: number, workers: number): number {
  const c = Number.isFinite(cores) && cores >= 1 ? Math.floor(cores) : 2;
  const w = Number.isFinite(workers) && workers >= 1 ? Math.floor(workers) : 1;
  return Math.min(1, Math.max(MIN_CPU_SHARE, (c - PAGE_RESERVED_CORES) / w));
}

/**
 * Rest after a chunk that trained `chunkMs`, so that chunkMs / (chunkMs + rest) = share:
 * rest = chunkMs · (1 / share − 1). share ≥ 1 (or junk) rests 0.
 */
export function computeRestMs(chunkMs: number, share: number): number {
  if (!(share > 0) || share >= 1 || !(chunkMs > 0)) return 0;
  return chunkMs * (1 / Math.max(share, MIN_CPU_SHARE) - 1);
}
