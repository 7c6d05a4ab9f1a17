import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeAxnetForward } from '../../core/axnetMath';
import { DEFAULT_CONFIG, METHOD_IDS, type LabConfig, type MethodId } from '../../core/config';
import { createDataset } from '../../core/dataset';
import { computeLabelSign } from '../axnet';
import { runToCompletion } from '../session';
import { nextEvaluationStep } from '../trainer';
import type { DenseLayerWeights } from '../../core/weights';
import { computeClassifierCrossEntropy, computeMse } from './common';
import { buildFlatLayout, packFlatParameters, splitFlatParameters } from './flat';
import { METHOD_BUDGET_RULE, computeMethodTotalSteps } from '../../core/methods/budget';
import { createMethodTrainer } from './index';
import { computeWeightSharingWidths, forwardWeightSharing } from './weightsharing';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

// predictorHidden [4]: the fixture's C 2-4-10 (the lab default's predictor is wider since issue 7's calibration).
const SMALL: LabConfig = {
  ...DEFAULT_CONFIG,
  backend: 'cpu',
  steps: 30,
  rounds: 3,
  trainSize: 512,
  testSize: 256,
  evalEvery: 20,
  errorBound: 0.05,
  trainLone: false,
  predictorHidden: [4],
};
const DATA = createDataset(SMALL);

describe('budget', () => {
  it('gives every phase config.steps: AXNet / weight sharing / lone = steps, onepass = 2·steps, iterative = 2R·steps', () => {
    const expected: Record<MethodId, number> = { axnet: 30, weightsharing: 30, lone: 30, onepass: 60, iterative: 180 };
    for (const method of METHOD_IDS) {
      expect(computeMethodTotalSteps(SMALL, method)).toBe(expected[method]);
      const trainer = createMethodTrainer(SMALL, method, { dataset: DATA });
      expect(trainer.totalSteps).toBe(expected[method]);
      expect(trainer.method).toBe(method);
      trainer.dispose();
    }
    expect(METHOD_BUDGET_RULE).toMatch(/config\.steps/);
  });

  it('schedules evaluations up to totalSteps and reports phases and training time', async () => {
    const trainer = createMethodTrainer(SMALL, 'iterative', { dataset: DATA });
    expect(trainer.phase).toBe('round 1/3 · approximator');
    expect(nextEvaluationStep(170, trainer)).toBe(180);
    const phases: string[] = [];
    const { evaluations } = await runToCompletion(trainer, () => {
      phases.push(trainer.phase);
    });
    expect(evaluations.map((p) => p.step)).toEqual([20, 40, 60, 80, 100, 120, 140, 160, 180]);
    expect(phases[0]).toBe('round 1/3 · approximator'); // step 20 of the first 30
    expect(phases[1]).toBe('round 1/3 · classifier'); // step 40
    expect(phases.at(-1)).toBe('done');
    expect(trainer.trainingMs).toBeGreaterThan(0);
    trainer.dispose();
    // AXNet keeps the old contract: totalSteps = config.steps
    const axnet = createMethodTrainer(SMALL, 'axnet', { dataset: DATA });
    expect(axnet.totalSteps).toBe(SMALL.steps);
    expect(nextEvaluationStep(0, axnet)).toBe(nextEvaluationStep(0, SMALL));
    expect(await axnet.getBaselineWeights!()).toBeNull();
    axnet.dispose();
  });
});

