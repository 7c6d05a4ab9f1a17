/**
 * Real photographs for the image benchmarks (jpeg, sobel, kmeans), and how the lab samples them.
 *
 * Four public-licence photographs from scikit-image's test data (Debian python3-skimage;
 * credits in public/images/CREDITS.md), resized by scripts/build-photos.mjs and stored as raw
 * 8-bit pixels in photos.generated.ts, so the browser and the Node CLI draw bit-identical data
 * with no PNG decoder and no fetch:
 *   camera 256×256 grey, astronaut 128×128 RGB, chelsea 168×112 RGB, coffee 168×112 RGB.
 *
 * Train/test split, as AxBench does it (the training images differ from the evaluation images):
 *   jpeg, sobel: train = camera + astronaut (grey), test = chelsea + coffee (grey);
 *   kmeans:      train = astronaut (RGB),          test = chelsea + coffee (RGB).
 * No test row can come from a training photo, so the split is disjoint by construction.
 *
 * Grey of an RGB photo: Rec. 601 luma in integers, ⌊(299 R + 587 G + 114 B + 500) / 1000⌋.
 *
 * The pixels (315 kB of base64) load only for the image targets: `await loadPhotos()` (a dynamic import
 * of photos.generated.ts, its own chunk) before sampling or viewing one, so a Bessel page never fetches
 * them. Until then getPhoto throws. The target registry stays synchronous: loadTargetData(id) awaits
 * a target's `loadData` (jpeg, sobel, kmeans: loadPhotos) before its rows are drawn.
 */
import { createRng, type Rng } from '../rng';
import type { PHOTO_SOURCES as GeneratedSources, PhotoSource } from './photos.generated';
import type { DataSplit } from './types';

export type PhotoId = keyof typeof GeneratedSources;
/** The photographs, in the generated file's order (photos.test.ts checks they match it). */
export const PHOTO_IDS: readonly PhotoId[] = ['camera', 'astronaut', 'chelsea', 'coffee'];

let PHOTO_SOURCES: Readonly<Record<PhotoId, PhotoSource>> | null = null;
let loading: Promise<void> | null = null;

/** Loads the photographs' pixels once (a separate chunk in the browser); later calls resolve at once. */
export function loadPhotos(): Promise<void> {
  loading ??= import('./photos.generated').then(
    (module) => {
      PHOTO_SOURCES = module.PHOTO_SOURCES;
    },
    (error: unknown) => {
      loading = null; // a failed fetch (offline) may be retried
      throw error;
    },
  );
  return loading;
}

/** True once loadPhotos() has resolved. */
export function arePhotosLoaded(): boolean {
  return PHOTO_SOURCES !== null;
}

export type { DataSplit } from './types';

/** An 8-bit image, row-major, channels interleaved. */
export interface Image8 {
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Uint8Array;
}

export interface Photo extends Image8 {
  id: PhotoId;
  title: string;
  credit: string;
  licence: string;
  /** Path of the display PNG under the site root (public/images). */
  url: string;
}

/** Which photographs each image benchmark draws its train and test rows from. */
export const IMAGE_SPLITS: Readonly<Record<'jpeg' | 'sobel' | 'kmeans', Readonly<Record<DataSplit, readonly PhotoId[]>>>> = {
  jpeg: { train: ['camera', 'astronaut'], test: ['chelsea', 'coffee'] },
  sobel: { train: ['camera', 'astronaut'], test: ['chelsea', 'coffee'] },
  kmeans: { train: ['astronaut'], test: ['chelsea', 'coffee'] },
};

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < BASE64_ALPHABET.length; i++) table[BASE64_ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Decodes standard base64 (with '=' padding) to bytes; pure TS, same result in every runtime. */
export function decodeBase64(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0,
    bitCount = 0,
    o = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? BASE64_VALUES[code] : -1;
    if (value < 0) throw new Error(`Invalid base64 character at ${i}`);
    bits = (bits << 6) | value;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      out[o++] = (bits >> bitCount) & 0xff;
    }
  }
  return out;
}

const PHOTO_CACHE = new Map<PhotoId, Photo>();
const GREY_CACHE = new Map<PhotoId, Image8>();

/** The photograph `id` (decoded once, cached). Throws on an unknown id. */
export function getPhoto(id: PhotoId): Photo {
  const cached = PHOTO_CACHE.get(id);
  if (cached) return cached;
  if (!PHOTO_SOURCES) throw new Error(`The photographs are not loaded yet: await loadPhotos() before using photo ${id}.`);
  if (!Object.hasOwn(PHOTO_SOURCES, id)) throw new Error(`Unknown photo: ${id}`);
  const source = PHOTO_SOURCES[id];
  const pixels = decodeBase64(source.base64);
  if (pixels.length !== source.width * source.height * source.channels) throw new Error(`Photo ${id}: bad pixel count`);
  const photo: Photo = {
    id,
    title: source.title,
    credit: source.credit,
    licence: source.licence,
    url: `images/${id}.png`,
    width: source.width,
    height: source.height,
    channels: source.channels,
    pixels,
  };
  PHOTO_CACHE.set(id, photo);
  return photo;
}

