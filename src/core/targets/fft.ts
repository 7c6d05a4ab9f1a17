/**
 * fft (AxBench): the twiddle factor of a radix-2 FFT. Input x = k/L ∈ [0, 0.5) (a fraction of
 * a turn); output (sin(−2πx), cos(−2πx)), i.e. the imaginary and real parts of e^(−2πix).
 */
import type { Rng } from '../rng';
import { makeAxnetPreset, makeBaselinePreset, SOURCE_AXBENCH_NN, SOURCE_ITERATIVE, SOURCE_LAB_CALIBRATION } from './topologies';
import type { TargetSpec } from './types';

/** log2 of the largest FFT stage seen in the benchmark data (denominators up to 2048). */
const MAX_STAGE_LOG2 = 11;

const AXBENCH_NN = [1, 4, 4, 2];

export const FFT: TargetSpec = {
  id: 'fft',
  title: 'FFT twiddle factor',
  description: 'Radix-2 FFT twiddle factor (AxBench fft): x = k/L in [0, 0.5) turns → (sin(−2πx), cos(−2πx)).',
  inputDim: 1,
  outputDim: 2,
  inputNames: ['x = k/L (turns)'],
  outputNames: ['sin(−2πx)', 'cos(−2πx)'],
  errorMetric: 'absolute',
  boundPresets: [
    { value: 0.025, source: `${SOURCE_LAB_CALIBRATION}; at the NAS bounds nothing is safe for these small nets` },
    { value: 0.0001, source: 'NAS paper Table 2, group 1' },
    { value: 0.001, source: 'NAS paper Table 2, group 2' },
  ],
  topologies: [
    makeAxnetPreset([1, 4, 2], [16], SOURCE_LAB_CALIBRATION),
    makeAxnetPreset(AXBENCH_NN, [2], SOURCE_AXBENCH_NN),
    makeBaselinePreset([1, 2, 2, 2], [2], SOURCE_ITERATIVE),
  ],
  evaluate(input: ArrayLike<number>, output: Float64Array): void {
    const angle = -2 * Math.PI * input[0]; // radians
    output[0] = Math.sin(angle);
    output[1] = Math.cos(angle);
  },
  sampleInput(rng: Rng, output: Float64Array): void {
    // As the benchmark calls it: every stage L = 2^m (m = 1…11) is equally frequent and
    // within a stage k is uniform on [0, L/2); this reproduces the data's mass at x = 0.
    const stage = 2 ** (1 + rng.int(MAX_STAGE_LOG2));
    output[0] = rng.int(stage / 2) / stage;
  },
  datasetSizes: {
    train: 7900,
    test: 3380,
    source:
      'test: 3 380 rows (header of the authors’ fft aggregated_test.fann, ACA-Lab-SJTU/approximate-computing); train ≈ 7 900, estimated from the size of aggregated_train.fann',
  },
  inputRanges: [[0, 0.5]],
};
