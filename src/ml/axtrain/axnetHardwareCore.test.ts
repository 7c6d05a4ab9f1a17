/**
 * The float64 evaluation the NPU view runs (src/core/approx/axnetOnHardware.ts) against its tf twin
 * (evaluateAxnetOnHardware, axnetHardware.ts) on the same trained weights and test set: the same formats, words,
 * masks and metrics, so the two agree to float32 rounding.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateAxnetOnHardwareSteps } from '../../core/approx/axnetOnHardware';
import { DEFAULT_CONFIG, type LabConfig } from '../../core/config';
import { runToCompletion } from '../../core/cooperative';
import { createDataset } from '../../core/dataset';
import { getTarget } from '../../core/targets';
import { createMethodTrainer } from '../methods';
import { evaluateAxnetOnHardware } from './axnetHardware';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('AXNet on approximate hardware: float64 core = tf twin', () => {
  it('exact, DRUM-k and NTV give the tf metrics and energies on a tiny trained net', async () => {
    const config: LabConfig = { ...DEFAULT_CONFIG, steps: 300, trainSize: 1024, testSize: 384, errorBound: 0.05, backend: 'cpu', trainLone: false };
    const dataset = createDataset(config);
    const trainer = createMethodTrainer(config, 'axnet', { dataset });
    await trainer.train(config.steps);
    const weights = await trainer.getWeights();
    trainer.dispose();
    const before = tf.memory().numTensors;
    const runs = 4;
    const tfResults = await evaluateAxnetOnHardware(weights, dataset, config, { drumKs: [1, 3, 6, 8], voltagesMv: [400, 660, 850], runs });
    expect(tf.memory().numTensors).toBe(before);
    const testSet = { x: dataset.testX, y: dataset.testY, inputDim: dataset.inputDim, outputDim: dataset.outputDim };
    const metric = getTarget(config.target).errorMetric;
    // The fixture routes: exact AXNet sends about half the test set to the approximator (bound 0.05, 300 steps).
    expect(tfResults[0].predictedInvocation.mean).toBeGreaterThan(0.2);
    expect(tfResults[0].predictedInvocation.mean).toBeLessThan(0.8);
    let compared = 0;
    for (const expected of tfResults) {
      const ours = runToCompletion(evaluateAxnetOnHardwareSteps(weights, testSet, { setting: expected.setting, metric, errorBound: config.errorBound, seed: config.seed, runs }));
      const label = JSON.stringify(expected.setting);
      // Fractions of the test set: one sample is 1/384, allowed because float32 vs float64 rounding could move a sample across the bound
      // or the decision; measured: equal in every setting. Overall error: measured within 6e-8 relative (float32 rounding).
      for (const key of ['trueInvocation', 'predictedInvocation', 'predictionAccuracy'] as const) {
        expect(ours[key].runs, `${label} ${key} runs`).toBe(expected[key].runs);
        expect(Math.abs(ours[key].mean - expected[key].mean), `${label} ${key}`).toBeLessThanOrEqual(1 / config.testSize + 1e-12);
        expect(Math.abs(ours[key].std - expected[key].std), `${label} ${key} std`).toBeLessThanOrEqual(1 / config.testSize + 1e-12);
      }
      expect(ours.overallError.runs, `${label} overallError runs`).toBe(expected.overallError.runs);
      if (expected.overallError.runs === 0) expect(ours.overallError.mean, `${label}: nothing predicted safe`).toBeNaN();
      else {
        expect(Math.abs(ours.overallError.mean - expected.overallError.mean), `${label} overallError`).toBeLessThanOrEqual(1e-5 * expected.overallError.mean);
        expect(Math.abs(ours.overallError.std - expected.overallError.std), `${label} overallError std`).toBeLessThanOrEqual(1e-5 * expected.overallError.mean);
      }
      if (expected.energyPj === null) expect(ours.energyPj).toBeNull();
      else expect(ours.energyPj).toBeCloseTo(expected.energyPj, 9);
      expect(ours.energyRatio ?? null).toBe(expected.energyRatio);
      compared++;
    }
    expect(compared).toBe(1 + 4 + 3);
  }, 60_000);
});
