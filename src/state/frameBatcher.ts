/**
 * Folds a stream of messages (worker progress) into the store at most once per animation frame.
 * Workers post progress every PROGRESS_INTERVAL_MS each; with four compare workers that is ~27 store
 * updates (and React commits) per second, unsynchronised with painting. The batcher queues messages in
 * arrival order and hands the whole queue to `apply` once, on the next frame: N messages → 1 `set`.
 *
 * The scheduler is injectable so tests can drive frames by hand. The default one uses
 * requestAnimationFrame where it exists, with a timeout as well: rAF does not fire in a hidden tab, and
 * the queue must not grow without bound there (a hidden tab then flushes every FALLBACK_FLUSH_MS).
 * In Node (vitest) there is no rAF and only the timeout runs.
 */

/** Runs `flush` once, later; returns a function that cancels it if it has not run yet. */
export type FrameScheduler = (flush: () => void) => () => void;

/** Longest wait for a flush when no animation frame comes (hidden tab, Node), ms. */
export const FALLBACK_FLUSH_MS = 250;

export const scheduleNextFrame: FrameScheduler = (flush) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    if (frame !== null) cancelAnimationFrame(frame);
    flush();
  };
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(once) : null;
  const timer = setTimeout(once, frame === null ? 0 : FALLBACK_FLUSH_MS);
  return () => {
    done = true;
    clearTimeout(timer);
    if (frame !== null) cancelAnimationFrame(frame);
  };
};

export interface FrameBatcher<M> {
  /** Queues a message; the first message of a frame schedules the flush. */
  push: (message: M) => void;
  /** Applies the queued messages now (before an error, a pause or anything that must see them). */
  flush: () => void;
  /** Drops the queued messages and the scheduled flush (reset, a replaced worker). */
  cancel: () => void;
  /** Messages waiting for the next flush. */
  pending: () => number;
}

/**
 * `apply` receives the queued messages in arrival order, never an empty list. With `minIntervalMs` > 0,
 * a flush also waits until that long after the previous one (then for the next frame): compare mode's
 * four workers otherwise fill nearly every frame with a store update, though 10 updates/s look as live.
 */
export function createFrameBatcher<M>(apply: (messages: M[]) => void, schedule: FrameScheduler = scheduleNextFrame, minIntervalMs = 0): FrameBatcher<M> {
  let queue: M[] = [];
  let cancelScheduled: (() => void) | null = null;
  let lastFlushAt = -Infinity;
  const flush = () => {
    cancelScheduled?.();
    cancelScheduled = null;
    if (queue.length === 0) return;
    const messages = queue;
    queue = [];
    lastFlushAt = performance.now();
    apply(messages);
  };
  const scheduleFlush = () => {
    const wait = lastFlushAt + minIntervalMs - performance.now();
    if (wait <= 0) {
      cancelScheduled = schedule(flush);
      return;
    }
    let cancelFrame: (() => void) | null = null;
    const timer = setTimeout(() => {
      cancelFrame = schedule(flush);
    }, wait);
    cancelScheduled = () => {
      clearTimeout(timer);
      cancelFrame?.();
    };
  };
  return {
    push: (message) => {
      queue.push(message);
      if (cancelScheduled === null) scheduleFlush();
    },
    flush,
    cancel: () => {
      cancelScheduled?.();
      cancelScheduled = null;
      queue = [];
    },
    pending: () => queue.length,
  };
}
