/**
 * The shared machinery of the baseline trainers (onepass, iterative, weight sharing, lone): a global
 * step counter over sequential phases (budget.ts), one flat θ variable and ONE Adam per network group,
 * seeded batches, the divergence guard, loss averaging, and the §V metrics on the test set — the same
 * EvaluationPoint / SurfaceSnapshot as the AXNet trainer (src/ml/trainer.ts).
 *
 * Groups: the networks one Adam updates together. Separately trained networks (onepass / iterative's
 * approximator and classifier) are separate groups: with one Adam over both, Adam's momentum would keep
 * moving the network that is not being trained (its gradient is 0, its first moment is not).
 *
 * Determinism: phases are entered lazily at the first step that belongs to them (a pure function of
 * the weights at that moment), batches come from the 'batches' stream one draw sequence per step, and
 * the only syncs are at chunk ends and phase entries ⇒ the same numbers however train(n) is chunked.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName, LabConfig, MethodId } from '../../core/config';
import type { Dataset } from '../../core/dataset';
import { computeInvocationMetrics, computeSampleErrors } from '../../core/metrics';
import { createRng } from '../../core/rng';
import { getTarget } from '../../core/targets';
import type { DenseTensors } from '../axnet';
import { ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON, buildSurfaceGrid, pickSurfaceOutput } from '../trainer';
import type {
  AxnetWeights,
  BaselineWeights,
  EvaluationPoint,
  LabTrainer,
  MethodTopology,
  MethodTrainer,
  SurfaceSnapshot,
  TrainChunkResult,
} from '../types';
import type { MethodPhase, PhaseKind } from '../../core/methods/budget';
import { buildFlatLayout, initializeFlatParameters, readFlatNet, splitFlatParameters, type FlatLayout, type FlatNetSpec } from './flat';

/** Net tensors of all groups by net name. */
export type NetTensors = Record<string, DenseTensors[]>;

/** What a phase trains on: sample indices (null = all training data) and fixed labels (1 safe) or null. */
export interface PhaseData {
  indices: Int32Array | null;
  labels: Uint8Array | null;
}

export interface PhaseTools {
  /** H(x) [trainSize × outputDim] and the classifier's logit gap [trainSize] (null: none) on the whole training set. */
  predictTrainSet(): Promise<{ output: Float32Array; gap: Float32Array | null }>;
  /** Per-sample error of H(x) on the training set (the target's metric). */
  computeTrainErrors(output: Float32Array): Float64Array;
  /** Adds a line to trainer.notes. */
  note(text: string): void;
}

export interface PhasedPhase extends MethodPhase {
  /** Which group's θ this phase updates. */
  group: string;
}

export interface PhasedTrainerSpec {
  method: MethodId;
  config: Readonly<LabConfig>;
  dataset: Dataset;
  groups: { name: string; nets: FlatNetSpec[] }[];
  phases: PhasedPhase[];
  topology: MethodTopology;
  parameterCounts: LabTrainer['parameterCounts'];
  /**
   * The loss of one step, built inside optimizer.minimize. x: [batch, N], y: [batch, M]; sign: [batch, 1]
   * with s = 1 − 2·p_label for fixed labels (classifier phases), else null.
   */
  computeStepLoss(kind: PhaseKind, nets: NetTensors, x: tf.Tensor2D, y: tf.Tensor2D, sign: tf.Tensor2D | null): StepLoss;
  /** H(x) [n, M] and the classifier's logit gap [n, 1] (safe ⇔ gap > 0), or null when there is no classifier. */
  predict(nets: NetTensors, x: tf.Tensor2D): { output: tf.Tensor2D; gap: tf.Tensor2D | null };
  /** Called once before the first step of each phase; returns the phase's data. Default: all data, no labels. */
  enterPhase?(index: number, tools: PhaseTools): Promise<PhaseData>;
  /** Plain weights from the nets read back. */
  toAxnetWeights(read: (net: string) => AxnetWeights['approximator']): AxnetWeights;
  toBaselineWeights(read: (net: string) => AxnetWeights['approximator']): BaselineWeights;
  injectNaNAtStep?: number;
  notes?: string[];
}

/** Scalars of one step: the minimized total, and the parts reported (null when the phase has none). */
export interface StepLoss {
  total: tf.Scalar;
  mse: tf.Scalar | null;
  crossEntropy: tf.Scalar | null;
}

