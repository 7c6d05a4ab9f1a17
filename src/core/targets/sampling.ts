/** Small sampling helpers shared by the targets' sampleInput functions. */
import type { Rng } from '../rng';

/** A discrete empirical distribution: values with relative weights (counts). */
export interface DiscreteDistribution {
  values: readonly number[];
  weights: readonly number[];
}

/** Draws one value with probability weight_i / Σ weights. */
export function drawDiscrete(rng: Rng, distribution: DiscreteDistribution): number {
  let total = 0;
  for (const w of distribution.weights) total += w;
  let u = rng.next() * total;
  for (let i = 0; i < distribution.values.length; i++) {
    u -= distribution.weights[i];
    if (u < 0) return distribution.values[i];
  }
  return distribution.values[distribution.values.length - 1];
}

/** Clamps v into [lo, hi]. */
export function clampValue(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
