import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { getTarget, listTargets } from './index';
import { getGreyPhoto, getPhoto, IMAGE_SPLITS, runPhotoKmeans, type PhotoId } from './photos';
import { fillSobelWindow } from './sobel';
import type { DataSplit } from './types';

const SPLITS: readonly DataSplit[] = ['train', 'test'];

function drawRows(id: 'jpeg' | 'sobel' | 'kmeans', split: DataSplit | undefined, count: number, seed = 7): number[][] {
  const spec = getTarget(id);
  const rng = createRng(seed, 'test-data');
  const x = new Float64Array(spec.inputDim);
  const rows: number[][] = [];
  for (let i = 0; i < count; i++) {
    if (split === undefined) spec.sampleInput(rng, x);
    else spec.sampleInput(rng, x, split);
    rows.push(Array.from(x));
  }
  return rows;
}

/** The photos (of `ids`) in which the 8×8 block `row` (d = p/256 − 0.5) occurs at some offset. */
function findJpegBlock(row: number[], ids: readonly PhotoId[]): PhotoId[] {
  const target = row.map((d) => Math.round((d + 0.5) * 256));
  const found: PhotoId[] = [];
  for (const id of ids) {
    const grey = getGreyPhoto(id);
    search: for (let top = 0; top + 8 <= grey.height; top++)
      for (let left = 0; left + 8 <= grey.width; left++) {
        let match = true;
        for (let i = 0; i < 64 && match; i++) match = grey.pixels[(top + (i >> 3)) * grey.width + left + (i & 7)] === target[i];
        if (match) {
          found.push(id);
          break search;
        }
      }
  }
  return found;
}

describe('image targets sample real photographs', () => {
  it('jpeg: 8-bit blocks d = p/256 − 0.5 cut from the split’s photos', () => {
    for (const split of SPLITS) {
      const rows = drawRows('jpeg', split, 12);
      for (const row of rows) {
        for (const d of row) {
          expect(d).toBeGreaterThanOrEqual(-0.5);
          expect(d).toBeLessThan(0.5);
          expect(Number.isInteger((d + 0.5) * 256)).toBe(true);
        }
        expect(findJpegBlock(row, IMAGE_SPLITS.jpeg[split]).length).toBeGreaterThan(0);
      }
    }
  });

  it('sobel: windows p/255 around pixels of the split’s photos', () => {
    for (const split of SPLITS) {
      const windows = new Set<string>();
      const scratch = new Float64Array(9);
      for (const id of IMAGE_SPLITS.sobel[split]) {
        const grey = getGreyPhoto(id);
        for (let y = 0; y < grey.height; y++)
          for (let x = 0; x < grey.width; x++) {
            fillSobelWindow(grey, x, y, scratch);
            windows.add(scratch.join(','));
          }
      }
      for (const row of drawRows('sobel', split, 300)) {
        for (const v of row) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        expect(windows.has(row.join(','))).toBe(true);
      }
    }
  });

  it('sobel: zero columns at the left/right border, edge rows repeated at top/bottom', () => {
    const grey = getGreyPhoto('camera');
    const w = new Float64Array(9);
    fillSobelWindow(grey, 0, 5, w);
    expect([w[0], w[3], w[6]]).toEqual([0, 0, 0]);
    expect(w[4]).toBe(grey.pixels[5 * grey.width] / 255);
    fillSobelWindow(grey, grey.width - 1, 5, w);
    expect([w[2], w[5], w[8]]).toEqual([0, 0, 0]);
    fillSobelWindow(grey, 10, 0, w);
    expect([w[0], w[1], w[2]]).toEqual([w[3], w[4], w[5]]);
    fillSobelWindow(grey, 10, grey.height - 1, w);
    expect([w[6], w[7], w[8]]).toEqual([w[3], w[4], w[5]]);
  });

  it('kmeans: a pixel of the split’s photos and a k-means centroid of the same photo', () => {
    for (const split of SPLITS) {
      const ids = IMAGE_SPLITS.kmeans[split];
      const pixelOwners = new Map<string, Set<PhotoId>>();
      for (const id of ids) {
        const { pixels } = getPhoto(id);
        for (let p = 0; p < pixels.length; p += 3) {
          const key = [pixels[p] / 255, pixels[p + 1] / 255, pixels[p + 2] / 255].join(',');
          if (!pixelOwners.has(key)) pixelOwners.set(key, new Set());
          pixelOwners.get(key)!.add(id);
        }
      }
      const centroidOwners = new Map<string, PhotoId>();
      for (const id of ids)
        for (const centroids of runPhotoKmeans(id).iterations) for (let j = 0; j < 6; j++) centroidOwners.set(Array.from(centroids.subarray(3 * j, 3 * j + 3)).join(','), id);
      for (const row of drawRows('kmeans', split, 300)) {
        for (const v of row) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        const owners = pixelOwners.get(row.slice(0, 3).join(','));
        expect(owners).toBeDefined();
        const centroidOwner = centroidOwners.get(row.slice(3).join(','));
        expect(centroidOwner).toBeDefined();
        expect(owners!.has(centroidOwner!)).toBe(true);
      }
    }
  });

  it('train and test rows differ in distribution (different photographs)', () => {
    const mean = (rows: number[][]) => rows.reduce((s, r) => s + r.reduce((a, b) => a + b, 0) / r.length, 0) / rows.length;
    for (const id of ['jpeg', 'sobel', 'kmeans'] as const) {
      const train = drawRows(id, 'train', 400),
        test = drawRows(id, 'test', 400);
      expect(train).not.toEqual(test);
      expect(Math.abs(mean(train) - mean(test))).toBeGreaterThan(0.005);
    }
  });

  it('split defaults to train, for every target', () => {
    for (const spec of listTargets()) {
      const draw = (split?: DataSplit) => {
        const rng = createRng(3, 'train-data');
        const x = new Float64Array(spec.inputDim);
        const rows: number[] = [];
        for (let i = 0; i < 20; i++) {
          spec.sampleInput(rng, x, split);
          rows.push(...x);
        }
        return rows;
      };
      expect(draw()).toEqual(draw('train'));
    }
  });
});

describe('dataset sizes', () => {
  it('every target states its benchmark train/test sizes with a source', () => {
    for (const spec of listTargets()) {
      const sizes = spec.datasetSizes;
      expect(sizes, spec.id).toBeDefined();
      expect(Number.isInteger(sizes!.train) && sizes!.train > 0).toBe(true);
      expect(Number.isInteger(sizes!.test) && sizes!.test > 0).toBe(true);
      expect(sizes!.source.length).toBeGreaterThan(10);
    }
    expect(getTarget('jmeint').datasetSizes).toMatchObject({ train: 7000, test: 3000 });
    expect(getTarget('bessel_Jnu').datasetSizes).toMatchObject({ train: 70000, test: 30000 });
    expect(getTarget('jpeg').datasetSizes?.test).toBe(3687);
    expect(getTarget('fft').datasetSizes?.test).toBe(3380);
    expect(getTarget('kmeans').datasetSizes?.source).toMatch(/lab choice/);
  });
});
