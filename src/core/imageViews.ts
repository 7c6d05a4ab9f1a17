/**
 * Image views of the image benchmarks (jpeg, sobel, kmeans): cut a test photograph into the model
 * inputs of every tile, and put model outputs (exact or approximated) back together as images.
 * Pure TS, no DOM: images are RGBA Uint8ClampedArrays (width × height × 4), ready for ImageData.
 *
 * Tiles and rows:
 *   jpeg   — tile = one aligned 8×8 block of the grey photo (cropped to multiples of 8);
 *            1 row per tile, 64 inputs d = p/256 − 0.5 → 64 zigzag quantized DCT outputs;
 *   sobel  — tile = stride×stride pixels; 1 row per tile, the 3×3 window (p/255) around the tile's
 *            centre pixel (zero columns outside, edge rows repeated, as the sampler) → edge magnitude;
 *   kmeans — tile = stride×stride pixels; k = 6 rows per tile, (pixel RGB, centroid_j RGB) for the
 *            photo's final k-means centroids → distances; the smallest picks the tile's colour.
 * Rows are tile-major: rows t·rowsPerTile … (t+1)·rowsPerTile − 1 belong to tile t, tiles row-major.
 */
import { getTarget } from './targets';
import { buildQuantizers, JPEG_QUALITY_FACTOR, ZIGZAG_POSITION } from './targets/jpeg';
import { getGreyPhoto, getPhoto, IMAGE_SPLITS, KMEANS_CLUSTERS, runPhotoKmeans, type Image8, type PhotoId } from './targets/photos';
import { fillSobelWindow } from './targets/sobel';

export type ImageTargetId = 'jpeg' | 'sobel' | 'kmeans';
export const IMAGE_TARGET_IDS: readonly ImageTargetId[] = ['jpeg', 'sobel', 'kmeans'];

export function isImageTarget(id: string): id is ImageTargetId {
  return (IMAGE_TARGET_IDS as readonly string[]).includes(id);
}

/** The photographs a view can show for `target`: its test photos (never seen in training). */
export function listViewPhotos(target: ImageTargetId): readonly PhotoId[] {
  return IMAGE_SPLITS[target].test;
}

export interface ImageViewOptions {
  /** sobel, kmeans: one row (set) per stride × stride pixels (default 1, every pixel). */
  stride?: number;
}

export interface ImageView {
  target: ImageTargetId;
  photoId: PhotoId;
  /** Size of every image the view renders, in pixels (jpeg: cropped to multiples of 8). */
  width: number;
  height: number;
  /** Side of a tile in pixels: 8 for jpeg, the stride for sobel and kmeans. */
  tileSize: number;
  tilesX: number;
  tilesY: number;
  tileCount: number;
  /** Model rows per tile: 1 (jpeg, sobel) or k = 6 (kmeans). */
  rowsPerTile: number;
  rowCount: number;
  inputDim: number;
  outputDim: number;
  /** [rowCount × inputDim], row-major, tile-major. */
  inputs: Float32Array;
  /** kmeans: the photo's final k-means centroids [k × 3] in [0, 1]; null otherwise. */
  centroids: Float64Array | null;
}

/** An RGBA image, 4 bytes per pixel, row-major. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

const JPEG_BLOCK = 8;
const JPEG_PIXELS = 64;
/** d = (p − 128)/256 and outputs = coefficient/256 (jpeg.ts). */
const JPEG_SCALE = 256;
const JPEG_LEVEL_SHIFT = 128;
/** √(2·256²): sobel output s ↦ 8-bit grey min(255, s·√(2·256²)), as AxBench writes the edge image. */
const SOBEL_NORM = Math.sqrt(2 * 256 * 256);

