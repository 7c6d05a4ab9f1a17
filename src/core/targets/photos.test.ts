import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  computeLuma,
  decodeBase64,
  findNearestCentroid,
  getGreyPhoto,
  getPhoto,
  IMAGE_SPLITS,
  KMEANS_CLUSTERS,
  KMEANS_ITERATIONS,
  PHOTO_IDS,
  runPhotoKmeans,
  type PhotoId,
} from './photos';
import { PHOTO_SOURCES } from './photos.generated';

const EXPECTED_SIZES: Record<PhotoId, [number, number, number]> = {
  camera: [256, 256, 1],
  astronaut: [128, 128, 3],
  chelsea: [168, 112, 3],
  coffee: [168, 112, 3],
};

/** FNV-1a of the decoded pixels: pins the shipped data (regenerating must reproduce it). */
function hashBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const EXPECTED_HASHES: Record<PhotoId, number> = {
  camera: 2519628832,
  astronaut: 45374751,
  chelsea: 4038829041,
  coffee: 2571490471,
};

describe('decodeBase64', () => {
  it('decodes standard base64 with and without padding', () => {
    const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);
    expect(text(decodeBase64('TWFu'))).toBe('Man');
    expect(text(decodeBase64('TWE='))).toBe('Ma');
    expect(text(decodeBase64('TQ=='))).toBe('M');
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
    expect(Array.from(decodeBase64('AP8Q/w=='))).toEqual([0, 255, 16, 255]);
    expect(() => decodeBase64('TW!u')).toThrow('Invalid base64');
  });
});

describe('photos', () => {
  it('decode to the stated sizes, with credits and licences', () => {
    expect(PHOTO_IDS).toEqual(['camera', 'astronaut', 'chelsea', 'coffee']);
    expect(PHOTO_IDS).toEqual(Object.keys(PHOTO_SOURCES)); // the literal list follows the generated file
    for (const id of PHOTO_IDS) {
      const photo = getPhoto(id);
      const [width, height, channels] = EXPECTED_SIZES[id];
      expect([photo.width, photo.height, photo.channels]).toEqual([width, height, channels]);
      expect(photo.pixels.length).toBe(width * height * channels);
      expect(photo.credit.length).toBeGreaterThan(10);
      expect(photo.licence).toMatch(/CC0|[Pp]ublic domain/);
      expect(photo.url).toBe(`images/${id}.png`);
      expect(getPhoto(id)).toBe(photo); // cached
    }
  });

  it('are the pinned pixel data (the browser and the CLI sample the same bytes)', () => {
    const hashes = Object.fromEntries(PHOTO_IDS.map((id) => [id, hashBytes(getPhoto(id).pixels)]));
    expect(hashes).toEqual(EXPECTED_HASHES);
  });

  it('are real photographs: full 8-bit range used, not flat', () => {
    for (const id of PHOTO_IDS) {
      const { pixels } = getPhoto(id);
      let lo = 255,
        hi = 0,
        sum = 0;
      for (const p of pixels) {
        lo = Math.min(lo, p);
        hi = Math.max(hi, p);
        sum += p;
      }
      expect(hi - lo).toBeGreaterThan(180);
      expect(sum / pixels.length).toBeGreaterThan(40);
      expect(sum / pixels.length).toBeLessThan(215);
    }
  });

  it('ship display PNGs of the same size in public/images, with a credits file', () => {
    for (const id of PHOTO_IDS) {
      const png = readFileSync(new URL(`../../../public/images/${id}.png`, import.meta.url));
      expect(png.readUInt32BE(16)).toBe(PHOTO_SOURCES[id].width);
      expect(png.readUInt32BE(20)).toBe(PHOTO_SOURCES[id].height);
      expect(png[25]).toBe(PHOTO_SOURCES[id].channels === 1 ? 0 : 2); // PNG colour type
    }
    const credits = readFileSync(new URL('../../../public/images/CREDITS.md', import.meta.url), 'utf8');
    for (const id of PHOTO_IDS) expect(credits).toContain(`${id}.png`);
    expect(credits).toContain('CC0');
  });

  it('throws on an unknown photo', () => {
    expect(() => getPhoto('lena' as PhotoId)).toThrow('Unknown photo: lena');
    expect(() => getPhoto('__proto__' as PhotoId)).toThrow('Unknown photo');
  });

  it('grey versions: camera as is, RGB photos by integer Rec. 601 luma', () => {
    expect(getGreyPhoto('camera').pixels).toBe(getPhoto('camera').pixels);
    expect(computeLuma(255, 255, 255)).toBe(255);
    expect(computeLuma(0, 0, 0)).toBe(0);
    expect(computeLuma(100, 150, 200)).toBe(Math.floor((29900 + 88050 + 22800 + 500) / 1000));
    const photo = getPhoto('chelsea');
    const grey = getGreyPhoto('chelsea');
    expect([grey.width, grey.height, grey.channels]).toEqual([168, 112, 1]);
    for (const p of [0, 777, grey.pixels.length - 1]) expect(grey.pixels[p]).toBe(computeLuma(photo.pixels[3 * p], photo.pixels[3 * p + 1], photo.pixels[3 * p + 2]));
  });
});

describe('train/test split', () => {
  it('uses disjoint photographs for train and test, for every image target', () => {
    for (const split of Object.values(IMAGE_SPLITS)) {
      expect(split.train.length).toBeGreaterThan(0);
      expect(split.test.length).toBeGreaterThan(0);
      for (const id of split.test) expect(split.train).not.toContain(id);
    }
    expect(IMAGE_SPLITS.kmeans.train.every((id) => getPhoto(id).channels === 3)).toBe(true);
    expect(IMAGE_SPLITS.kmeans.test.every((id) => getPhoto(id).channels === 3)).toBe(true);
  });
});

describe('runPhotoKmeans', () => {
  const sumSquaredDistance = (id: PhotoId, centroids: Float64Array): number => {
    const { pixels } = getPhoto(id);
    const rgb = Float64Array.from(pixels, (p) => p / 255);
    let total = 0;
    for (let p = 0; p < rgb.length; p += 3) {
      const j = findNearestCentroid(rgb, p, centroids, KMEANS_CLUSTERS);
      for (let c = 0; c < 3; c++) total += (rgb[p + c] - centroids[3 * j + c]) ** 2;
    }
    return total;
  };

  it('is deterministic, keeps every iteration and lowers the k-means cost', () => {
    for (const id of ['astronaut', 'chelsea', 'coffee'] as const) {
      const run = runPhotoKmeans(id);
      expect(run.iterations).toHaveLength(KMEANS_ITERATIONS + 1);
      expect(run.final).toEqual(run.iterations[KMEANS_ITERATIONS]);
      for (const centroids of run.iterations) {
        expect(centroids).toHaveLength(KMEANS_CLUSTERS * 3);
        for (const v of centroids) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }
      expect(sumSquaredDistance(id, run.final)).toBeLessThan(sumSquaredDistance(id, run.iterations[0]) * 0.5);
    }
    expect(() => runPhotoKmeans('camera')).toThrow('RGB');
  });

  it('findNearestCentroid picks the closest colour', () => {
    const centroids = new Float64Array([0, 0, 0, 1, 1, 1, 1, 0, 0]);
    expect(findNearestCentroid([0.9, 0.1, 0.1], 0, centroids, 3)).toBe(2);
    expect(findNearestCentroid([0.2, 0.1, 0.1], 0, centroids, 3)).toBe(0);
    expect(findNearestCentroid([9, 0.8, 0.7, 0.9], 1, centroids, 3)).toBe(1);
  });
});
