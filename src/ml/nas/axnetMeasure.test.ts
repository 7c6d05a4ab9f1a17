import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNasRunConfig, type NasMethod } from '../../core/nas/config';
import type { NasConfig } from '../../core/nas/types';
import { aggregateAxnetCost } from '../../core/npu/aggregate';
import { getCpuPathCost } from '../../core/npu/cpuCost';
import { NPU_PARAM_PRESETS } from '../../core/npu/params';
import { TARGET_LAB_DEFAULTS } from '../../core/targets/labDefaults';
import { createMethodTrainer } from '../methods';
import { makeTwoNetLabConfig, measureTwoNetCandidates } from './axnetMeasure';
import { buildNasData } from './evaluate';
import { createNasSession, resolveNasSessionSettings, type NasSessionSettings } from './session';
import { planNasPrograms } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function tinySettings(method: NasMethod): NasSessionSettings {
  const config = { ...createNasRunConfig('blackscholes'), method, budget: 2, stepsPerCandidate: 20, batch: 2, maxWidth: 8, challengers: 50 };
  return { ...resolveNasSessionSettings(config), trainSize: 512, testSize: 128 };
}

describe('AXNet-NAS sessions (issue 10 §5)', () => {
  it("'axnet': every search spends its budget on two-net candidates, true invocation in [0, 1], finite system cost, tensors freed", async () => {
    const before = tf.memory().numTensors;
    const settings = tinySettings('axnet');
    expect(settings.space.predictor).toEqual({ maxHiddenLayers: 2, maxWidth: 32 });
    expect(settings.space.activations).toEqual(['relu']);
    const session = await createNasSession(settings);
    expect(await session.run({})).toBe(true);
    const records = session.state.records;
    for (const search of ['smac', 'random', 'enumeration'] as const) expect(records.filter((r) => r.search === search)).toHaveLength(2);
    expect(records.filter((r) => r.search === 'enumeration').map((r) => r.key)).toEqual(['2r|p4', '2r|p8']);
    for (const r of records) {
      expect(r.config.predictor?.length).toBeGreaterThan(0);
      const { invocation } = r.measure;
      expect(invocation).toBeDefined();
      for (const split of [invocation!.validation, invocation!.test]) {
        for (const fraction of [split.invokedWithinBound, split.withinBound, split.predicted]) {
          expect(fraction).toBeGreaterThanOrEqual(0);
          expect(fraction).toBeLessThanOrEqual(1);
        }
        // Invoked ∧ within the bound is at most either alone.
        expect(split.invokedWithinBound).toBeLessThanOrEqual(Math.min(split.withinBound, split.predicted) + 1e-12);
        expect(Number.isFinite(split.energyReduction)).toBe(true);
        expect(split.energyReduction).toBeGreaterThan(0);
        expect(split.energyReduction).toBeLessThanOrEqual(session.objective.scale.maxEnergyReduction + 1e-9);
      }
      expect(r.measure.valAccuracy).toBe(invocation!.validation.invokedWithinBound);
      expect(r.measure.testAccuracy).toBe(invocation!.test.invokedWithinBound);
      expect(Number.isFinite(r.fperf)).toBe(true);
      expect(session.nets.has(r.key)).toBe(true);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it("'onepass': the same space and budgets, with the baseline's approximator + classifier cost", async () => {
    const before = tf.memory().numTensors;
    const session = await createNasSession({ ...tinySettings('onepass'), searches: ['enumeration'], budget: 2 });
    await session.run({});
    const records = session.state.records;
    expect(records.map((r) => r.key)).toEqual(['2r|p4', '2r|p8']);
    for (const r of records) {
      expect(r.measure.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(r.measure.testAccuracy).toBeLessThanOrEqual(1);
      expect(Number.isFinite(r.measure.energyReduction)).toBe(true);
    }
    // The 'max' scale: the smallest approximator + classifier with every input on the NPU beats the CPU.
    expect(session.objective.scale.maxEnergyReduction).toBeGreaterThan(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a lone method refuses a predictor space, and a two-net method the lone space', async () => {
    await expect(createNasSession({ ...tinySettings('lone'), method: 'axnet' })).rejects.toThrow(/with a predictor/);
    await expect(createNasSession({ ...tinySettings('axnet'), method: 'lone' })).rejects.toThrow(/without a predictor/);
  });
});

describe('the AXNet measure equals the lab’s own trainer', () => {
  it('one candidate, same seed, same steps: the test numbers are createMethodTrainer + computeInvocationMetrics’s', async () => {
    const before = tf.memory().numTensors;
    // bessel_Jnu at its lab bound learns within a few hundred steps, so both invocations are neither 0 nor 1.
    const data = buildNasData({ target: 'bessel_Jnu', seed: 3, trainSize: 1024, testSize: 256 });
    const candidate: NasConfig = { layers: [{ width: 4, activation: 'relu' }], predictor: [8] };
    const options = { bound: 4 * TARGET_LAB_DEFAULTS.bessel_Jnu.errorBound, stepsPerCandidate: 300, seed: 3, learningRate: 0.01, batchSize: 32, data };
    const { candidates } = await measureTwoNetCandidates([candidate], 'axnet', options);
    const measured = candidates![0].measure;

    const trainer = createMethodTrainer(makeTwoNetLabConfig(candidate, 'axnet', options), 'axnet', { dataset: data.dataset });
    try {
      expect(trainer.topology.approximator).toEqual([2, 4, 1]);
      while (trainer.step < trainer.totalSteps) await trainer.train(trainer.totalSteps - trainer.step);
      expect(trainer.step).toBe(300);
      const { metrics } = await trainer.evaluate();
      // Not vacuous: some inputs are invoked, some within the bound, and the two fractions differ.
      expect(metrics.predictionAccuracy).toBeGreaterThan(0);
      expect(metrics.predictionAccuracy).toBeLessThan(metrics.trueInvocation);
      expect(measured.testAccuracy).toBe(metrics.predictionAccuracy);
      expect(measured.invocation!.test.withinBound).toBe(metrics.trueInvocation);
      expect(measured.invocation!.test.predicted).toBe(metrics.predictedInvocation);
      // The whole system's cost: the fused net's two paths weighted by the predicted invocation (aggregateAxnetCost).
      const npu = NPU_PARAM_PRESETS.eyeriss.params;
      const decisions = Array.from({ length: metrics.samples }, (_, s) => (s < metrics.predictedSafeCount ? 1 : 0));
      const lab = aggregateAxnetCost(await trainer.getWeights(), data.test.x, npu, { cpuCost: getCpuPathCost('bessel_Jnu'), predictedSafe: decisions });
      expect(measured.invocation!.test.energyReduction).toBeCloseTo(lab.energyGain, 12);
      expect(measured.invocation!.test.speedup).toBeCloseTo(lab.speedup, 12);
      expect(lab.energyGain).toBeGreaterThan(1);
    } finally {
      trainer.dispose();
    }
    // Another seed trains another net: the equality above is not vacuous.
    const other = await measureTwoNetCandidates([candidate], 'axnet', { ...options, seed: 4 });
    expect(other.candidates![0].measure.finalMse).not.toBe(measured.finalMse);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects candidates without a predictor or with non-ReLU layers', () => {
    const data = buildNasData({ target: 'blackscholes', seed: 1, trainSize: 256, testSize: 64 });
    const options = { bound: 0.01, stepsPerCandidate: 10, seed: 1, learningRate: 0.01, batchSize: 32, data };
    expect(() => makeTwoNetLabConfig({ layers: [{ width: 4, activation: 'relu' }] }, 'axnet', options)).toThrow(/predictor/);
    expect(() => makeTwoNetLabConfig({ layers: [{ width: 4, activation: 'tanh' }], predictor: [4] }, 'onepass', options)).toThrow(/ReLU/);
  });
});

describe('AXNet-NAS programs', () => {
  const relu = (widths: number[], predictor: number[]): NasConfig => ({ layers: widths.map((width) => ({ width, activation: 'relu' as const })), predictor });
  const twoNets = (c: NasConfig) => [
    [6, ...c.layers.map((l) => l.width), 1],
    [6, ...(c.predictor ?? []), c.layers.reduce((sum, l) => sum + l.width, 0) + 2],
  ];

  it('one program per depth pair of the two nets, packed under the padding budget', () => {
    const configs = [relu([4], [8]), relu([4], [8, 8]), relu([5], [4]), relu([4, 4], [8]), relu([120], [32]), relu([128], [30])];
    expect(planNasPrograms(configs, 6, 1, Number.POSITIVE_INFINITY, twoNets)).toEqual([[0, 2], [4, 5], [1], [3]]);
    expect(planNasPrograms(configs, 6, 1, 1, twoNets)).toHaveLength(6);
  });

  it('a candidate’s numbers do not depend on which candidates share its program (cpu, bit for bit)', async () => {
    const before = tf.memory().numTensors;
    const data = buildNasData({ target: 'blackscholes', seed: 2, trainSize: 512, testSize: 128 });
    const options = { bound: 0.05, stepsPerCandidate: 20, seed: 2, learningRate: 0.01, batchSize: 32, data };
    const configs = [relu([4], [8]), relu([6], [4]), relu([3], [8])];
    for (const method of ['axnet', 'onepass'] as const) {
      const together = await measureTwoNetCandidates(configs, method, { ...options, maxCandidatesPerProgram: 8 });
      const alone = await measureTwoNetCandidates(configs, method, { ...options, maxCandidatesPerProgram: 1 });
      const strip = (r: typeof together) => r.candidates!.map((c) => [c.key, c.measure.finalMse, c.measure.invocation]);
      expect(strip(together)).toEqual(strip(alone));
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