/** Rec. 601 luma of an 8-bit RGB pixel, in integers (0…255). */
export function computeLuma(r: number, g: number, b: number): number {
  return Math.floor((299 * r + 587 * g + 114 * b + 500) / 1000);
}

/** The grey version of photo `id` (the photo itself if already grey), cached. */
export function getGreyPhoto(id: PhotoId): Image8 {
  const cached = GREY_CACHE.get(id);
  if (cached) return cached;
  const photo = getPhoto(id);
  let grey: Image8;
  if (photo.channels === 1) grey = { width: photo.width, height: photo.height, channels: 1, pixels: photo.pixels };
  else {
    const pixels = new Uint8Array(photo.width * photo.height);
    for (let p = 0; p < pixels.length; p++) pixels[p] = computeLuma(photo.pixels[3 * p], photo.pixels[3 * p + 1], photo.pixels[3 * p + 2]);
    grey = { width: photo.width, height: photo.height, channels: 1, pixels };
  }
  GREY_CACHE.set(id, grey);
  return grey;
}

/**
 * Draws one photo of `ids` with probability proportional to `countPositions(photo)`, so that
 * positions are uniform over the whole set, and returns it with a uniform position index.
 */
export function drawPhotoPosition(rng: Rng, ids: readonly PhotoId[], countPositions: (id: PhotoId) => number): [PhotoId, number] {
  let total = 0;
  for (const id of ids) total += countPositions(id);
  let index = rng.int(total);
  for (const id of ids) {
    const n = countPositions(id);
    if (index < n) return [id, index];
    index -= n;
  }
  const last = ids[ids.length - 1];
  return [last, countPositions(last) - 1];
}

// ---------------------------------------------------------------- k-means centroids

/** k of AxBench's kmeans segmentation (6 clusters). */
export const KMEANS_CLUSTERS = 6;
/** Lloyd iterations of the lab's reference k-means run on each photo. */
export const KMEANS_ITERATIONS = 10;

export interface KmeansRun {
  /** Centroids of every iteration, iteration 0 (initial) … KMEANS_ITERATIONS, each k × RGB in [0, 1]. */
  iterations: Float64Array[];
  /** The final centroids (k × 3). */
  final: Float64Array;
}

const KMEANS_CACHE = new Map<PhotoId, KmeansRun>();

/**
 * A deterministic k-means colour segmentation of an RGB photo, as AxBench's kmeans runs it:
 * k = 6 centroids initialised to seeded random colours in [0, 1]³ (stream 'kmeans-init:<id>',
 * seed 0), then Lloyd iterations (assign every pixel to its nearest centroid by Euclidean distance,
 * move each centroid to the mean of its pixels; an empty cluster keeps its centroid).
 * The centroids of all iterations form the pool the kmeans target draws centroids from, since
 * AxBench evaluates pixel–centroid distances in every iteration, early and late.
 */
export function runPhotoKmeans(id: PhotoId): KmeansRun {
  const cached = KMEANS_CACHE.get(id);
  if (cached) return cached;
  const photo = getPhoto(id);
  if (photo.channels !== 3) throw new Error(`k-means needs an RGB photo: ${id}`);
  const k = KMEANS_CLUSTERS;
  const pixelCount = photo.width * photo.height;
  const rgb = new Float64Array(pixelCount * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = photo.pixels[i] / 255;
  const rng = createRng(0, `kmeans-init:${id}`);
  let centroids = new Float64Array(k * 3);
  for (let i = 0; i < centroids.length; i++) centroids[i] = rng.next();
  const iterations = [centroids.slice()];
  const sums = new Float64Array(k * 3);
  const counts = new Float64Array(k);
  for (let iteration = 0; iteration < KMEANS_ITERATIONS; iteration++) {
    sums.fill(0);
    counts.fill(0);
    for (let p = 0; p < pixelCount; p++) {
      const best = findNearestCentroid(rgb, 3 * p, centroids, k);
      counts[best]++;
      for (let c = 0; c < 3; c++) sums[3 * best + c] += rgb[3 * p + c];
    }
    const next = centroids.slice();
    for (let j = 0; j < k; j++) if (counts[j] > 0) for (let c = 0; c < 3; c++) next[3 * j + c] = sums[3 * j + c] / counts[j];
    centroids = next;
    iterations.push(centroids.slice());
  }
  const run = { iterations, final: centroids };
  KMEANS_CACHE.set(id, run);
  return run;
}

/** Index of the centroid (k × 3, flat) nearest to the colour at values[offset…offset+2]. */
export function findNearestCentroid(values: ArrayLike<number>, offset: number, centroids: ArrayLike<number>, k: number): number {
  let best = 0,
    bestDistance = Infinity;
  for (let j = 0; j < k; j++) {
    let d = 0;
    for (let c = 0; c < 3; c++) {
      const diff = values[offset + c] - centroids[3 * j + c];
      d += diff * diff;
    }
    if (d < bestDistance) {
      bestDistance = d;
      best = j;
    }
  }
  return best;
}
