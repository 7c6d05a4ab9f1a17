/**
 * A cooperative scheduler for pure computations written as generators of small steps (each `yield` ends a step):
 * the page runs them in slices of about COOPERATIVE_SLICE_MS and gives the event loop a turn between slices, so
 * that no task blocks the main thread for 50 ms (a "long task") while the result is computed; tests and the CLI
 * run the same generator straight through with runToCompletion. No DOM: setTimeout exists in pages, workers and Node.
 */

/** Work per slice before yielding to the event loop, ms: a slice lasts this plus at most one step. */
export const COOPERATIVE_SLICE_MS = 10;

/** Runs every step at once and returns the generator's result. */
export function runToCompletion<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface CooperativeOptions<P> {
  /** Slice length, ms (default COOPERATIVE_SLICE_MS). */
  sliceMs?: number;
  /** Checked before every slice; when aborted the generator is closed and the run resolves to null (an AbortSignal fits). */
  signal?: { readonly aborted: boolean };
  /** Called after each slice with the last value the generator yielded. */
  onProgress?: (progress: P) => void;
  /** Clock, ms (default performance.now). */
  now?: () => number;
  /** How a slice hands the event loop a turn (default: a setTimeout of 0 ms). */
  pause?: () => Promise<void>;
}

/**
 * Runs `steps` in slices: steps follow each other until sliceMs have passed since the slice began, then the
 * event loop gets a turn. Resolves to the generator's result, or to null when `signal` was aborted first.
 * An exception thrown by a step rejects the promise.
 */
export async function runCooperatively<T, P>(steps: Iterator<P, T>, options: CooperativeOptions<P> = {}): Promise<T | null> {
  const sliceMs = options.sliceMs ?? COOPERATIVE_SLICE_MS;
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  for (;;) {
    if (options.signal?.aborted) {
      steps.return?.();
      return null;
    }
    const start = now();
    let last: { value: P } | null = null;
    do {
      const step = steps.next();
      if (step.done) return step.value;
      last = { value: step.value };
    } while (now() - start < sliceMs);
    if (last) options.onProgress?.(last.value);
    await pause();
  }
}