/** Builds the tiles and model inputs of `photoId` (default: the target's first test photo). */
export function buildImageView(target: ImageTargetId, photoId: PhotoId = listViewPhotos(target)[0], options: ImageViewOptions = {}): ImageView {
  switch (target) {
    case 'jpeg':
      return buildJpegView(photoId);
    case 'sobel':
      return buildSobelView(photoId, normalizeStride(options.stride));
    case 'kmeans':
      return buildKmeansView(photoId, normalizeStride(options.stride));
    default: {
      const unknown: never = target;
      throw new Error(`Unsupported image target: ${String(unknown)}`);
    }
  }
}

function normalizeStride(stride: number | undefined): number {
  const s = Math.floor(stride ?? 1);
  if (!(s >= 1)) throw new Error(`Invalid stride: ${stride}`);
  return s;
}

function buildJpegView(photoId: PhotoId): ImageView {
  const grey = getGreyPhoto(photoId);
  const tilesX = Math.floor(grey.width / JPEG_BLOCK),
    tilesY = Math.floor(grey.height / JPEG_BLOCK);
  const tileCount = tilesX * tilesY;
  const inputs = new Float32Array(tileCount * JPEG_PIXELS);
  for (let ty = 0; ty < tilesY; ty++)
    for (let tx = 0; tx < tilesX; tx++) {
      const base = (ty * tilesX + tx) * JPEG_PIXELS;
      for (let r = 0; r < JPEG_BLOCK; r++)
        for (let c = 0; c < JPEG_BLOCK; c++) inputs[base + r * JPEG_BLOCK + c] = grey.pixels[(ty * JPEG_BLOCK + r) * grey.width + tx * JPEG_BLOCK + c] / JPEG_SCALE - 0.5;
    }
  return {
    target: 'jpeg',
    photoId,
    width: tilesX * JPEG_BLOCK,
    height: tilesY * JPEG_BLOCK,
    tileSize: JPEG_BLOCK,
    tilesX,
    tilesY,
    tileCount,
    rowsPerTile: 1,
    rowCount: tileCount,
    inputDim: JPEG_PIXELS,
    outputDim: JPEG_PIXELS,
    inputs,
    centroids: null,
  };
}

/** Centre pixel of tile index t along an axis of `size` pixels. */
function tileCentre(t: number, stride: number, size: number): number {
  return Math.min(size - 1, t * stride + (stride >> 1));
}

function buildSobelView(photoId: PhotoId, stride: number): ImageView {
  const grey = getGreyPhoto(photoId);
  const tilesX = Math.ceil(grey.width / stride),
    tilesY = Math.ceil(grey.height / stride);
  const tileCount = tilesX * tilesY;
  const inputs = new Float32Array(tileCount * 9);
  for (let ty = 0; ty < tilesY; ty++)
    for (let tx = 0; tx < tilesX; tx++) fillSobelWindow(grey, tileCentre(tx, stride, grey.width), tileCentre(ty, stride, grey.height), inputs, (ty * tilesX + tx) * 9);
  return {
    target: 'sobel',
    photoId,
    width: grey.width,
    height: grey.height,
    tileSize: stride,
    tilesX,
    tilesY,
    tileCount,
    rowsPerTile: 1,
    rowCount: tileCount,
    inputDim: 9,
    outputDim: 1,
    inputs,
    centroids: null,
  };
}

function buildKmeansView(photoId: PhotoId, stride: number): ImageView {
  const photo = getPhoto(photoId);
  const centroids = runPhotoKmeans(photoId).final.slice();
  const k = KMEANS_CLUSTERS;
  const tilesX = Math.ceil(photo.width / stride),
    tilesY = Math.ceil(photo.height / stride);
  const tileCount = tilesX * tilesY;
  const inputs = new Float32Array(tileCount * k * 6);
  for (let ty = 0; ty < tilesY; ty++)
    for (let tx = 0; tx < tilesX; tx++) {
      const pixel = tileCentre(ty, stride, photo.height) * photo.width + tileCentre(tx, stride, photo.width);
      for (let j = 0; j < k; j++) {
        const base = ((ty * tilesX + tx) * k + j) * 6;
        for (let c = 0; c < 3; c++) {
          inputs[base + c] = photo.pixels[3 * pixel + c] / 255;
          inputs[base + 3 + c] = centroids[3 * j + c];
        }
      }
    }
  return {
    target: 'kmeans',
    photoId,
    width: photo.width,
    height: photo.height,
    tileSize: stride,
    tilesX,
    tilesY,
    tileCount,
    rowsPerTile: k,
    rowCount: tileCount * k,
    inputDim: 6,
    outputDim: 1,
    inputs,
    centroids,
  };
}

