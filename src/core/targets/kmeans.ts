/**
 * kmeans (AxBench): the Euclidean distance between an RGB pixel p and an RGB centroid c,
 * all channels in [0, 1]:  d = √((p_r − c_r)² + (p_g − c_g)² + (p_b − c_b)²) ∈ [0, √3].
 * There is no golden file for kmeans; the tests use hand-computed rows.
 *
 * Sampling: a uniformly random pixel of an RGB photograph (channels p/255) and a centroid drawn
 * uniformly from the centroids of every iteration of a seeded k-means (k = 6) on the same photo
 * (photos.ts runPhotoKmeans): AxBench computes the distance of every pixel to every current
 * centroid in each iteration. Train rows from astronaut, test rows from chelsea + coffee.
 */
import type { Rng } from '../rng';
import { drawPhotoPosition, getPhoto, IMAGE_SPLITS, loadPhotos, KMEANS_CLUSTERS, runPhotoKmeans, type PhotoId } from './photos';
import { makeAxnetPreset, makeBaselinePreset, SOURCE_AXBENCH_NN, SOURCE_ITERATIVE, SOURCE_LAB_CALIBRATION } from './topologies';
import type { DataSplit, TargetSpec } from './types';

export function computeColourDistance(input: ArrayLike<number>): number {
  let sum = 0;
  for (let c = 0; c < 3; c++) {
    const d = input[c] - input[c + 3];
    sum += d * d;
  }
  return Math.sqrt(sum);
}

const AXBENCH_NN = [6, 8, 4, 1];
/** Colour levels: channel = p / 255 ∈ [0, 1]. */
const COLOUR_MAX = 255;

function countPixels(id: PhotoId): number {
  const photo = getPhoto(id);
  return photo.width * photo.height;
}

/** Writes (pixel RGB, centroid RGB) for a random pixel and k-means centroid of the split's photos. */
export function samplePixelCentroid(rng: Rng, output: Float64Array, split: DataSplit = 'train'): void {
  const [id, pixel] = drawPhotoPosition(rng, IMAGE_SPLITS.kmeans[split], countPixels);
  const photo = getPhoto(id);
  for (let c = 0; c < 3; c++) output[c] = photo.pixels[3 * pixel + c] / COLOUR_MAX;
  const { iterations } = runPhotoKmeans(id);
  const centroids = iterations[rng.int(iterations.length)];
  const j = rng.int(KMEANS_CLUSTERS);
  for (let c = 0; c < 3; c++) output[3 + c] = centroids[3 * j + c];
}

export const KMEANS: TargetSpec = {
  id: 'kmeans',
  title: 'k-means colour distance',
  description: 'Euclidean distance between an RGB pixel and an RGB centroid (AxBench kmeans image segmentation), channels in [0, 1].',
  inputDim: 6,
  outputDim: 1,
  inputNames: ['pixel R', 'pixel G', 'pixel B', 'centroid R', 'centroid G', 'centroid B'],
  outputNames: ['distance'],
  errorMetric: 'rms',
  boundPresets: [
    { value: 0.03, source: SOURCE_LAB_CALIBRATION },
    { value: 0.05, source: 'NAS paper Table 2, group 1' },
    { value: 0.1, source: 'NAS paper Table 2, group 2' },
  ],
  topologies: [
    makeAxnetPreset([6, 4, 1], [8], SOURCE_LAB_CALIBRATION),
    makeAxnetPreset(AXBENCH_NN, [8, 4], SOURCE_AXBENCH_NN),
    makeBaselinePreset(AXBENCH_NN, [8, 4], SOURCE_ITERATIVE),
  ],
  evaluate(input: ArrayLike<number>, output: Float64Array): void {
    output[0] = computeColourDistance(input);
  },
  sampleInput(rng: Rng, output: Float64Array, split: DataSplit = 'train'): void {
    samplePixelCentroid(rng, output, split);
  },
  datasetSizes: {
    train: 7000,
    test: 3000,
    source: 'lab choice (the AXNet authors’ data has no kmeans file): 7 000 / 3 000, the 70/30 split of their jmeint data',
  },
  inputRanges: Array.from({ length: 6 }, () => [0, 1] as const),
  loadData: loadPhotos,
};
