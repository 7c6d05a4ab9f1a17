/**
 * kmeans (AxBench): the Euclidean distance between an RGB pixel p and an RGB centroid c,
 * all channels in [0, 1]:  d = √((p_r − c_r)² + (p_g − c_g)² + (p_b − c_b)²) ∈ [0, √3].
 * There is no golden file for kmeans; the tests use hand-computed rows.
 */
import type { Rng } from '../rng';
import { drawImageColour } from './imagePatches';
import { makeAxnetPreset, makeBaselinePreset, SOURCE_AXBENCH_NN, SOURCE_ITERATIVE } from './topologies';
import type { TargetSpec } from './types';

export function computeColourDistance(input: ArrayLike<number>): number {
  let sum = 0;
  for (let c = 0; c < 3; c++) {
    const d = input[c] - input[c + 3];
    sum += d * d;
  }
  return Math.sqrt(sum);
}

const AXBENCH_NN = [6, 8, 4, 1];

export const KMEANS: TargetSpec = {
  id: 'kmeans',
  title: 'k-means colour distance',
  description:
    'Euclidean distance between an RGB pixel and an RGB centroid (AxBench kmeans image segmentation), channels in [0, 1].',
  inputDim: 6,
  outputDim: 1,
  inputNames: ['pixel R', 'pixel G', 'pixel B', 'centroid R', 'centroid G', 'centroid B'],
  outputNames: ['distance'],
  errorMetric: 'rms',
  boundPresets: [
    { value: 0.05, source: 'NAS paper Table 2, group 1' },
    { value: 0.1, source: 'NAS paper Table 2, group 2' },
  ],
  topologies: [
    makeAxnetPreset(AXBENCH_NN, [8, 4], SOURCE_AXBENCH_NN),
    makeBaselinePreset(AXBENCH_NN, [8, 4], SOURCE_ITERATIVE),
  ],
  evaluate(input: ArrayLike<number>, output: Float64Array): void {
    output[0] = computeColourDistance(input);
  },
  sampleInput(rng: Rng, output: Float64Array): void {
    // Placeholder image-like colours; a later issue takes pixels and centroids from photographs.
    drawImageColour(rng, output, 0);
    drawImageColour(rng, output, 3);
  },
  inputRanges: Array.from({ length: 6 }, () => [0, 1] as const),
};
