import { describe, expect, it } from 'vitest';
import {
  buildImageView,
  computeExactOutputs,
  computeImagePsnr,
  computeTileFractions,
  IMAGE_TARGET_IDS,
  isImageTarget,
  listViewPhotos,
  reconstructJpegBlock,
  renderExactImage,
  renderInputImage,
  renderOutputImage,
  renderRoutingMap,
} from './imageViews';
import { computeJpegBlock } from './targets/jpeg';
import { findNearestCentroid, getGreyPhoto, getPhoto, IMAGE_SPLITS } from './targets/photos';
import { computeSobel, fillSobelWindow } from './targets/sobel';

describe('image views', () => {
  it('know the image targets and show only test photos', () => {
    expect(IMAGE_TARGET_IDS).toEqual(['jpeg', 'sobel', 'kmeans']);
    expect(isImageTarget('sobel')).toBe(true);
    expect(isImageTarget('fft')).toBe(false);
    for (const id of IMAGE_TARGET_IDS) expect(listViewPhotos(id)).toEqual(IMAGE_SPLITS[id].test);
    expect(() => buildImageView('sobel', 'chelsea', { stride: 0 })).toThrow('Invalid stride');
  });

  it('jpeg: one row per aligned 8×8 block, inputs p/256 − 0.5', () => {
    const view = buildImageView('jpeg', 'chelsea');
    expect([view.width, view.height, view.tilesX, view.tilesY]).toEqual([168, 112, 21, 14]);
    expect([view.rowCount, view.rowsPerTile, view.inputDim, view.outputDim]).toEqual([294, 1, 64, 64]);
    expect(view.inputs.length).toBe(294 * 64);
    const grey = getGreyPhoto('chelsea');
    const tile = 3 * 21 + 5; // block row 3, column 5
    for (let i = 0; i < 64; i++) expect(view.inputs[tile * 64 + i]).toBe(grey.pixels[(24 + (i >> 3)) * 168 + 40 + (i & 7)] / 256 - 0.5);
  });

  it('jpeg: exact outputs decode back to the photo (PSNR > 25 dB at the quality-1024 table)', () => {
    for (const photo of listViewPhotos('jpeg')) {
      const view = buildImageView('jpeg', photo);
      const exact = renderExactImage(view);
      expect([exact.width, exact.height, exact.data.length]).toEqual([view.width, view.height, view.width * view.height * 4]);
      expect(computeImagePsnr(renderInputImage(view), exact)).toBeGreaterThan(25);
    }
  });

  it('jpeg: reconstructJpegBlock inverts a flat block exactly and a ramp closely', () => {
    const flat = new Float64Array(64).fill(40 / 256 - 0.5); // p = 40
    const out = new Float64Array(64);
    computeJpegBlock(flat, out);
    const pixels = new Float64Array(64);
    reconstructJpegBlock(out, 0, pixels);
    for (const p of pixels) expect(Math.abs(p - 40)).toBeLessThanOrEqual(2);
    const ramp = Float64Array.from({ length: 64 }, (_, i) => (60 + 10 * (i & 7) + 4 * (i >> 3)) / 256 - 0.5);
    computeJpegBlock(ramp, out);
    reconstructJpegBlock(out, 0, pixels);
    for (let i = 0; i < 64; i++) expect(Math.abs(pixels[i] - (60 + 10 * (i & 7) + 4 * (i >> 3)))).toBeLessThan(8);
  });

  it('sobel: exact outputs reassemble to the edge image min(255, s·√(2·256²))', () => {
    const view = buildImageView('sobel', 'coffee');
    expect([view.width, view.height, view.tileCount, view.rowCount]).toEqual([168, 112, 168 * 112, 168 * 112]);
    const image = renderExactImage(view);
    const grey = getGreyPhoto('coffee');
    const w = new Float64Array(9);
    for (const [x, y] of [
      [0, 0],
      [50, 40],
      [167, 111],
      [100, 3],
    ]) {
      fillSobelWindow(grey, x, y, w);
      const expected = Math.round(Math.min(255, Math.fround(computeSobel(w)) * Math.sqrt(2 * 256 * 256)));
      const o = (y * 168 + x) * 4;
      expect([image.data[o], image.data[o + 1], image.data[o + 2], image.data[o + 3]]).toEqual([expected, expected, expected, 255]);
    }
  });

  it('sobel: a stride subsamples the windows and fills stride×stride tiles', () => {
    const view = buildImageView('sobel', 'chelsea', { stride: 5 });
    expect([view.tilesX, view.tilesY, view.tileSize]).toEqual([34, 23, 5]);
    const outputs = new Float32Array(view.rowCount).fill(0.1);
    const image = renderOutputImage(view, outputs);
    expect(image.data.length).toBe(168 * 112 * 4);
    const v = Math.round(0.1 * Math.sqrt(2 * 256 * 256));
    for (let o = 0; o < image.data.length; o += 4) expect(image.data[o]).toBe(v);
  });

  it('kmeans: k rows per pixel; the smallest distance picks the centroid colour', () => {
    const view = buildImageView('kmeans', 'chelsea', { stride: 2 });
    expect([view.tilesX, view.tilesY, view.rowsPerTile, view.inputDim]).toEqual([84, 56, 6, 6]);
    expect(view.rowCount).toBe(84 * 56 * 6);
    const centroids = view.centroids!;
    expect(centroids).toHaveLength(18);
    const exactOutputs = computeExactOutputs(view);
    const image = renderOutputImage(view, exactOutputs);
    const photo = getPhoto('chelsea');
    for (const [tx, ty] of [
      [0, 0],
      [40, 30],
      [83, 55],
    ]) {
      const pixel = (2 * ty + 1) * 168 + 2 * tx + 1;
      const rgb = [0, 1, 2].map((c) => photo.pixels[3 * pixel + c] / 255);
      const j = findNearestCentroid(rgb, 0, centroids, 6);
      const o = (2 * ty * 168 + 2 * tx) * 4;
      expect(Array.from(image.data.subarray(o, o + 3))).toEqual([0, 1, 2].map((c) => Math.round(centroids[3 * j + c] * 255)));
    }
    // An approximator that ranks distances the other way recolours with other centroids.
    const flipped = renderOutputImage(
      view,
      exactOutputs.map((d) => -d),
    );
    expect(computeImagePsnr(image, flipped)).toBeLessThan(computeImagePsnr(renderInputImage(view), image));
  });

  it('routing map: per-tile colours from per-row CPU flags, blended for mixed kmeans tiles', () => {
    const jpeg = buildImageView('jpeg', 'coffee');
    const cpu = [200, 0, 0] as const,
      npu = [0, 0, 200] as const;
    const allNpu = renderRoutingMap(jpeg, new Uint8Array(jpeg.rowCount), { cpuColour: cpu, npuColour: npu });
    expect([allNpu.width, allNpu.height, allNpu.data.length]).toEqual([168, 112, 168 * 112 * 4]);
    expect(Array.from(allNpu.data.subarray(0, 4))).toEqual([0, 0, 200, 255]);
    const flags = Array.from({ length: jpeg.rowCount }, (_, t) => t === 1);
    const one = renderRoutingMap(jpeg, flags, { cpuColour: cpu, npuColour: npu });
    expect(Array.from(one.data.subarray(8 * 4, 8 * 4 + 3))).toEqual([200, 0, 0]); // block 1 starts at x = 8
    expect(Array.from(one.data.subarray(7 * 4, 7 * 4 + 3))).toEqual([0, 0, 200]);

    const kmeans = buildImageView('kmeans', 'coffee', { stride: 4 });
    const half = Array.from({ length: kmeans.rowCount }, (_, row) => row % 6 < 3);
    expect(Array.from(computeTileFractions(kmeans, half).subarray(0, 3))).toEqual([0.5, 0.5, 0.5]);
    const mixed = renderRoutingMap(kmeans, half, { cpuColour: cpu, npuColour: npu });
    expect(Array.from(mixed.data.subarray(0, 3))).toEqual([100, 0, 100]);

    const base = renderInputImage(kmeans);
    const tinted = renderRoutingMap(kmeans, half, { base, opacity: 0.5, cpuColour: cpu, npuColour: npu });
    expect(tinted.data[0]).toBe(Math.round(base.data[0] * 0.5 + 50));
    expect(() => renderRoutingMap(kmeans, [true])).toThrow('row flags');
  });

  it('rejects short outputs; PSNR is infinite for identical images', () => {
    const view = buildImageView('sobel', 'chelsea', { stride: 8 });
    expect(() => renderOutputImage(view, new Float32Array(3))).toThrow('outputs');
    const image = renderInputImage(view);
    expect(computeImagePsnr(image, image)).toBe(Infinity);
  });
});
