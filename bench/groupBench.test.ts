import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../src/ml/backend';
import { GROUP_BENCH_CONFIG, groupBenchModels, measureGroupCell } from './groupBench';

describe('K-model bench cells', () => {
  beforeAll(async () => {
    tf.env().set('PROD', true);
    await selectBackend('cpu');
  });

  it('specs differ only in seed and are the issue-8 step (A 2-4-4-1, C 2-4-10, batch 128, AXNet only)', () => {
    const models = groupBenchModels(3, 'cpu');
    expect(models.map((m) => m.config.seed)).toEqual([1, 2, 3]);
    for (const { config } of models) {
      expect({ ...config, seed: GROUP_BENCH_CONFIG.seed, backend: GROUP_BENCH_CONFIG.backend }).toEqual(GROUP_BENCH_CONFIG);
    }
    expect(GROUP_BENCH_CONFIG).toMatchObject({ target: 'bessel_Jnu', approximatorHidden: [4, 4], predictorHidden: [4], batchSize: 128, learningRate: 0.01, trainLone: false });
  });

  it('times whole group steps through the group contract and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const cell = await measureGroupCell({ size: 2, backend: 'cpu', targetMs: 50, warmupSteps: 1 });
    expect(tf.memory().numTensors).toBe(before);
    expect(cell.size).toBe(2);
    expect(cell.steps).toBeGreaterThanOrEqual(1);
    expect(cell.ms).toBeGreaterThan(0);
    // model-steps/s counts every model's steps: K × steps ÷ seconds.
    expect(cell.modelStepsPerSecond).toBeCloseTo((2 * cell.steps * 1000) / cell.ms, 6);
  });
});
