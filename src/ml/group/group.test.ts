import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig, type MethodId } from '../../core/config';
import { partitionModelGroups } from '../../core/modelGroup';
import { createDataset } from '../../core/dataset';
import { buildMethodProgram, createMethodTrainer } from '../methods';
import { nextEvaluationStep } from '../trainer';
import type { AxnetWeights, EvaluationPoint } from '../types';
import { createModelGroupTrainer, type ModelGroupTrainer } from './index';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const SMALL: LabConfig = { ...DEFAULT_CONFIG, backend: 'cpu', trainSize: 1024, testSize: 256, steps: 500, evalEvery: 250 };

async function runGroup(group: ModelGroupTrainer): Promise<EvaluationPoint[][]> {
  const points: EvaluationPoint[][] = [];
  while (group.step < group.totalSteps) {
    const next = nextEvaluationStep(group.step, { totalSteps: group.totalSteps, config: { evalEvery: group.configs[0].evalEvery } });
    await group.train(next - group.step);
    points.push(await group.evaluate());
  }
  return points;
}

async function runSolo(config: LabConfig, method: MethodId) {
  const trainer = createMethodTrainer(config, method);
  const points: EvaluationPoint[] = [];
  while (trainer.step < trainer.totalSteps) {
    const next = nextEvaluationStep(trainer.step, trainer);
    await trainer.train(next - trainer.step);
    points.push(await trainer.evaluate());
  }
  const weights = await trainer.getWeights();
  trainer.dispose();
  return { points, weights };
}

const flatten = (w: AxnetWeights) => [...w.approximator, ...w.predictor].flatMap((l) => [...l.kernel, ...l.bias]);

function expectWeightsClose(group: AxnetWeights, solo: AxnetWeights) {
  expect(group.approximator.map((l) => [l.fanIn, l.fanOut])).toEqual(solo.approximator.map((l) => [l.fanIn, l.fanOut]));
  expect(group.predictor.map((l) => [l.fanIn, l.fanOut])).toEqual(solo.predictor.map((l) => [l.fanIn, l.fanOut]));
  const a = flatten(group);
  const b = flatten(solo);
  a.forEach((v, i) => expect(Math.abs(v - b[i]), `weight ${i}: ${v} vs ${b[i]}`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(b[i]))));
}

describe('K models as one program equal their solo runs', () => {
  // Mixed seeds, bounds, learning rates and widths (padding of the approximator, the predictor and AXNet's control segments).
  const VARIANTS: Partial<LabConfig>[] = [
    { seed: 1 },
    { seed: 2, errorBound: 0.03 },
    { seed: 3, learningRate: 0.005 },
    { seed: 1, approximatorHidden: [6, 4] },
    { seed: 4, approximatorHidden: [4, 7], predictorHidden: [5] },
    { seed: 5, errorBound: 0.005, predictorHidden: [12] },
    { seed: 6, approximatorHidden: [3, 3], learningRate: 0.02 },
    { seed: 7, errorBound: 0.05, approximatorHidden: [8, 2], predictorHidden: [3] },
  ];

  it('AXNet, K = 8: every model gets its solo metrics exactly and its solo weights within float32 tolerance after 500 steps', async () => {
    const configs = VARIANTS.map((v) => ({ ...SMALL, ...v }));
    expect(partitionModelGroups(configs, 'axnet')).toHaveLength(1); // one program
    const group = createModelGroupTrainer(
      configs.map((config) => ({ config })),
      'axnet',
    );
    const points = await runGroup(group);
    for (let k = 0; k < configs.length; k++) {
      const solo = await runSolo(configs[k], 'axnet');
      expect(points.map((p) => p[k])).toEqual(solo.points);
      expectWeightsClose(await group.getWeights(k), solo.weights);
    }
    group.dispose();
  }, 240_000);

  it.each(['iterative', 'weightsharing', 'onepass', 'lone'] as const)(
    '%s, K = 4 with mixed seeds, bounds and widths',
    async (method) => {
      const configs = VARIANTS.slice(0, 4).map((v) => ({ ...SMALL, steps: 100, rounds: 2, evalEvery: 100, ...v }));
      const group = createModelGroupTrainer(
        configs.map((config) => ({ config })),
        method,
      );
      const points = await runGroup(group);
      for (let k = 0; k < configs.length; k++) {
        const solo = await runSolo(configs[k], method);
        expect(points.map((p) => p[k])).toEqual(solo.points);
        expectWeightsClose(await group.getWeights(k), solo.weights);
      }
      group.dispose();
    },
    240_000,
  );

  it('models of other depths go into separate programs and still equal their solo runs', async () => {
    const configs = [
      { ...SMALL, steps: 100, evalEvery: 100 },
      { ...SMALL, steps: 100, evalEvery: 100, seed: 2, approximatorHidden: [5] },
    ];
    expect(partitionModelGroups(configs, 'axnet')).toEqual([[0], [1]]);
    const group = createModelGroupTrainer(
      configs.map((config) => ({ config })),
      'axnet',
    );
    const points = await runGroup(group);
    for (let k = 0; k < 2; k++) expect(points.map((p) => p[k])).toEqual((await runSolo(configs[k], 'axnet')).points);
    group.dispose();
  }, 120_000);
});

