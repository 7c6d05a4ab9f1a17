import { describe, expect, it, vi } from 'vitest';

/** A fresh copy of the modules, without the setup file's loadPhotos(): the state a Bessel page is in. */
async function importFresh() {
  vi.resetModules();
  const photos = await import('./photos');
  const data = await import('./loadTargetData');
  const dataset = await import('../dataset');
  return { photos, data, dataset };
}

describe('photos load on demand', () => {
  it('nothing is loaded until an image target asks; then sampling works', async () => {
    const { photos, data, dataset } = await importFresh();
    expect(photos.arePhotosLoaded()).toBe(false);
    expect(() => photos.getPhoto('camera')).toThrow(/await loadPhotos\(\)/);
    expect(data.isTargetDataLoaded('jpeg')).toBe(false);
    expect(() => dataset.createDataset({ target: 'jpeg', seed: 1, trainSize: 64, testSize: 64 })).toThrow(/not loaded/);
    // Function targets need nothing and stay synchronous.
    expect(data.isTargetDataLoaded('bessel_Jnu')).toBe(true);
    await data.loadTargetData('bessel_Jnu');
    expect(photos.arePhotosLoaded()).toBe(false);

    await data.loadTargetData('sobel');
    expect(photos.arePhotosLoaded()).toBe(true);
    expect(data.isTargetDataLoaded('sobel')).toBe(true);
    expect(photos.getPhoto('camera').pixels.length).toBe(256 * 256);
    expect(dataset.createDataset({ target: 'jpeg', seed: 1, trainSize: 64, testSize: 64 }).trainX.length).toBe(64 * 64);
  });
});