describe.each(METHOD_IDS)('%s', (method) => {
  it('keeps tf.memory().numTensors constant while training and returns to the start after dispose', async () => {
    const before = tf.memory().numTensors;
    const trainer = createMethodTrainer(SMALL, method, { dataset: DATA });
    // Adam creates its moments of a variable at that variable's first step: settle once every network has trained.
    await trainer.train(trainer.totalSteps > SMALL.steps ? SMALL.steps + 5 : 5);
    const settled = tf.memory().numTensors;
    // crosses phase boundaries for iterative
    for (let k = 0; k < 5; k++) await trainer.train(13);
    await trainer.evaluate();
    await trainer.surface(6);
    await trainer.getWeights();
    await trainer.getBaselineWeights?.();
    expect(tf.memory().numTensors).toBe(settled);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is deterministic: same config ⇒ identical weights and metrics, however the steps are chunked', async () => {
    const total = computeMethodTotalSteps(SMALL, method);
    const run = async (chunks: number[]) => {
      const trainer = createMethodTrainer(SMALL, method, { dataset: DATA });
      for (const n of chunks) await trainer.train(n);
      const point = await trainer.evaluate();
      const weights = await trainer.getWeights();
      trainer.dispose();
      return { step: point.step, metrics: point.metrics, weights };
    };
    const a = await run([total]);
    expect(a.step).toBe(total);
    expect(await run([7, total])).toEqual(a);
    expect(await run([1, 29, 31, total])).toEqual(a);
  });

  it('evaluates with the §V metrics on the test set and gives a surface with the same shape as AXNet', async () => {
    const trainer = createMethodTrainer(SMALL, method, { dataset: DATA });
    await trainer.train(40);
    const point = await trainer.evaluate();
    expect(point.metrics.samples).toBe(SMALL.testSize);
    const snap = (await trainer.surface(5))!;
    expect(snap.axnet).toHaveLength(25);
    expect(snap.safeProbability).toHaveLength(25);
    if (method !== 'axnet') expect(snap.hidden).toEqual([]);
    // H(x) and P(x) of the surface equal the float64 reference on the exported weights.
    const weights = await trainer.getWeights();
    if (method !== 'lone') {
      const ref = computeAxnetForward(weights, [snap.ranges[0][0], snap.ranges[1][0]]);
      expect(snap.axnet[0]).toBeCloseTo(ref.output[0], 5);
      expect(snap.safeProbability[0]).toBeCloseTo(ref.safeProbability, 5);
    } else {
      expect(point.metrics.predictedInvocation).toBe(1);
    }
    expect(trainer.topology.parameters).toBe(trainer.parameterCounts.total);
    trainer.dispose();
  });

  it('stops on divergence, restores the last good weights and refuses to go on', async () => {
    // In the second phase where there is one (onepass / iterative: the classifier).
    const nanAt = computeMethodTotalSteps(SMALL, method) > SMALL.steps ? 35 : 25;
    const trainer = createMethodTrainer(SMALL, method, { dataset: DATA, injectNaNAtStep: nanAt });
    expect((await trainer.train(nanAt - 3)).diverged).toBeNull();
    const good = await trainer.getWeights();
    const result = await trainer.train(5);
    expect(result.diverged?.atStep).toBe(nanAt);
    expect(result.diverged?.message).toMatch(/NaN/);
    expect(trainer.step).toBe(nanAt - 3);
    expect(await trainer.getWeights()).toEqual(good);
    expect((await trainer.train(5)).diverged?.atStep).toBe(nanAt);
    expect(trainer.step).toBe(nanAt - 3);
    trainer.dispose();
  });
});

describe('onepass and iterative', () => {
  it('onepass equals iterative with one round: identical weights and metrics', async () => {
    const onepass = createMethodTrainer(SMALL, 'onepass', { dataset: DATA });
    const iterative = createMethodTrainer({ ...SMALL, rounds: 1 }, 'iterative', { dataset: DATA });
    expect(iterative.totalSteps).toBe(onepass.totalSteps);
    const a = await runToCompletion(onepass);
    const b = await runToCompletion(iterative);
    expect(b.evaluations.map((p) => p.metrics)).toEqual(a.evaluations.map((p) => p.metrics));
    expect(await iterative.getBaselineWeights!()).toEqual(await onepass.getBaselineWeights!());
    onepass.dispose();
    iterative.dispose();
  });

  it('trains one network per phase: the classifier is untouched during approximator phases and vice versa', async () => {
    const trainer = createMethodTrainer(SMALL, 'iterative', { dataset: DATA });
    const at0 = (await trainer.getBaselineWeights!())!;
    await trainer.train(30); // round 1 approximator
    const at30 = (await trainer.getBaselineWeights!())!;
    expect(at30.classifier).toEqual(at0.classifier);
    expect(at30.approximator).not.toEqual(at0.approximator);
    await trainer.train(30); // round 1 classifier
    const at60 = (await trainer.getBaselineWeights!())!;
    expect(at60.approximator).toEqual(at30.approximator);
    expect(at60.classifier).not.toEqual(at30.classifier);
    await trainer.train(30); // round 2 approximator: the classifier keeps still although Adam has moments for it
    expect((await trainer.getBaselineWeights!())!.classifier).toEqual(at60.classifier);
    trainer.dispose();
  });

  it('before the classifier is trained, the decision is the untrained classifier’s; the approximator phase equals the lone method', async () => {
    const onepass = createMethodTrainer(SMALL, 'onepass', { dataset: DATA });
    const lone = createMethodTrainer(SMALL, 'lone', { dataset: DATA });
    await onepass.train(30);
    await lone.train(30);
    const a = (await onepass.getBaselineWeights!())!;
    expect(a.approximator).toEqual((await lone.getBaselineWeights!())!.approximator);
    const point = await onepass.evaluate();
    const untrained = createMethodTrainer(SMALL, 'onepass', { dataset: DATA });
    const untrainedClassifier = (await untrained.getBaselineWeights!())!.classifier;
    expect(a.classifier).toEqual(untrainedClassifier);
    expect(point.metrics.trueInvocation).toBe((await lone.evaluate()).metrics.trueInvocation);
    [onepass, lone, untrained].forEach((t) => t.dispose());
  });

  it('the lone method equals the lone approximator trained beside AXNet (same init and batches)', async () => {
    const axnet = createMethodTrainer({ ...SMALL, trainLone: true }, 'axnet', { dataset: DATA });
    const lone = createMethodTrainer(SMALL, 'lone', { dataset: DATA });
    await axnet.train(25);
    await lone.train(25);
    expect((await lone.getBaselineWeights!())!.approximator).toEqual(await axnet.getLoneWeights!());
    axnet.dispose();
    lone.dispose();
  });

  it('notes an empty subset and falls back to all data', async () => {
    // A bound no sample meets: nothing is safe by both, so round 2 trains on all data.
    const config = { ...SMALL, errorBound: 1e-6, rounds: 2, steps: 5 };
    const trainer = createMethodTrainer(config, 'iterative', { dataset: DATA });
    await runToCompletion(trainer);
    expect(trainer.notes.join(' ')).toMatch(/Round 2\/2: choose_type 3 .* selected no training sample/);
    trainer.dispose();
  });
});

