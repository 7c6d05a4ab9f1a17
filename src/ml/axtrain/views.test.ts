import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAxtrainConfig } from '../../core/axtrain/config';
import { loadAxtrainData } from './data';
import { createAxtrainTrainer } from './trainer';
import { computeLastLayerSensitivityMap, computeLossLandscape } from './views';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('AxTrain views', () => {
  it('Fig. 1 and Fig. 4 data from a trained net: a minimum at α = 0, a non-negative last-layer map, no leaked tensors', async () => {
    const config = { ...createAxtrainConfig('breastcancer'), epochs: 10 };
    const data = await loadAxtrainData(config);
    const trainer = createAxtrainTrainer(config, 'bp', data);
    await trainer.train(trainer.totalSteps);
    const before = tf.memory().numTensors;
    const landscape = await computeLossLandscape(trainer, { points: 11, span: 1 });
    expect(landscape.alphas).toHaveLength(11);
    expect(landscape.alphas[5]).toBeCloseTo(0, 12);
    const atZero = landscape.losses[5];
    expect(atZero).toBeCloseTo((await trainer.evaluate()).testLoss, 5);
    expect(landscape.losses[0]).toBeGreaterThan(atZero);
    expect(landscape.losses[10]).toBeGreaterThan(atZero);
    expect(await computeLossLandscape(trainer, { points: 11, span: 1 })).toEqual(landscape); // same direction every call
    const map = await computeLastLayerSensitivityMap(trainer);
    expect([map.fanIn, map.fanOut]).toEqual([64, 2]);
    expect(map.values.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
    expect(map.values.some((v) => v > 0)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  });
});
