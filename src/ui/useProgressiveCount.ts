import { useEffect, useState } from 'react';

/**
 * The next mounted count of a list growing by `batch` per animation frame: `batch` at first, then `batch` more each
 * frame up to `total` (never above it, never below 0).
 */
export function nextProgressiveCount(mounted: number, total: number, batch: number): number {
  return Math.max(0, Math.min(total, mounted + Math.max(1, Math.floor(batch))));
}

/**
 * How many of `total` heavy items (a neuron's three heatmaps, each with its canvases and axes) to mount now: `batch`
 * at first, `batch` more every animation frame, until all are mounted; back to `batch` when `key` changes (another
 * page, another net). A list of dozens of maps then commits over a few frames instead of one task of 66–83 ms on
 * cpu at the maximal link (issue 7: no main-thread task over 50 ms while training). Lists of at most `batch` items
 * mount at once, as before.
 */
export function useProgressiveCount(total: number, batch: number, key: string): number {
  const [state, setState] = useState(() => ({ key, mounted: nextProgressiveCount(0, total, batch) }));
  const current = state.key === key ? state.mounted : nextProgressiveCount(0, total, batch);
  useEffect(() => {
    if (state.key !== key) {
      setState({ key, mounted: nextProgressiveCount(0, total, batch) });
      return;
    }
    if (state.mounted >= total) return;
    const frame = requestAnimationFrame(() => setState((s) => (s.key === key ? { key, mounted: nextProgressiveCount(s.mounted, total, batch) } : s)));
    return () => cancelAnimationFrame(frame);
  }, [state, key, total, batch]);
  return Math.min(current, total);
}