describe('weight sharing (§III-A)', () => {
  const widths = computeWeightSharingWidths(2, 1, [4, 3], [5, 6], 2);
  const layout = buildFlatLayout([
    { name: 'shared', widths: widths.shared, stream: 'lone-init' },
    { name: 'approximation', widths: widths.approximation, stream: 'lone-init' },
    { name: 'prediction', widths: widths.prediction, stream: 'baseline-init' },
  ]);
  const rand = (n: number, seed: number) => Float32Array.from({ length: n }, (_, k) => Math.sin(seed * 97 + k * 13.7) * 0.8);
  const makeNet = (w: number[], seed: number): DenseLayerWeights[] =>
    w.slice(1).map((fanOut, k) => ({ fanIn: w[k], fanOut, kernel: rand(w[k] * fanOut, seed + k), bias: rand(fanOut, seed + 10 + k) }));
  const nets = { shared: makeNet(widths.shared, 1), approximation: makeNet(widths.approximation, 2), prediction: makeNet(widths.prediction, 3) };
  const x = [
    [0.2, 0.9],
    [0.7, 0.1],
    [0.5, 0.5],
  ];
  const y = [[0.3], [0.1], [-0.2]];

  it('maps the config: shared [N → L_1], approximation [L_1, L_2…, M], prediction [L_1, P_2…, k]', () => {
    expect(widths).toEqual({ shared: [2, 4], approximation: [4, 3, 1], prediction: [4, 6, 2] });
    const trainer = createMethodTrainer({ ...SMALL, approximatorHidden: [4, 3], predictorHidden: [5, 6] }, 'weightsharing', { dataset: DATA });
    expect(trainer.topology.sharedLayers).toBe(1);
    expect(trainer.topology.approximator).toEqual([2, 4, 3, 1]);
    expect(trainer.topology.predictor).toEqual([2, 4, 6, 2]);
    // one shared layer counted once: 2·4+4 + (4·3+3 + 3·1+1) + (4·6+6 + 6·2+2)
    expect(trainer.parameterCounts.total).toBe(12 + 19 + 44);
    trainer.dispose();
  });

  it('La reaches the shared and approximation layers only; Lp the shared and prediction layers only', () => {
    const theta = tf.tensor1d(packFlatParameters(layout, nets));
    const xs = tf.tensor2d(x);
    const ys = tf.tensor2d(y);
    const gradOf = (loss: 'La' | 'Lp'): Float32Array =>
      tf.tidy(
        () =>
          tf
            .grad((t: tf.Tensor) => {
              const parts = splitFlatParameters(t as tf.Tensor1D, layout);
              const f = forwardWeightSharing({ shared: parts.shared, approximation: parts.approximation, prediction: parts.prediction }, xs, 'softmax');
              return loss === 'La' ? computeMse(f.output, ys) : computeClassifierCrossEntropy(f.gap, computeLabelSign(f.output, ys, 'absolute', 0.2));
            })(theta)
            .dataSync() as Float32Array,
      );
    const range = (name: string) => {
      const slots = layout.slots[name];
      return [slots[0].kernelOffset, slots.at(-1)!.biasOffset + slots.at(-1)!.fanOut];
    };
    const norm = (g: Float32Array, name: string) => {
      const [lo, hi] = range(name);
      return g.subarray(lo, hi).reduce((a, v) => a + Math.abs(v), 0);
    };
    const gA = gradOf('La');
    const gP = gradOf('Lp');
    expect(norm(gA, 'shared')).toBeGreaterThan(0);
    expect(norm(gA, 'approximation')).toBeGreaterThan(0);
    expect(norm(gA, 'prediction')).toBe(0);
    expect(norm(gP, 'shared')).toBeGreaterThan(0);
    expect(norm(gP, 'prediction')).toBeGreaterThan(0);
    expect(norm(gP, 'approximation')).toBe(0);
    [theta, xs, ys].forEach((t) => t.dispose());
  });

  it('perturbing the shared kernel changes H(x) and P(x); perturbing a prediction-only kernel leaves H(x) unchanged', () => {
    const run = (n: typeof nets) =>
      tf.tidy(() => {
        const theta = tf.tensor1d(packFlatParameters(layout, n));
        const parts = splitFlatParameters(theta, layout);
        const f = forwardWeightSharing({ shared: parts.shared, approximation: parts.approximation, prediction: parts.prediction }, tf.tensor2d(x), 'softmax');
        return { h: Array.from(f.output.dataSync()), p: Array.from(f.gap.dataSync()) };
      });
    const bump = (layers: DenseLayerWeights[], k: number) => layers.map((layer, i) => (i === k ? { ...layer, kernel: layer.kernel.map((v) => v + 0.3) } : layer));
    const base = run(nets);
    const sharedBumped = run({ ...nets, shared: bump(nets.shared, 0) });
    expect(sharedBumped.h).not.toEqual(base.h);
    expect(sharedBumped.p).not.toEqual(base.p);
    const predictionBumped = run({ ...nets, prediction: bump(nets.prediction, 0) });
    expect(predictionBumped.h).toEqual(base.h);
    expect(predictionBumped.p).not.toEqual(base.p);
    const approximationBumped = run({ ...nets, approximation: bump(nets.approximation, 0) });
    expect(approximationBumped.p).toEqual(base.p);
    expect(approximationBumped.h).not.toEqual(base.h);
  });

  it('exports the shared layer as the first layer of both nets (the same numbers), and they compute H and P as trained', async () => {
    const trainer = createMethodTrainer(SMALL, 'weightsharing', { dataset: DATA });
    await trainer.train(20);
    const w = (await trainer.getBaselineWeights!())!;
    expect(w.approximator[0]).toEqual(w.classifier[0]);
    expect(w.approximator.map((l) => [l.fanIn, l.fanOut])).toEqual([
      [2, 4],
      [4, 4],
      [4, 1],
    ]);
    expect(w.classifier.map((l) => [l.fanIn, l.fanOut])).toEqual([
      [2, 4],
      [4, 2],
    ]);
    const surface = (await trainer.surface(2))!;
    const corner = [surface.ranges[0][0], surface.ranges[1][0]];
    expect(forwardApproximatorPlain(w.approximator, corner)).toBeCloseTo(surface.axnet[0], 5);
    expect(surface.hidden).toEqual([]);
    trainer.dispose();
  });
});

