/**
 * Helpers that build topology presets from the layer widths in the reference table.
 * AXNet's predictor ends with Σ L_i + 2 units (the control vectors c(i) plus 2 logits, eq. 3);
 * the baselines' classifier ends with k = 2 classes.
 */
import type { TopologyPreset } from './types';

/** Number of classes of the iterative/MCMA classifier (safe / unsafe). */
export const BASELINE_CLASS_COUNT = 2;

/** Σ L_i: the sum of the approximator's hidden widths (input and output excluded). */
export function sumHiddenWidths(approximator: readonly number[]): number {
  let total = 0;
  for (let i = 1; i + 1 < approximator.length; i++) total += approximator[i];
  return total;
}

/** AXNet preset: predictor = [input, ...predictorHidden, Σ L_i + 2]. */
export function makeAxnetPreset(approximator: readonly number[], predictorHidden: readonly number[], source: string, label?: string): TopologyPreset {
  const predictor = [approximator[0], ...predictorHidden, sumHiddenWidths(approximator) + 2];
  return {
    label: label ?? `AXNet A ${approximator.join('-')}, C ${predictor.join('-')}`,
    approximator: [...approximator],
    predictor,
    source,
    kind: 'axnet',
  };
}

/** Iterative/MCMA baseline preset: classifier = [input, ...classifierHidden, k]. */
export function makeBaselinePreset(approximator: readonly number[], classifierHidden: readonly number[], source: string): TopologyPreset {
  const predictor = [approximator[0], ...classifierHidden, BASELINE_CLASS_COUNT];
  return {
    label: `Iterative/MCMA A ${approximator.join('-')}, classifier ${predictor.join('-')}`,
    approximator: [...approximator],
    predictor,
    source,
    kind: 'baseline',
  };
}

export const SOURCE_AXBENCH_NN = 'AxBench NN topology (reference table) with an AXNet predictor whose hidden widths follow the iterative classifier';
export const SOURCE_ITERATIVE = 'Xu et al. iterative/MCMA code (reference table)';

/** Source of the presets calibrated for the lab's default links (TARGET_LAB_DEFAULTS, labDefaults.ts). */
export const SOURCE_LAB_CALIBRATION = 'lab default: calibrated so that the default link routes some inputs to the network and some to the CPU (labDefaults.ts)';
