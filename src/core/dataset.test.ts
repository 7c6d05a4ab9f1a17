import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { createDataset, sampleTargetRows } from './dataset';
import { computeBesselJ } from './targets/bessel';
import { getTarget } from './targets';
import { getPhoto, IMAGE_SPLITS, type PhotoId } from './targets/photos';
import type { DataSplit, TargetSpec } from './targets/types';

describe('createDataset', () => {
  const config = { ...DEFAULT_CONFIG, trainSize: 300, testSize: 100 };

  it('draws rows of the target with exact outputs, row-major', () => {
    const data = createDataset(config);
    expect(data.inputDim).toBe(2);
    expect(data.outputDim).toBe(1);
    expect(data.trainX.length).toBe(600);
    expect(data.trainY.length).toBe(300);
    expect(data.testX.length).toBe(200);
    expect(data.testY.length).toBe(100);
    for (let s = 0; s < 300; s += 37) {
      const [nu, x] = [data.trainX[2 * s], data.trainX[2 * s + 1]];
      expect(nu).toBeGreaterThanOrEqual(0);
      expect(nu).toBeLessThanOrEqual(1);
      expect(data.trainY[s]).toBe(Math.fround(computeBesselJ(nu, x)));
    }
  });

  it('is a function of the seed; train and test use separate streams', () => {
    const a = createDataset(config);
    expect(createDataset(config)).toEqual(a);
    expect(createDataset({ ...config, seed: 2 }).trainX).not.toEqual(a.trainX);
    expect(Array.from(a.testX.subarray(0, 20))).not.toEqual(Array.from(a.trainX.subarray(0, 20)));
    // Changing the train size does not move the test set.
    expect(createDataset({ ...config, trainSize: 400 }).testX).toEqual(a.testX);
  });

  it('works for a multi-output target', () => {
    const data = createDataset({ ...config, target: 'fft' });
    const target = getTarget('fft');
    expect(data.inputDim).toBe(target.inputDim);
    expect(data.trainY.length).toBe(300 * target.outputDim);
    expect(data.trainY.every(Number.isFinite)).toBe(true);
  });

  it('draws train rows with split train and test rows with split test', () => {
    const bessel = getTarget('bessel_Jnu');
    const seen: (DataSplit | undefined)[] = [];
    const spy: TargetSpec = {
      ...bessel,
      sampleInput: (rng, output, split) => {
        seen.push(split);
        bessel.sampleInput(rng, output, split);
      },
    };
    sampleTargetRows(spy, 3, 1, 'train-data');
    sampleTargetRows(spy, 2, 1, 'test-data');
    expect(seen).toEqual(['train', 'train', 'train', 'test', 'test']);
  });

  it('image targets: train and test rows come from different photographs (kmeans pixels)', () => {
    const data = createDataset({ ...config, target: 'kmeans', trainSize: 200, testSize: 200 });
    const colours = (ids: readonly PhotoId[]) => {
      const set = new Set<string>();
      for (const id of ids) {
        const { pixels } = getPhoto(id);
        for (let p = 0; p < pixels.length; p += 3) set.add([pixels[p], pixels[p + 1], pixels[p + 2]].join(','));
      }
      return set;
    };
    const trainColours = colours(IMAGE_SPLITS.kmeans.train),
      testColours = colours(IMAGE_SPLITS.kmeans.test);
    const pixelOf = (x: Float32Array, row: number) => [0, 1, 2].map((c) => Math.round(x[row * 6 + c] * 255)).join(',');
    for (let row = 0; row < 200; row++) {
      expect(trainColours.has(pixelOf(data.trainX, row))).toBe(true);
      expect(testColours.has(pixelOf(data.testX, row))).toBe(true);
    }
    // Exact labels: y = f(x) on the float32 inputs.
    const target = getTarget('kmeans');
    const y = new Float64Array(1);
    target.evaluate(data.testX.subarray(0, 6), y);
    expect(data.testY[0]).toBe(Math.fround(y[0]));
  });
});