describe('AXNet with parameter matching', () => {
  it('uses the matched widths and reports the counts', async () => {
    const trainer = createMethodTrainer({ ...SMALL, matchParameters: true }, 'axnet', { dataset: DATA });
    const match = trainer.topology.match!;
    expect(match).not.toBeNull();
    expect(Math.abs(match.ratio - 1)).toBeLessThanOrEqual(0.03);
    expect(trainer.effectiveConfig.approximatorHidden).toEqual(match.approximatorHidden);
    expect(trainer.effectiveConfig.predictorHidden).toEqual(match.predictorHidden);
    expect(trainer.parameterCounts.total).toBe(match.axnetParams);
    const onepass = createMethodTrainer(SMALL, 'onepass', { dataset: DATA });
    expect(onepass.parameterCounts.total).toBe(match.baselineParams);
    expect(trainer.notes[0]).toMatch(/matched/);
    trainer.dispose();
    onepass.dispose();
  });
});

/** Plain ReLU MLP (first output), for exported weights. */
function forwardApproximatorPlain(layers: DenseLayerWeights[], input: number[]): number {
  let a = input;
  layers.forEach((layer, k) => {
    const next = Array.from({ length: layer.fanOut }, (_, j) => a.reduce((s, v, i) => s + v * layer.kernel[i * layer.fanOut + j], layer.bias[j]));
    a = k < layers.length - 1 ? next.map((v) => Math.max(0, v)) : next;
  });
  return a[0];
}
