/**
 * sobel (AxBench): edge magnitude of one 3×3 grey window w (row-major, intensities in [0, 1]):
 *   gx = Σ w ⊙ [[−1,0,1],[−2,0,2],[−1,0,1]],  gy = Σ w ⊙ [[−1,−2,−1],[0,0,0],[1,2,1]],
 *   s = √(gx² + gy²); if s ≥ 256/√(2·256²) (≈ 0.7071) then s = 255/√(2·256²) (≈ 0.70434),
 * the clamp of AxBench's 8-bit code carried into [0, 1] units.
 */
import type { Rng } from '../rng';
import { fillImagePatch, type PatchStyle } from './imagePatches';
import { makeAxnetPreset, makeBaselinePreset, SOURCE_ITERATIVE } from './topologies';
import type { TargetSpec } from './types';

/** √(2·256²): the normalization of AxBench's Sobel magnitude. */
const SOBEL_NORM = Math.sqrt(2 * 256 * 256);
/** s at or above this is clamped (≈ 0.70711). */
export const SOBEL_CLAMP_THRESHOLD = 256 / SOBEL_NORM;
/** Clamped value (≈ 0.70434). */
export const SOBEL_CLAMP_VALUE = 255 / SOBEL_NORM;
/** Probability that a sampled window sits on the image's left or right border (zero padding). */
const BORDER_PROBABILITY = 0.03;

/**
 * 3×3 windows of photographs are mostly smooth: the golden magnitudes have median ≈ 0.03 and
 * 95th percentile ≈ 0.08, so gradients are small and edges rare.
 */
const WINDOW_PATCH_STYLE: PatchStyle = {
  gradientStd: 0.003,
  waveAmplitudeMax: 0.004,
  edgeProbability: 0.05,
  edgeStepMax: 0.3,
  noiseStd: 0.003,
};

const KERNEL_X = [-1, 0, 1, -2, 0, 2, -1, 0, 1] as const;
const KERNEL_Y = [-1, -2, -1, 0, 0, 0, 1, 2, 1] as const;

export function computeSobel(window: ArrayLike<number>): number {
  let gx = 0, gy = 0;
  for (let i = 0; i < 9; i++) {
    gx += KERNEL_X[i] * window[i];
    gy += KERNEL_Y[i] * window[i];
  }
  const s = Math.sqrt(gx * gx + gy * gy);
  return s >= SOBEL_CLAMP_THRESHOLD ? SOBEL_CLAMP_VALUE : s;
}

export const SOBEL: TargetSpec = {
  id: 'sobel',
  title: 'Sobel edge magnitude',
  description:
    'Sobel edge magnitude of a 3×3 grey window (AxBench sobel), intensities in [0, 1], clamped at ≈ 0.7071 → 0.70434.',
  inputDim: 9,
  outputDim: 1,
  inputNames: ['w(0,0)', 'w(0,1)', 'w(0,2)', 'w(1,0)', 'w(1,1)', 'w(1,2)', 'w(2,0)', 'w(2,1)', 'w(2,2)'],
  outputNames: ['edge magnitude'],
  errorMetric: 'rms',
  boundPresets: [
    { value: 0.01, source: 'NAS paper Table 2, group 1' },
    { value: 0.05, source: 'NAS paper Table 2, group 2' },
  ],
  topologies: [
    makeAxnetPreset([9, 6, 6, 1], [8], 'AXNet paper, fusion study (A 9-6-6-1, C 9-8-14)'),
    makeAxnetPreset([9, 8, 1], [8], 'AxBench NN topology 9-8-1 (reference table) with an AXNet predictor 9-8-10'),
    makeBaselinePreset([9, 8, 1], [8], SOURCE_ITERATIVE),
  ],
  evaluate(input: ArrayLike<number>, output: Float64Array): void {
    output[0] = computeSobel(input);
  },
  sampleInput(rng: Rng, output: Float64Array): void {
    // Placeholder image-like windows; a later issue cuts them from real photographs.
    fillImagePatch(rng, 3, 3, output, WINDOW_PATCH_STYLE);
    if (rng.next() < BORDER_PROBABILITY) {
      const column = rng.next() < 0.5 ? 0 : 2; // AxBench pads the image border with zeros
      for (let row = 0; row < 3; row++) output[row * 3 + column] = 0;
    }
  },
  inputRanges: Array.from({ length: 9 }, () => [0, 1] as const),
};