describe('divergence is per model', () => {
  it("one model's NaN stops that model at its last good weights with a message; the others go on as alone", async () => {
    const before = tf.memory().numTensors;
    const configs = [1, 2, 3].map((seed) => ({ ...SMALL, seed, steps: 60, evalEvery: 20 }));
    const group = createModelGroupTrainer(
      configs.map((config) => ({ config })),
      'axnet',
      { injectNaN: { model: 1, step: 25 } },
    );
    expect((await group.train(20)).diverged).toEqual([null, null, null]);
    const good = await group.getWeights(1);
    const second = await group.train(20);
    expect(second.diverged[0]).toBeNull();
    expect(second.diverged[2]).toBeNull();
    expect(second.diverged[1]?.atStep).toBe(25);
    expect(second.diverged[1]?.message).toMatch(/NaN/);
    expect(group.stoppedAt).toEqual([null, 20, null]);
    await group.train(20);
    expect(await group.getWeights(1)).toEqual(good);
    const points = await group.evaluate();
    expect(points.map((p) => p.step)).toEqual([60, 20, 60]);
    for (const k of [0, 2]) {
      const solo = await runSolo(configs[k], 'axnet');
      // The metrics of the same weights (the losses average other windows: the solo run evaluated every 20 steps).
      expect(points[k].metrics).toEqual(solo.points.at(-1)!.metrics);
      expectWeightsClose(await group.getWeights(k), solo.weights);
    }
    group.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});

describe('a group checkpoint', () => {
  // Two programs (other depths) and a model that diverged before the checkpoint: the resumed group must carry all of it.
  const configs = [
    { ...SMALL, steps: 60, evalEvery: 20 },
    { ...SMALL, steps: 60, evalEvery: 20, seed: 2 },
    { ...SMALL, steps: 60, evalEvery: 20, seed: 3, approximatorHidden: [5] },
  ];
  const build = (options: Parameters<typeof createModelGroupTrainer>[2] = {}) =>
    createModelGroupTrainer(
      configs.map((config) => ({ config })),
      'axnet',
      options,
    );

  it("a group restored at step 40 ends on the uninterrupted group's points and weights bit for bit (cpu), with its stopped model", async () => {
    const before = tf.memory().numTensors;
    expect(partitionModelGroups(configs, 'axnet')).toEqual([[0, 1], [2]]);
    const uninterrupted = build({ injectNaN: { model: 1, step: 25 } });
    await uninterrupted.train(20);
    await uninterrupted.evaluate();
    await uninterrupted.train(20);
    await uninterrupted.evaluate();
    const saved = await uninterrupted.checkpoint();
    expect({ step: saved.step, size: saved.size, engines: saved.engines.length, backend: saved.backend }).toEqual({ step: 40, size: 3, engines: 2, backend: 'cpu' });
    await uninterrupted.train(20);
    const expected = await uninterrupted.evaluate();

    const resumed = build({ checkpoint: saved });
    expect(resumed.step).toBe(40);
    expect(resumed.stoppedAt).toEqual([null, 20, null]); // model 1 diverged at step 25 and keeps step 20
    expect(resumed.trainingMs).toBe(saved.trainingMs);
    await resumed.train(20);
    expect(await resumed.evaluate()).toEqual(expected);
    for (let k = 0; k < 3; k++) expect(await resumed.getWeights(k)).toEqual(await uninterrupted.getWeights(k));
    uninterrupted.dispose();
    resumed.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('a checkpoint of other models is refused with a reason, and leaks nothing', async () => {
    const group = build();
    await group.train(10);
    const saved = await group.checkpoint();
    group.dispose();
    const before = tf.memory().numTensors;
    expect(() => createModelGroupTrainer([{ config: configs[0] }], 'axnet', { checkpoint: saved })).toThrow(/does not fit 1 axnet/);
    expect(() =>
      createModelGroupTrainer(
        configs.map((config) => ({ config })),
        'lone',
        { checkpoint: saved },
      ),
    ).toThrow(/does not fit/);
    expect(() => build({ checkpoint: { ...saved, engines: [saved.engines[0], { ...saved.engines[1], step: 3 }] } })).toThrow(/different steps/);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});

describe('memory', () => {
  it('tf.memory().numTensors is unchanged over 200 steps for K = 64, and back to the start after dispose', async () => {
    const before = tf.memory().numTensors;
    const configs = Array.from({ length: 64 }, (_, k) => ({ ...SMALL, trainSize: 256, testSize: 64, seed: k + 1, errorBound: 0.005 + 0.001 * k }));
    const group = createModelGroupTrainer(
      configs.map((config) => ({ config })),
      'axnet',
    );
    await group.train(5);
    const settled = tf.memory().numTensors;
    for (let k = 0; k < 13; k++) await group.train(15);
    await group.evaluate();
    await group.getWeights(63);
    expect(tf.memory().numTensors).toBe(settled);
    expect(group.step).toBe(200);
    group.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});

describe('loss weights', () => {
  it('J = mse·La + ce·Lp per model: weights (1, 1) equal the paper J; other weights change only that model', async () => {
    const base = { ...SMALL, steps: 100, evalEvery: 100 };
    const group = createModelGroupTrainer([{ config: base }, { config: base, lossWeights: { mse: 1, ce: 0.1 } }], 'axnet');
    await group.train(100);
    const [plain, weighted] = await group.evaluate();
    const solo = await runSolo(base, 'axnet');
    expect(plain).toEqual(solo.points.at(-1));
    expect(weighted.crossEntropy).not.toBe(plain.crossEntropy);
    group.dispose();
  }, 60_000);
});

describe('initialization and the place of ⊙c come from each config', () => {
  it("the authors' initialization starts every bias of every net at exactly 0, with the kernels of the bias-0.1 start", async () => {
    const zero = createMethodTrainer({ ...SMALL, initialization: 'authorsZeroBias', methods: ['onepass'] }, 'onepass');
    const tenth = createMethodTrainer({ ...SMALL, initialization: 'bias0.1', methods: ['onepass'] }, 'onepass');
    const [z, t] = [(await zero.getBaselineWeights!())!, (await tenth.getBaselineWeights!())!];
    zero.dispose();
    tenth.dispose();
    for (const [a, b] of [
      [z.approximator, t.approximator],
      [z.classifier, t.classifier],
    ] as const) {
      a.forEach((layer, l) => {
        expect(Array.from(layer.bias).every((v) => Object.is(v, 0))).toBe(true);
        expect(Array.from(b[l].bias).every((v) => v === Math.fround(0.1))).toBe(true);
        expect(layer.kernel).toEqual(b[l].kernel);
      });
    }
  });

  it('K = 2 AXNet models with other initializations train as one program (⊙c inside the activation) and equal their solo runs', async () => {
    const base = { ...SMALL, steps: 60, evalEvery: 30, controlPlacement: 'insideActivation' as const };
    const configs = [
      { ...base, initialization: 'authorsZeroBias' as const },
      { ...base, initialization: 'bias0.1' as const, seed: 2 },
    ];
    expect(partitionModelGroups(configs, 'axnet')).toHaveLength(1);
    expect(partitionModelGroups([configs[0], { ...configs[0], controlPlacement: 'afterActivation' }], 'axnet')).toEqual([[0], [1]]);
    const group = createModelGroupTrainer(
      configs.map((config) => ({ config })),
      'axnet',
    );
    const points = await runGroup(group);
    for (let k = 0; k < 2; k++) {
      const solo = await runSolo(configs[k], 'axnet');
      expect(points.map((p) => p[k])).toEqual(solo.points);
      const weights = await group.getWeights(k);
      expect(weights.controlPlacement).toBe('insideActivation');
      expectWeightsClose(weights, solo.weights);
    }
    group.dispose();
    // One AXNet program refuses models that disagree on the place of ⊙c (partitionModelGroups keeps them apart).
    const other = { ...configs[1], controlPlacement: 'afterActivation' as const };
    expect(() =>
      buildMethodProgram(
        'axnet',
        [configs[0], other].map((config) => ({ config, dataset: createDataset(config) })),
      ),
    ).toThrow(/the place of ⊙c/);
  }, 120_000);
});
