import type { Rng } from '../rng';

/** Stable ids of the eight AxBench targets; the URL stores these. */
export const TARGET_IDS = ['bessel_Jnu', 'blackscholes', 'fft', 'inversek2j', 'jmeint', 'jpeg', 'kmeans', 'sobel'] as const;
export type TargetId = (typeof TARGET_IDS)[number];

/** The user's own function (src/core/targets/customFunction.ts): its spec is built from LabConfig.customFunction. */
export const CUSTOM_TARGET_ID = 'custom';
/** What LabConfig.target holds: a registered benchmark or the user's own function. */
export type LabTargetId = TargetId | typeof CUSTOM_TARGET_ID;
/** Every value of LabConfig.target, in the target select's order. */
export const LAB_TARGET_IDS: readonly LabTargetId[] = [...TARGET_IDS, CUSTOM_TARGET_ID];

/**
 * Per-sample error metrics, as the AXNet authors' code computes them.
 * - absolute: |h − y| per output;
 * - relative: |h − y| / (|y| + 1e-11) per output;
 * - rms: sqrt(mean over outputs of (h − y)²), one value per sample ("image diff").
 * A sample is safe (eq. 1) only if every output is within the bound.
 */
export type ErrorMetricId = 'absolute' | 'relative' | 'rms';

/** Which set a row is drawn for. Image targets draw train and test rows from different photographs. */
export type DataSplit = 'train' | 'test';

/** Train/test set sizes of the benchmark's own data, with where the numbers come from. */
export interface DatasetSizes {
  train: number;
  test: number;
  source: string;
}

export interface BoundPreset {
  value: number;
  /** Where the number comes from, shown in the UI. */
  source: string;
}

export interface TopologyPreset {
  label: string;
  /** Full layer widths, input first, output last, e.g. [2, 4, 4, 1]. */
  approximator: number[];
  /**
   * Predictor layer widths, input first. For AXNet the last entry is the split output
   * layer (Σ L_i + 2, eq. 3); for the baselines' classifier it is the class count k = 2.
   */
  predictor: number[];
  source: string;
  /**
   * Optional: which method the preset is for. 'axnet': predictor ends with Σ L_i + 2;
   * 'baseline': iterative/MCMA classifier ending with k = 2 classes.
   */
  kind?: 'axnet' | 'baseline';
}

export interface TargetSpec {
  id: LabTargetId;
  title: string;
  description: string;
  inputDim: number;
  outputDim: number;
  inputNames: readonly string[];
  outputNames: readonly string[];
  errorMetric: ErrorMetricId;
  /** Presets for the error bound; the first is the lab default (TARGET_LAB_DEFAULTS, labDefaults.ts). */
  boundPresets: readonly BoundPreset[];
  /** Topology presets; the first AXNet one is the lab default (TARGET_LAB_DEFAULTS, labDefaults.ts). */
  topologies: readonly TopologyPreset[];
  /** The exact function: writes outputDim values for one input row. */
  evaluate(input: ArrayLike<number>, output: Float64Array): void;
  /**
   * Draws one input row from the benchmark's input domain. `split` (default 'train') selects the
   * training or the test distribution; the function-style targets draw both alike (AxBench draws
   * fresh random inputs), the image targets draw them from disjoint photographs.
   */
  sampleInput(rng: Rng, output: Float64Array, split?: DataSplit): void;
  /** Optional: the benchmark's own train/test sizes (AxBench/AXNet data), for the UI to apply. */
  datasetSizes?: DatasetSizes;
  /** For 2-D-input targets: the plotting range of each input, for surfaces. */
  inputRanges: readonly (readonly [number, number])[];
  /** Optional: data to fetch before sampling (image targets: loadPhotos); await it via loadTargetData. */
  loadData?: () => Promise<void>;
}
