/**
 * jpeg (AxBench): the encoder path of one 8×8 luminance block, as AxBench's jpeg encoder
 * computes it in integer arithmetic, then scaled as AxBench's NN region does.
 *
 *   input  d_i = p_i/256 − 0.5 ∈ [−0.5, 0.5), i.e. the level-shifted pixel (p − 128) / 256;
 *   1. level-shifted pixels x = 256·d (integers −128…127);
 *   2. fixed-point separable 8-point DCT (Chen-style butterflies), constants
 *      c_k = round(√2·cos(kπ/16)·1024); rows: even parts unscaled, odd/rotated parts >> 10;
 *      columns: DC/AC4 >> 3, rotated parts >> 13. The result has the scale of the standard
 *      JPEG DCT F(u,v) = ¼ C(u) C(v) Σ x cos(…) cos(…) (e.g. F(0,0) = 8 · mean).
 *      Every intermediate is truncated to INT16 and shifts are arithmetic (floor), as in C;
 *   3. quantization by multiplying with the Q15 reciprocal of the quality-scaled luminance
 *      table: q_i = clamp((L_i · QF + 512) >> 10, 1, 255), R_i = 16-step restoring division
 *      of 0x8000 by q_i in Q15 (strict ">" compare, as the encoder's dspDivision),
 *      out_i = (F_i · R_i + 0x4000) >> 15 (round half up), stored at its zigzag position;
 *   4. output o_k = out_k / 256 (about ±0.25 for QF = 1024).
 *
 * QUALITY_FACTOR = 1024 (the standard table unscaled, "quality 50") reproduces the golden
 * vectors of the AXNet data exactly (see targets.test.ts).
 *
 * Sampling: a uniformly random 8×8 block (any offset) of a grey photograph, d = p/256 − 0.5
 * (the golden inputs are multiples of 1/256 in [−0.5, 0.5)); train rows from camera + astronaut,
 * test rows from chelsea + coffee (photos.ts).
 */
import type { Rng } from '../rng';
import { drawPhotoPosition, getGreyPhoto, IMAGE_SPLITS, loadPhotos, type PhotoId } from './photos';
import { makeAxnetPreset, makeBaselinePreset, SOURCE_ITERATIVE } from './topologies';
import type { DataSplit, TargetSpec } from './types';

const BLOCK_SIZE = 8;
const BLOCK_PIXELS = 64;
/** AxBench's quality factor: table entries are multiplied by QF/1024. */
export const JPEG_QUALITY_FACTOR = 1024;
/** Pixel scale of AxBench's NN region: d = (p − 128)/256, output = coefficient/256. */
const JPEG_SCALE = 256;

/** ITU T.81 Annex K luminance quantization table, natural (row-major) order. */
const LUMINANCE_QUANT_TABLE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64,
  81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
] as const;

/** Zigzag position of each natural index (row-major u·8+v → scan order). */
export const ZIGZAG_POSITION: readonly number[] = buildZigzagPositions();

/** √2·cos(kπ/16) in Q10, k = 1…7 (index 0 unused). */
const DCT_COS_Q10 = [0, 1420, 1338, 1204, 0, 805, 554, 283] as const;
/** Right shifts: column DC/AC4 (3), row rotations (10), column rotations (13). */
const SHIFT_COLUMN_EVEN = 3;
const SHIFT_ROW = 10;
const SHIFT_COLUMN = 13;

function buildZigzagPositions(): number[] {
  const positions = new Array<number>(BLOCK_PIXELS);
  let scan = 0;
  for (let diagonal = 0; diagonal < 2 * BLOCK_SIZE - 1; diagonal++) {
    // Even diagonals run up-right (row decreasing), odd ones down-left.
    const rowStart = Math.min(diagonal, BLOCK_SIZE - 1);
    const rowEnd = Math.max(0, diagonal - BLOCK_SIZE + 1);
    if (diagonal % 2 === 0) {
      for (let row = rowStart; row >= rowEnd; row--) positions[row * BLOCK_SIZE + (diagonal - row)] = scan++;
    } else {
      for (let row = rowEnd; row <= rowStart; row++) positions[row * BLOCK_SIZE + (diagonal - row)] = scan++;
    }
  }
  return positions;
}

