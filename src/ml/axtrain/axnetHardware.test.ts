import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig } from '../../core/config';
import { createDataset } from '../../core/dataset';
import { createMethodTrainer } from '../methods';
import { evaluateAxnetOnHardware, fineTuneAxnetOnHardware } from './axnetHardware';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('AXNet on approximate hardware (issue 9 §5)', () => {
  it('exact equals the trainer’s own §V metrics; wide DRUM is near exact; NTV masks are seeded and leave no tensors', async () => {
    const config: LabConfig = { ...DEFAULT_CONFIG, steps: 300, trainSize: 1024, testSize: 512, backend: 'cpu', trainLone: false };
    const dataset = createDataset(config);
    const trainer = createMethodTrainer(config, 'axnet', { dataset });
    await trainer.train(config.steps);
    const own = (await trainer.evaluate()).metrics;
    const weights = await trainer.getWeights();
    trainer.dispose();
    const before = tf.memory().numTensors;
    const options = { drumKs: [1, 8], voltagesMv: [400 as const], runs: 4 };
    const results = await evaluateAxnetOnHardware(weights, dataset, config, options);
    expect(tf.memory().numTensors).toBe(before);
    const [exact, drum1, drum8, ntv] = results;
    expect(exact.trueInvocation.mean).toBe(own.trueInvocation);
    expect(exact.predictedInvocation.mean).toBe(own.predictedInvocation);
    expect(Math.abs(drum8.trueInvocation.mean - exact.trueInvocation.mean)).toBeLessThan(0.05);
    expect(drum1.energyRatio!).toBeLessThan(drum8.energyRatio!);
    expect(ntv.trueInvocation.runs).toBe(4);
    expect(await evaluateAxnetOnHardware(weights, dataset, config, options)).toEqual(results);
  }, 60_000);
});

describe('noise-aware AXNet', () => {
  it('fine-tunes a trained AXNet on DRUM-2 and on NTV 660 mV: new weights, same shapes, no leaked tensors, deterministic', async () => {
    const config: LabConfig = { ...DEFAULT_CONFIG, steps: 100, trainSize: 512, testSize: 256, backend: 'cpu', trainLone: false };
    const dataset = createDataset(config);
    const trainer = createMethodTrainer(config, 'axnet', { dataset });
    await trainer.train(config.steps);
    const weights = await trainer.getWeights();
    trainer.dispose();
    const before = tf.memory().numTensors;
    for (const setting of [
      { kind: 'drum' as const, k: 2 },
      { kind: 'ntv' as const, voltageMv: 660 as const, flipRate: 0.01 },
    ]) {
      const tuned = await fineTuneAxnetOnHardware(weights, dataset, config, setting, 20);
      expect(tuned.approximator.map((l) => l.kernel.length)).toEqual(weights.approximator.map((l) => l.kernel.length));
      expect(tuned.approximator[0].kernel).not.toEqual(weights.approximator[0].kernel);
      expect(await fineTuneAxnetOnHardware(weights, dataset, config, setting, 20)).toEqual(tuned);
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
