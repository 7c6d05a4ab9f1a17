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
 * What choosing "custom" in the sidebar applies, sized for the default function sin(3·x0)·exp(−x1) on [0, 1]²: a
 * wider approximator than Bessel's and fewer steps. Measured for that function only (any other is the user's):
 * `npx axlab train '#v=1&target=custom&backend=cpu&bound=B' --json --quiet`, seed 1, 2 000 steps, 2026-12-02:
 *   B = 0.05:  true 1.000, predicted 1.000, lone 0.900 (everything safe: nothing for the predictor to do);
 *   B = 0.02:  true 0.751, predicted 1.000 (the predictor saturates), lone 0.605;
 *   B = 0.015: true 0.513, predicted 0.646, lone 0.488 (some inputs to the network, some to the CPU) ← default;
 *   B = 0.01:  true 0.357, predicted 0.101, lone 0.328.
 * About 20–30 s per run on this project's shared 2-core machine.
 */
export const CUSTOM_LAB_DEFAULTS: Readonly<Omit<TargetLabDefaults, 'measured'>> = Object.freeze({
  errorBound: 0.015,
  approximatorHidden: [8, 8],
  predictorHidden: [8],
  learningRate: 0.01,
  batchSize: 128,
  steps: 2000,
  trainSize: 8192,
  testSize: 2048,
});