/** The exact outputs of every row [rowCount × outputDim], by the target's evaluate (float64 → float32). */
export function computeExactOutputs(view: ImageView): Float32Array {
  const target = getTarget(view.target);
  const input = new Float64Array(view.inputDim);
  const output = new Float64Array(view.outputDim);
  const outputs = new Float32Array(view.rowCount * view.outputDim);
  for (let row = 0; row < view.rowCount; row++) {
    for (let i = 0; i < view.inputDim; i++) input[i] = view.inputs[row * view.inputDim + i];
    target.evaluate(input, output);
    outputs.set(output, row * view.outputDim);
  }
  return outputs;
}

function createRgba(width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8ClampedArray(width * height * 4) };
}

function setPixel(image: RgbaImage, x: number, y: number, r: number, g: number, b: number): void {
  const o = (y * image.width + x) * 4;
  image.data[o] = r;
  image.data[o + 1] = g;
  image.data[o + 2] = b;
  image.data[o + 3] = 255;
}

/** Fills tile (tx, ty) of the view's tiling with one colour (clipped at the image edge). */
function fillTile(view: ImageView, image: RgbaImage, tx: number, ty: number, r: number, g: number, b: number): void {
  const x1 = Math.min(view.width, (tx + 1) * view.tileSize),
    y1 = Math.min(view.height, (ty + 1) * view.tileSize);
  for (let y = ty * view.tileSize; y < y1; y++) for (let x = tx * view.tileSize; x < x1; x++) setPixel(image, x, y, r, g, b);
}

/** The photograph as the target sees it: grey (jpeg: cropped to whole blocks) or RGB (kmeans). */
export function renderInputImage(view: ImageView): RgbaImage {
  const source: Image8 = view.target === 'kmeans' ? getPhoto(view.photoId) : getGreyPhoto(view.photoId);
  const image = createRgba(view.width, view.height);
  for (let y = 0; y < view.height; y++)
    for (let x = 0; x < view.width; x++) {
      const p = y * source.width + x;
      if (source.channels === 1) setPixel(image, x, y, source.pixels[p], source.pixels[p], source.pixels[p]);
      else setPixel(image, x, y, source.pixels[3 * p], source.pixels[3 * p + 1], source.pixels[3 * p + 2]);
    }
  return image;
}

/**
 * Reassembles per-row outputs [rowCount × outputDim] (exact or from a network) into an image:
 *   jpeg   — dequantize (× 256 × q_i) and inverse DCT each block, + 128 (the decoder's view);
 *   sobel  — 8-bit edge image min(255, s·√(2·256²)) per tile;
 *   kmeans — each tile takes the colour of the centroid with the smallest output distance.
 */