interface Group {
  name: string;
  layout: FlatLayout;
  theta: tf.Variable<tf.Rank.R1>;
  optimizer: tf.AdamOptimizer;
  lastGood: tf.Tensor1D;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Widths of the kept loss vector per phase kind: [MSE, CE] | [MSE] | [CE]. */
const KEPT: Record<PhaseKind, { mse: boolean; ce: boolean }> = {
  joint: { mse: true, ce: true },
  approximator: { mse: true, ce: false },
  classifier: { mse: false, ce: true },
};

export function createPhasedTrainer(spec: PhasedTrainerSpec): MethodTrainer {
  const { config, dataset, phases } = spec;
  const backend = tf.getBackend() as BackendName;
  const target = getTarget(config.target);
  const { inputDim, outputDim } = dataset;
  const totalSteps = phases.reduce((sum, p) => sum + p.steps, 0);
  const phaseEnds: number[] = [];
  phases.reduce((sum, p) => {
    phaseEnds.push(sum + p.steps);
    return sum + p.steps;
  }, 0);

  const groups: Group[] = spec.groups.map((g) => {
    const layout = buildFlatLayout(g.nets);
    const theta = tf.tidy(() => tf.variable(tf.tensor1d(initializeFlatParameters(layout, config.seed)), true)) as tf.Variable<tf.Rank.R1>;
    return {
      name: g.name,
      layout,
      theta,
      optimizer: tf.train.adam(config.learningRate, ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON),
      lastGood: tf.clone(theta),
    };
  });
  const groupByName = new Map(groups.map((g) => [g.name, g]));
  for (const phase of phases) if (!groupByName.has(phase.group)) throw new Error(`Phase ${phase.label}: unknown group ${phase.group}`);

  const testX = tf.tensor2d(dataset.testX, [dataset.testSize, inputDim]);
  const trainX = tf.tensor2d(dataset.trainX, [dataset.trainSize, inputDim]);
  const batchRng = createRng(config.seed, 'batches');
  const batchX = new Float32Array(config.batchSize * inputDim);
  const batchY = new Float32Array(config.batchSize * outputDim);
  const batchSign = new Float32Array(config.batchSize);
  const notes: string[] = [...(spec.notes ?? [])];

  let step = 0;
  let lastGoodStep = 0;
  let enteredPhase = -1;
  let phaseData: PhaseData = { indices: null, labels: null };
  let diverged: TrainChunkResult['diverged'] = null;
  let disposed = false;
  let trainingMs = 0;
  let mseSum = 0, mseCount = 0, ceSum = 0, ceCount = 0;
  let lastMse = Number.NaN, lastCe = Number.NaN;

  const assertUsable = () => {
    if (disposed) throw new Error('This trainer has been disposed');
  };
  const phaseIndexAt = (s: number): number => {
    for (let p = 0; p < phases.length; p++) if (s < phaseEnds[p]) return p;
    return phases.length;
  };
  const splitAll = (): NetTensors => Object.assign({}, ...groups.map((g) => splitFlatParameters(g.theta, g.layout)));

  const runPredict = async (x: tf.Tensor2D): Promise<{ output: Float32Array; gap: Float32Array | null }> => {
    const tensors = tf.tidy(() => {
      const { output, gap } = spec.predict(splitAll(), x);
      return gap ? [output, gap] : [output];
    });
    try {
      const [output, gap] = (await Promise.all(tensors.map((t) => t.data()))) as Float32Array[];
      return { output, gap: gap ?? null };
    } finally {
      tensors.forEach((t) => t.dispose());
    }
  };

  const tools: PhaseTools = {
    predictTrainSet: () => runPredict(trainX),
    computeTrainErrors: (output) => computeSampleErrors(target.errorMetric, output, dataset.trainY, outputDim),
    note: (text) => {
      notes.push(text);
    },
  };

  /** batchSize samples drawn with replacement from the phase's data ('batches' stream, one sequence per step). */
  const drawBatch = () => {
    const { indices, labels } = phaseData;
    for (let k = 0; k < config.batchSize; k++) {
      const index = indices ? indices[batchRng.int(indices.length)] : batchRng.int(dataset.trainSize);
      batchX.set(dataset.trainX.subarray(index * inputDim, (index + 1) * inputDim), k * inputDim);
      batchY.set(dataset.trainY.subarray(index * outputDim, (index + 1) * outputDim), k * outputDim);
      if (labels) batchSign[k] = labels[index] ? -1 : 1; // s = 1 − 2·p_label
    }
  };

  /** One Adam step of one group; returns the kept losses ([MSE, CE] / [MSE] / [CE]). */
  const runStep = (phase: PhasedPhase, poison: boolean): tf.Tensor1D =>
    tf.tidy(() => {
      const group = groupByName.get(phase.group)!;
      const x = tf.tensor2d(batchX, [config.batchSize, inputDim]);
      const y = tf.tensor2d(batchY, [config.batchSize, outputDim]);
      const sign = phaseData.labels ? tf.tensor2d(batchSign, [config.batchSize, 1]) : null;
      let kept: tf.Tensor1D | null = null;
      group.optimizer.minimize(
        () => {
          const parts = spec.computeStepLoss(phase.kind, splitFlatParameters(group.theta, group.layout), x, y, sign);
          const vector = [parts.mse, parts.crossEntropy].filter((v): v is tf.Scalar => v !== null);
          let total = parts.total;
          if (poison) total = tf.mul(total, Number.NaN) as tf.Scalar;
          kept = tf.keep(tf.stack(poison ? vector.map((v) => tf.mul(v, Number.NaN)) : vector) as tf.Tensor1D);
          return total;
        },
        false,
        [group.theta],
      );
      return kept!;
    });

  const train = async (requested: number): Promise<TrainChunkResult> => {
    assertUsable();
    if (diverged) return { step, diverged };
    const count = Math.max(0, Math.min(Math.floor(requested), totalSteps - step));
    if (count === 0) return { step, diverged: null };
    const started = now();
    const chunkStart = step;
    const stepLosses: tf.Tensor1D[] = [];
    const stepKinds: PhaseKind[] = [];
    try {
      for (let k = 0; k < count; k++) {
        const p = phaseIndexAt(chunkStart + k);
        if (p !== enteredPhase) {
          phaseData = spec.enterPhase ? await spec.enterPhase(p, tools) : { indices: null, labels: null };
          enteredPhase = p;
        }
        drawBatch();
        stepLosses.push(runStep(phases[p], spec.injectNaNAtStep === chunkStart + k + 1));
        stepKinds.push(phases[p].kind);
      }
    } catch (error) {
      stepLosses.forEach((t) => t.dispose());
      throw error;
    }
    // The only sync of the chunk (besides phase entries): every step's losses and Σθ of each group.
    const all = tf.concat(stepLosses) as tf.Tensor1D;
    const sums = groups.map((g) => tf.sum(g.theta));
    stepLosses.forEach((t) => t.dispose());
    let values: Float32Array, thetaChecks: Float32Array[];
    try {
      [values, ...thetaChecks] = (await Promise.all([all.data(), ...sums.map((t) => t.data())])) as Float32Array[];
    } finally {
      all.dispose();
      sums.forEach((t) => t.dispose());
    }
    let badStep = -1;
    let offset = 0;
    const parsed: { mse: number | null; ce: number | null }[] = [];
    for (let k = 0; k < count; k++) {
      const kept = KEPT[stepKinds[k]];
      const mse = kept.mse ? values[offset++] : null;
      const ce = kept.ce ? values[offset++] : null;
      parsed.push({ mse, ce });
      if (badStep < 0 && ((mse !== null && !Number.isFinite(mse)) || (ce !== null && !Number.isFinite(ce)))) badStep = k;
    }
    if (badStep < 0 && thetaChecks.some((c) => !Number.isFinite(c[0]))) badStep = count - 1;
    if (badStep >= 0) {
      // Restore the weights of the chunk start and refuse further training (as the AXNet trainer).
      for (const g of groups) g.theta.assign(g.lastGood);
      step = lastGoodStep;
      diverged = {
        atStep: chunkStart + badStep + 1,
        message: `Training diverged: the loss or the weights became NaN/Inf at step ${chunkStart + badStep + 1}; the weights of step ${lastGoodStep} were restored. Try a smaller learning rate.`,
      };
      trainingMs += now() - started;
      return { step, diverged };
    }
    for (const { mse, ce } of parsed) {
      if (mse !== null) {
        mseSum += mse;
        mseCount++;
      }
      if (ce !== null) {
        ceSum += ce;
        ceCount++;
      }
    }
    step = chunkStart + count;
    for (const g of groups) {
      g.lastGood.dispose();
      g.lastGood = tf.clone(g.theta);
    }
    lastGoodStep = step;
    trainingMs += now() - started;
    return { step, diverged: null };
  };

  const evaluate = async (): Promise<EvaluationPoint> => {
    assertUsable();
    const { output, gap } = await runPredict(testX);
    const errors = computeSampleErrors(target.errorMetric, output, dataset.testY, outputDim);
    // Classifier decision: predicted safe ⇔ gap > 0 (untrained classifier before its first phase);
    // no classifier (lone): every input is approximated.
    const predictedSafe = gap ? Uint8Array.from(gap, (g) => (g > 0 ? 1 : 0)) : new Uint8Array(errors.length).fill(1);
    const metrics = computeInvocationMetrics(errors, predictedSafe, config.errorBound);
    if (mseCount > 0) lastMse = mseSum / mseCount;
    if (ceCount > 0) lastCe = ceSum / ceCount;
    mseSum = mseCount = ceSum = ceCount = 0;
    const loss = (Number.isFinite(lastMse) ? lastMse : 0) + (Number.isFinite(lastCe) ? lastCe : 0);
    return {
      step,
      metrics,
      loss: Number.isFinite(lastMse) || Number.isFinite(lastCe) ? loss : Number.NaN,
      mse: lastMse,
      crossEntropy: lastCe,
      loneTrueInvocation: null,
    };
  };

  const surface = async (resolution: number): Promise<SurfaceSnapshot | null> => {
    assertUsable();
    if (inputDim !== 2 || target.inputRanges.length < 2) return null;
    const n = Math.max(1, Math.floor(resolution));
    const { inputs, exact, ranges } = buildSurfaceGrid(target, n);
    const grid = tf.tensor2d(inputs, [n * n, 2]);
    let predicted: { output: Float32Array; gap: Float32Array | null };
    try {
      predicted = await runPredict(grid);
    } finally {
      grid.dispose();
    }
    const { output, gap } = predicted;
    const outputs = Array.from({ length: outputDim }, (_, k) => ({ target: pickSurfaceOutput(exact, outputDim, k), axnet: pickSurfaceOutput(output, outputDim, k), lone: null }));
    const sigmoid = (g: number) => (g >= 0 ? 1 / (1 + Math.exp(-g)) : Math.exp(g) / (1 + Math.exp(g)));
    return {
      step,
      resolution: n,
      ranges,
      ...outputs[0],
      outputs,
      error: Float32Array.from(computeSampleErrors(target.errorMetric, output, exact, outputDim)),
      safeProbability: gap ? Float32Array.from(gap, sigmoid) : new Float32Array(n * n).fill(1),
      hidden: [],
    };
  };

  const readAll = async () => {
    const values = await Promise.all(groups.map(async (g) => ({ g, theta: (await g.theta.data()) as Float32Array })));
    return (net: string) => {
      const hit = values.find(({ g }) => g.layout.slots[net]);
      if (!hit) throw new Error(`Unknown net: ${net}`);
      return readFlatNet(hit.g.layout, hit.theta, net);
    };
  };

  return {
    method: spec.method,
    config,
    effectiveConfig: config,
    backend,
    totalSteps,
    get step() {
      return step;
    },
    get phase() {
      const p = phaseIndexAt(step);
      return p >= phases.length ? 'done' : phases[p].label;
    },
    get trainingMs() {
      return trainingMs;
    },
    get notes() {
      return notes;
    },
    topology: spec.topology,
    parameterCounts: spec.parameterCounts,
    train,
    evaluate,
    surface,
    getWeights: async () => {
      assertUsable();
      return spec.toAxnetWeights(await readAll());
    },
    getBaselineWeights: async () => {
      assertUsable();
      return spec.toBaselineWeights(await readAll());
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const g of groups) {
        g.optimizer.dispose();
        g.theta.dispose();
        g.lastGood.dispose();
      }
      testX.dispose();
      trainX.dispose();
    },
  };
}
