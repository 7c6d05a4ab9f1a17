import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { createDataset } from './dataset';
import { computeBesselJ } from './targets/bessel';
import { getTarget } from './targets';

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
});