/** C's (INT16) cast: wrap to a signed 16-bit integer. */
function toInt16(v: number): number {
  return (v << 16) >> 16;
}

/**
 * One 8-point butterfly DCT on data[base + k·stride], k = 0…7, in place.
 * evenShift applies to outputs 0 and 4, rotationShift to the others.
 */
function transformEightPoints(data: Int32Array, base: number, stride: number, evenShift: number, rotationShift: number): void {
  const at = (k: number) => data[base + k * stride];
  const [, c1, c2, c3, , c5, c6, c7] = DCT_COS_Q10;
  const sum07 = at(0) + at(7),
    diff07 = at(0) - at(7);
  const sum16 = at(1) + at(6),
    diff16 = at(1) - at(6);
  const sum25 = at(2) + at(5),
    diff25 = at(2) - at(5);
  const sum34 = at(3) + at(4),
    diff34 = at(3) - at(4);
  const even0 = sum07 + sum34,
    even1 = sum07 - sum34;
  const odd0 = sum16 + sum25,
    odd1 = sum16 - sum25;
  const put = (k: number, v: number) => {
    data[base + k * stride] = toInt16(v);
  };
  put(0, (even0 + odd0) >> evenShift);
  put(4, (even0 - odd0) >> evenShift);
  put(2, (Math.imul(even1, c2) + Math.imul(odd1, c6)) >> rotationShift);
  put(6, (Math.imul(even1, c6) - Math.imul(odd1, c2)) >> rotationShift);
  put(7, (Math.imul(diff07, c7) - Math.imul(diff16, c5) + Math.imul(diff25, c3) - Math.imul(diff34, c1)) >> rotationShift);
  put(5, (Math.imul(diff07, c5) - Math.imul(diff16, c1) + Math.imul(diff25, c7) + Math.imul(diff34, c3)) >> rotationShift);
  put(3, (Math.imul(diff07, c3) - Math.imul(diff16, c7) - Math.imul(diff25, c1) - Math.imul(diff34, c5)) >> rotationShift);
  put(1, (Math.imul(diff07, c1) + Math.imul(diff16, c3) + Math.imul(diff25, c5) + Math.imul(diff34, c7)) >> rotationShift);
}

/** 2-D fixed-point DCT of an 8×8 block of level-shifted pixels (row-major), in place. */
export function transformBlockDct(block: Int32Array): void {
  for (let row = 0; row < BLOCK_SIZE; row++) transformEightPoints(block, row * BLOCK_SIZE, 1, 0, SHIFT_ROW);
  for (let col = 0; col < BLOCK_SIZE; col++) transformEightPoints(block, col, BLOCK_SIZE, SHIFT_COLUMN_EVEN, SHIFT_COLUMN);
}

/** Q15 reciprocal of divisor by 16-step restoring division (strict compare), as a UINT16. */
export function computeQ15Reciprocal(divisor: number): number {
  let numerator = 0x8000;
  const shiftedDivisor = divisor * 0x8000;
  for (let step = 0; step < 16; step++) {
    if (numerator > shiftedDivisor) numerator = (numerator - shiftedDivisor) * 2 + 1;
    else numerator *= 2;
  }
  return numerator % 0x10000;
}

/** Quality-scaled quantizer q_i = clamp((L_i·QF + 512) >> 10, 1, 255), natural order. */
export function buildQuantizers(qualityFactor: number): number[] {
  return LUMINANCE_QUANT_TABLE.map((entry) => Math.min(255, Math.max(1, (entry * qualityFactor + 0x200) >> 10)));
}

const RECIPROCALS: readonly number[] = buildQuantizers(JPEG_QUALITY_FACTOR).map(computeQ15Reciprocal);
const BLOCK_SCRATCH = new Int32Array(BLOCK_PIXELS);