export function renderOutputImage(view: ImageView, outputs: ArrayLike<number>): RgbaImage {
  if (outputs.length < view.rowCount * view.outputDim) throw new Error(`Expected ${view.rowCount * view.outputDim} outputs, got ${outputs.length}`);
  const image = createRgba(view.width, view.height);
  switch (view.target) {
    case 'jpeg': {
      const block = new Float64Array(JPEG_PIXELS);
      for (let t = 0; t < view.tileCount; t++) {
        reconstructJpegBlock(outputs, t * JPEG_PIXELS, block);
        const tx = t % view.tilesX,
          ty = Math.floor(t / view.tilesX);
        for (let r = 0; r < JPEG_BLOCK; r++)
          for (let c = 0; c < JPEG_BLOCK; c++) {
            const v = block[r * JPEG_BLOCK + c];
            setPixel(image, tx * JPEG_BLOCK + c, ty * JPEG_BLOCK + r, v, v, v);
          }
      }
      break;
    }
    case 'sobel':
      for (let t = 0; t < view.tileCount; t++) {
        const v = Math.round(Math.min(255, Math.max(0, outputs[t] * SOBEL_NORM)));
        fillTile(view, image, t % view.tilesX, Math.floor(t / view.tilesX), v, v, v);
      }
      break;
    case 'kmeans': {
      const centroids = view.centroids!;
      for (let t = 0; t < view.tileCount; t++) {
        let best = 0;
        for (let j = 1; j < view.rowsPerTile; j++) if (outputs[t * view.rowsPerTile + j] < outputs[t * view.rowsPerTile + best]) best = j;
        const [r, g, b] = [0, 1, 2].map((c) => Math.round(centroids[3 * best + c] * 255));
        fillTile(view, image, t % view.tilesX, Math.floor(t / view.tilesX), r, g, b);
      }
      break;
    }
  }
  return image;
}

/** The exact function's image, for comparison with an approximated one. */
export function renderExactImage(view: ImageView): RgbaImage {
  return renderOutputImage(view, computeExactOutputs(view));
}

const JPEG_QUANTIZERS: readonly number[] = buildQuantizers(JPEG_QUALITY_FACTOR);
/** IDCT basis: IDCT_BASIS[x·8 + u] = C(u)/2 · cos((2x + 1)uπ/16), C(0) = 1/√2, else 1. */
const IDCT_BASIS: Float64Array = (() => {
  const basis = new Float64Array(JPEG_PIXELS);
  for (let x = 0; x < JPEG_BLOCK; x++)
    for (let u = 0; u < JPEG_BLOCK; u++) basis[x * JPEG_BLOCK + u] = ((u === 0 ? Math.SQRT1_2 : 1) / 2) * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
  return basis;
})();

/**
 * Decodes one jpeg output row (64 zigzag values, coefficient/256) into 8-bit pixels (row-major):
 * F(v,u) = out[zigzag(v,u)] · 256 · q(v,u); f(y,x) = Σ_v Σ_u C(v)C(u)/4 F(v,u) cos… cos… (float
 * inverse of the standard JPEG DCT), pixel = clamp(round(f + 128), 0, 255).
 */
export function reconstructJpegBlock(outputs: ArrayLike<number>, offset: number, pixels: Float64Array): void {
  const coefficients = new Float64Array(JPEG_PIXELS);
  for (let i = 0; i < JPEG_PIXELS; i++) coefficients[i] = outputs[offset + ZIGZAG_POSITION[i]] * JPEG_SCALE * JPEG_QUANTIZERS[i];
  // Rows of F → along u (horizontal), then columns along v (vertical).
  const temp = new Float64Array(JPEG_PIXELS);
  for (let v = 0; v < JPEG_BLOCK; v++)
    for (let x = 0; x < JPEG_BLOCK; x++) {
      let sum = 0;
      for (let u = 0; u < JPEG_BLOCK; u++) sum += IDCT_BASIS[x * JPEG_BLOCK + u] * coefficients[v * JPEG_BLOCK + u];
      temp[v * JPEG_BLOCK + x] = sum;
    }
  for (let y = 0; y < JPEG_BLOCK; y++)
    for (let x = 0; x < JPEG_BLOCK; x++) {
      let sum = 0;
      for (let v = 0; v < JPEG_BLOCK; v++) sum += IDCT_BASIS[y * JPEG_BLOCK + v] * temp[v * JPEG_BLOCK + x];
      pixels[y * JPEG_BLOCK + x] = Math.min(255, Math.max(0, Math.round(sum + JPEG_LEVEL_SHIFT)));
    }
}

