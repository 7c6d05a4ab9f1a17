/**
 * sobel (AxBench): edge magnitude of one 3×3 grey window w (row-major, intensities in [0, 1]):
 *   gx = Σ w ⊙ [[−1,0,1],[−2,0,2],[−1,0,1]],  gy = Σ w ⊙ [[−1,−2,−1],[0,0,0],[1,2,1]],
 *   s = √(gx² + gy²); if s ≥ 256/√(2·256²) (≈ 0.7071) then s = 255/√(2·256²) (≈ 0.70434),
 * the clamp of AxBench's 8-bit code carried into [0, 1] units.
 *
 * Sampling: the 3×3 window around a uniformly random pixel of a grey photograph, w = p/255.
 * At the left and right borders the missing column is 0 (AxBench pads with zeros: 8 of the 2000
 * golden rows have a zero first or last column); at the top and bottom the edge row repeats (no
 * golden row has a zero first or last row). Train rows from camera + astronaut, test rows from
 * chelsea + coffee (photos.ts). These photos have more texture than the AXNet authors' sobel
 * image: magnitude median ≈ 0.09 (train) / 0.19 (test) and ~5–10 % clamped windows, against a
 * golden median of 0.032 with no interior window clamped; invocation at the paper's bounds is lower.
 */
import type { Rng } from '../rng';
import { drawPhotoPosition, getGreyPhoto, IMAGE_SPLITS, loadPhotos, type Image8, type PhotoId } from './photos';
import { makeAxnetPreset, makeBaselinePreset, SOURCE_ITERATIVE, SOURCE_LAB_CALIBRATION } from './topologies';
import type { DataSplit, TargetSpec } from './types';

/** √(2·256²): the normalization of AxBench's Sobel magnitude. */
const SOBEL_NORM = Math.sqrt(2 * 256 * 256);
/** s at or above this is clamped (≈ 0.70711). */
export const SOBEL_CLAMP_THRESHOLD = 256 / SOBEL_NORM;
/** Clamped value (≈ 0.70434). */
export const SOBEL_CLAMP_VALUE = 255 / SOBEL_NORM;
/** Grey levels: w = p / 255 ∈ [0, 1]. */
const GREY_MAX = 255;

const KERNEL_X = [-1, 0, 1, -2, 0, 2, -1, 0, 1] as const;
const KERNEL_Y = [-1, -2, -1, 0, 0, 0, 1, 2, 1] as const;

export function computeSobel(window: ArrayLike<number>): number {
  let gx = 0,
    gy = 0;
  for (let i = 0; i < 9; i++) {
    gx += KERNEL_X[i] * window[i];
    gy += KERNEL_Y[i] * window[i];
  }
  const s = Math.sqrt(gx * gx + gy * gy);
  return s >= SOBEL_CLAMP_THRESHOLD ? SOBEL_CLAMP_VALUE : s;
}

/**
 * Writes the 3×3 window (row-major, p/255) centred on pixel (x, y) of a grey image: columns
 * outside the image are 0, rows outside repeat the edge row.
 */
export function fillSobelWindow(image: Image8, x: number, y: number, output: Float64Array | Float32Array, offset = 0): void {
  for (let dy = -1; dy <= 1; dy++) {
    const row = Math.min(image.height - 1, Math.max(0, y + dy));
    for (let dx = -1; dx <= 1; dx++) {
      const col = x + dx;
      const inside = col >= 0 && col < image.width;
      output[offset + (dy + 1) * 3 + dx + 1] = inside ? image.pixels[row * image.width + col] / GREY_MAX : 0;
    }
  }
}

function countPixels(id: PhotoId): number {
  const grey = getGreyPhoto(id);
  return grey.width * grey.height;
}

/** Writes the window around a random pixel of the split's grey photos. */
export function sampleSobelWindow(rng: Rng, output: Float64Array, split: DataSplit = 'train'): void {
  const [id, index] = drawPhotoPosition(rng, IMAGE_SPLITS.sobel[split], countPixels);
  const grey = getGreyPhoto(id);
  fillSobelWindow(grey, index % grey.width, Math.floor(index / grey.width), output);
}

export const SOBEL: TargetSpec = {
  id: 'sobel',
  title: 'Sobel edge magnitude',
  description: 'Sobel edge magnitude of a 3×3 grey window (AxBench sobel), intensities in [0, 1], clamped at ≈ 0.7071 → 0.70434.',
  inputDim: 9,
  outputDim: 1,
  inputNames: ['w(0,0)', 'w(0,1)', 'w(0,2)', 'w(1,0)', 'w(1,1)', 'w(1,2)', 'w(2,0)', 'w(2,1)', 'w(2,2)'],
  outputNames: ['edge magnitude'],
  errorMetric: 'rms',
  boundPresets: [
    { value: 0.03, source: SOURCE_LAB_CALIBRATION },
    { value: 0.01, source: 'NAS paper Table 2, group 1' },
    { value: 0.05, source: 'NAS paper Table 2, group 2' },
  ],
  topologies: [
    makeAxnetPreset([9, 8, 1], [8], `AxBench NN topology 9-8-1 (reference table) with an AXNet predictor 9-8-10; ${SOURCE_LAB_CALIBRATION}`),
    makeAxnetPreset([9, 6, 6, 1], [8], 'AXNet paper, fusion study (A 9-6-6-1, C 9-8-14)'),
    makeBaselinePreset([9, 8, 1], [8], SOURCE_ITERATIVE),
  ],
  evaluate(input: ArrayLike<number>, output: Float64Array): void {
    output[0] = computeSobel(input);
  },
  sampleInput(rng: Rng, output: Float64Array, split: DataSplit = 'train'): void {
    sampleSobelWindow(rng, output, split);
  },
  datasetSizes: {
    train: 7700,
    test: 3350,
    source: 'AXNet authors’ sobel train.x / test.x (ACA-Lab-SJTU/approximate-computing), rows estimated from the file sizes (1 034 193 and 450 668 characters at ≈134.5 per row)',
  },
  inputRanges: Array.from({ length: 9 }, () => [0, 1] as const),
  loadData: loadPhotos,
};