/** The target function: d (64, row-major, p/256 − 0.5) → zigzag quantized coefficients / 256. */
export function computeJpegBlock(input: ArrayLike<number>, output: Float64Array): void {
  const block = BLOCK_SCRATCH;
  // Level-shifted pixel p − 128 = 256·d; inputs are multiples of 1/256, round guards float noise.
  for (let i = 0; i < BLOCK_PIXELS; i++) block[i] = Math.round(input[i] * JPEG_SCALE);
  transformBlockDct(block);
  for (let i = 0; i < BLOCK_PIXELS; i++) {
    const quantized = toInt16((Math.imul(block[i], RECIPROCALS[i]) + 0x4000) >> 15);
    output[ZIGZAG_POSITION[i]] = quantized / JPEG_SCALE;
  }
}

/** Number of 8×8 block positions (any offset) in the grey photo `id`. */
function countBlockPositions(id: PhotoId): number {
  const grey = getGreyPhoto(id);
  return (grey.width - BLOCK_SIZE + 1) * (grey.height - BLOCK_SIZE + 1);
}

/** Writes a random 8×8 block of the split's grey photos as d = p/256 − 0.5, row-major. */
export function sampleJpegBlock(rng: Rng, output: Float64Array, split: DataSplit = 'train'): void {
  const [id, index] = drawPhotoPosition(rng, IMAGE_SPLITS.jpeg[split], countBlockPositions);
  const grey = getGreyPhoto(id);
  const positionsX = grey.width - BLOCK_SIZE + 1;
  const left = index % positionsX,
    top = Math.floor(index / positionsX);
  for (let row = 0; row < BLOCK_SIZE; row++)
    for (let col = 0; col < BLOCK_SIZE; col++) output[row * BLOCK_SIZE + col] = grey.pixels[(top + row) * grey.width + left + col] / JPEG_SCALE - 0.5;
}

export const JPEG: TargetSpec = {
  id: 'jpeg',
  title: 'JPEG encoder block',
  description: 'AxBench jpeg: one 8×8 block (pixel/256 − 0.5) → fixed-point DCT, quantization by the standard luminance table, zigzag order, /256.',
  inputDim: BLOCK_PIXELS,
  outputDim: BLOCK_PIXELS,
  inputNames: Array.from({ length: BLOCK_PIXELS }, (_, i) => `p(${Math.floor(i / BLOCK_SIZE)},${i % BLOCK_SIZE})`),
  outputNames: Array.from({ length: BLOCK_PIXELS }, (_, k) => `zigzag ${k}`),
  errorMetric: 'rms',
  boundPresets: [
    { value: 0.002, source: 'NAS paper Table 2, group 1' },
    { value: 0.005, source: 'NAS paper Table 2, group 2' },
  ],
  topologies: [
    makeAxnetPreset([64, 6, 64], [4], 'AXNet paper (A 64-6-64, C 64-4-8)'),
    makeAxnetPreset([64, 8, 8, 64], [12], 'AXNet paper, fusion study (A 64-8-8-64, C 64-12-18)'),
    makeAxnetPreset([64, 16, 64], [18], 'AxBench NN topology 64-16-64 (reference table) with an AXNet predictor 64-18-18'),
    makeBaselinePreset([64, 16, 64], [18], SOURCE_ITERATIVE),
  ],
  evaluate(input: ArrayLike<number>, output: Float64Array): void {
    computeJpegBlock(input, output);
  },
  sampleInput(rng: Rng, output: Float64Array, split: DataSplit = 'train'): void {
    sampleJpegBlock(rng, output, split);
  },
  datasetSizes: {
    train: 8600,
    test: 3687,
    source:
      'test: 3 687 rows (header of the AXNet/MCMA authors’ jpeg aggregated_test.fann, ACA-Lab-SJTU/approximate-computing); train: lab choice, 8 600 for the 70/30 split of their other files',
  },
  inputRanges: Array.from({ length: BLOCK_PIXELS }, () => [-0.5, 0.5] as const),
  loadData: loadPhotos,
};
