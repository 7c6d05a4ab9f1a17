/**
 * The custom target's config shape and lab defaults (pure data, like labDefaults.ts, so config.ts can read it
 * without loading the expression parser). The parser, the whitelist and the evaluator: customFunction.ts.
 */
import type { TargetLabDefaults } from './labDefaults';

/** Inputs x0 … x3 of a custom function. */
export const CUSTOM_MAX_INPUTS = 4;

/** The expression and the input ranges of a custom target; ranges[i] is [lo, hi] of x_i (all four kept, the first n used). */
export interface CustomFunctionConfig {
  expression: string;
  ranges: [number, number][];
}

export const DEFAULT_CUSTOM_RANGE: readonly [number, number] = Object.freeze([0, 1] as [number, number]);

export const DEFAULT_CUSTOM_FUNCTION: Readonly<CustomFunctionConfig> = Object.freeze({
  expression: 'sin(3*x0)*exp(-x1)',
  ranges: Array.from({ length: CUSTOM_MAX_INPUTS }, () => [DEFAULT_CUSTOM_RANGE[0], DEFAULT_CUSTOM_RANGE[1]] as [number, number]),
});

/** A fresh copy (arrays included). */
export function cloneCustomFunction(config: Readonly<CustomFunctionConfig>): CustomFunctionConfig {
  return { expression: config.expression, ranges: config.ranges.map(([lo, hi]) => [lo, hi] as [number, number]) };
}

/**
 * What choosing "custom" in the sidebar applies. Unverified: no calibration run behind it (the function is the
 * user's); sized like Bessel's default (a 2-D smooth function on [0, 1]²), with a wider approximator and fewer steps.
 */
export const CUSTOM_LAB_DEFAULTS: Readonly<Omit<TargetLabDefaults, 'measured'>> = Object.freeze({
  errorBound: 0.05,
  approximatorHidden: [8, 8],
  predictorHidden: [8],
  learningRate: 0.01,
  batchSize: 128,
  steps: 2000,
  trainSize: 8192,
  testSize: 2048,
});