/** Per tile, the fraction of its rows whose flag is truthy (e.g. sent to the CPU). [tileCount] */
export function computeTileFractions(view: ImageView, perRow: ArrayLike<number | boolean>): Float32Array {
  if (perRow.length < view.rowCount) throw new Error(`Expected ${view.rowCount} row flags, got ${perRow.length}`);
  const fractions = new Float32Array(view.tileCount);
  for (let t = 0; t < view.tileCount; t++) {
    let count = 0;
    for (let j = 0; j < view.rowsPerTile; j++) if (perRow[t * view.rowsPerTile + j]) count++;
    fractions[t] = count / view.rowsPerTile;
  }
  return fractions;
}

export interface RoutingMapOptions {
  /** Colour of tiles the network (NPU) computes; default blue. */
  npuColour?: readonly [number, number, number];
  /** Colour of tiles sent to the CPU (exact function); default orange. */
  cpuColour?: readonly [number, number, number];
  /** Optional image to tint (same size), e.g. renderInputImage(view). */
  base?: RgbaImage;
  /** Tint opacity over the base, 0…1 (default 0.55; 1 without a base). */
  opacity?: number;
}

const DEFAULT_NPU_COLOUR = [37, 99, 235] as const;
const DEFAULT_CPU_COLOUR = [234, 88, 12] as const;

/**
 * Routing map: each tile coloured by where its rows ran, from a per-row flag (truthy = CPU,
 * i.e. predicted unsafe). Tiles with mixed rows (kmeans) blend the colours by the CPU fraction.
 */
export function renderRoutingMap(view: ImageView, cpuRows: ArrayLike<number | boolean>, options: RoutingMapOptions = {}): RgbaImage {
  const fractions = computeTileFractions(view, cpuRows);
  const npu = options.npuColour ?? DEFAULT_NPU_COLOUR,
    cpu = options.cpuColour ?? DEFAULT_CPU_COLOUR;
  const base = options.base;
  if (base && (base.width !== view.width || base.height !== view.height)) throw new Error('Routing map base image has the wrong size');
  const opacity = base ? Math.min(1, Math.max(0, options.opacity ?? 0.55)) : 1;
  const image = createRgba(view.width, view.height);
  for (let t = 0; t < view.tileCount; t++) {
    const f = fractions[t];
    const tint = [0, 1, 2].map((c) => npu[c] + (cpu[c] - npu[c]) * f);
    const tx = t % view.tilesX,
      ty = Math.floor(t / view.tilesX);
    const x1 = Math.min(view.width, (tx + 1) * view.tileSize),
      y1 = Math.min(view.height, (ty + 1) * view.tileSize);
    for (let y = ty * view.tileSize; y < y1; y++)
      for (let x = tx * view.tileSize; x < x1; x++) {
        const o = (y * view.width + x) * 4;
        for (let c = 0; c < 3; c++) image.data[o + c] = Math.round(base ? base.data[o + c] * (1 - opacity) + tint[c] * opacity : tint[c]);
        image.data[o + 3] = 255;
      }
  }
  return image;
}

/**
 * Peak signal-to-noise ratio (dB) between two RGBA images of the same size, over the RGB
 * channels, peak 255: 10·log10(255² / MSE). Infinity for identical images.
 */
export function computeImagePsnr(reference: RgbaImage, test: RgbaImage): number {
  if (reference.width !== test.width || reference.height !== test.height) throw new Error('Images differ in size');
  let sum = 0,
    count = 0;
  for (let o = 0; o < reference.data.length; o += 4)
    for (let c = 0; c < 3; c++) {
      const d = reference.data[o + c] - test.data[o + c];
      sum += d * d;
      count++;
    }
  const mse = count > 0 ? sum / count : 0;
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}
