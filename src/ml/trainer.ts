/**
 * The AXNet trainer of one run (paper Algorithm 1): J = MSE + CE (eq. 2), p_label recomputed every
 * batch (eq. 1), one Adam on all variables; optionally a lone approximator (MSE only) trained on the
 * same batches. Same config + same backend ⇒ bit-identical numbers, however the steps are chunked.
 *
 * Use: `await selectBackend(config.backend)` first; the trainer runs on the backend active when it is
 * created and reports that name.
 */
import * as tf from '@tensorflow/tfjs';
import { BACKEND_CHAIN, type BackendName, type LabConfig, cloneConfig } from '../core/config';
import { createDataset, type Dataset } from '../core/dataset';
import { computeInvocationMetrics, computeSampleErrors, countDenseParameters, labelSafe } from '../core/metrics';
import { createRng } from '../core/rng';
import { getTarget } from '../core/targets';
import type { TargetSpec } from '../core/targets/types';
import {
  computeAxnetLayout,
  computeAxnetLoss,
  forwardApproximator,
  forwardAxnet,
  initializeAxnetParameters,
  splitAxnetParameters,
  unpackAxnetParameters,
  type AxnetLayout,
} from './axnet';
import type { AxnetWeights, DenseLayerWeights, EvaluationPoint, LabTrainer, SurfaceSnapshot, TrainChunkResult } from './types';

/** Adam as in the authors' TF1 code: β1 0.9, β2 0.999, ε 1e-8 (fixed, not the backend's default). */
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPSILON = 1e-8;

export interface LabTrainerOptions {
  /** Precomputed data (else createDataset(config)). */
  dataset?: Dataset;
  /** Test hook: makes the loss of this training step (1-based) NaN, to exercise divergence handling. */
  injectNaNAtStep?: number;
}

/** LabTrainer plus extras used by tests, the CLI and the bench. */
export interface AxnetTrainer extends LabTrainer {
  readonly layout: AxnetLayout;
  readonly dataset: Dataset;
  /** Lone approximator's weights (null when it is not trained). */
  getLoneWeights(): Promise<DenseLayerWeights[] | null>;
}

/** Where a schedule reads its length: a config (steps), or a trainer (totalSteps, e.g. a MethodTrainer). */
export type EvaluationSchedule = Pick<LabConfig, 'steps' | 'evalEvery'> | { readonly totalSteps: number; readonly config: Pick<LabConfig, 'evalEvery'> };

/** Last step of a schedule: trainer.totalSteps when given (method budgets, src/ml/methods/budget.ts), else config.steps. */
export function getScheduleLength(schedule: EvaluationSchedule | LabTrainer): number {
  if ('totalSteps' in schedule && typeof schedule.totalSteps === 'number') return schedule.totalSteps;
  if ('config' in schedule) return (schedule.config as Pick<LabConfig, 'steps'>).steps;
  return (schedule as Pick<LabConfig, 'steps'>).steps;
}

/**
 * The next step at which the §V metrics are evaluated: the next multiple of evalEvery, or the last step.
 * Pass a config (AXNet: its steps) or a trainer (its totalSteps when it has one, so that a baseline's
 * longer budget is scheduled the same way).
 */
export function nextEvaluationStep(step: number, schedule: EvaluationSchedule | LabTrainer): number {
  const evalEvery = 'config' in schedule ? schedule.config.evalEvery : (schedule as Pick<LabConfig, 'evalEvery'>).evalEvery;
  return Math.min(getScheduleLength(schedule), (Math.floor(step / evalEvery) + 1) * evalEvery);
}

export interface RunResult {
  evaluations: EvaluationPoint[];
  diverged: TrainChunkResult['diverged'];
}

/**
 * Trains to trainer.totalSteps (a MethodTrainer's budget) or config.steps in chunks that end at each evaluation step (every multiple of evalEvery, and
 * the final step), evaluating there. The worker uses the same schedule. Stops early on divergence
 * (with one last evaluation of the restored weights) or when `shouldStop` says so.
 */
export async function runToCompletion(
  trainer: LabTrainer,
  onEvaluation?: (point: EvaluationPoint) => void | Promise<void>,
  options: { shouldStop?: () => boolean } = {},
): Promise<RunResult> {
  const evaluations: EvaluationPoint[] = [];
  const steps = getScheduleLength(trainer);
  while (trainer.step < steps) {
    if (options.shouldStop?.()) break;
    const target = nextEvaluationStep(trainer.step, trainer);
    const result = await trainer.train(target - trainer.step);
    const point = await trainer.evaluate();
    evaluations.push(point);
    await onEvaluation?.(point);
    if (result.diverged) return { evaluations, diverged: result.diverged };
  }
  return { evaluations, diverged: null };
}

function toBackendName(name: string): BackendName {
  if ((BACKEND_CHAIN as readonly string[]).includes(name)) return name as BackendName;
  throw new Error(`Unsupported tfjs backend: ${name}`);
}

/** Output k of rows laid out [count × outputDim], as [count] (the array itself when outputDim = 1). */
export function pickSurfaceOutput(values: Float32Array, outputDim: number, k: number): Float32Array {
  return outputDim === 1 ? values : Float32Array.from({ length: values.length / outputDim }, (_, s) => values[s * outputDim + k]);
}

/**
 * Samples of the grid of a 2-D target and the exact outputs there: index = row·res + col;
 * col ↔ input 0 (x axis), row ↔ input 1. exact: [res² × outputDim].
 */
export function buildSurfaceGrid(
  target: TargetSpec,
  resolution: number,
): { inputs: Float32Array; exact: Float32Array; ranges: [[number, number], [number, number]] } {
  const [r0, r1] = target.inputRanges;
  const ranges: [[number, number], [number, number]] = [
    [r0[0], r0[1]],
    [r1[0], r1[1]],
  ];
  const inputs = new Float32Array(resolution * resolution * 2);
  const at = (range: [number, number], k: number) => (resolution === 1 ? (range[0] + range[1]) / 2 : range[0] + ((range[1] - range[0]) * k) / (resolution - 1));
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      const index = row * resolution + col;
      inputs[2 * index] = at(ranges[0], col);
      inputs[2 * index + 1] = at(ranges[1], row);
    }
  }
  const count = resolution * resolution;
  const exact = new Float32Array(count * target.outputDim);
  const outputRow = new Float64Array(target.outputDim);
  for (let s = 0; s < count; s++) {
    target.evaluate(inputs.subarray(2 * s, 2 * s + 2), outputRow);
    exact.set(outputRow, s * target.outputDim);
  }
  return { inputs, exact, ranges };
}

/**
 * Builds the models of one run on the current tf backend. Returns immediately; data sampling is
 * synchronous (a few ms for the defaults).
 */
export function createLabTrainer(configIn: Readonly<LabConfig>, options: LabTrainerOptions = {}): AxnetTrainer {
  const config = Object.freeze(cloneConfig(configIn));
  const backend = toBackendName(tf.getBackend());
  const target = getTarget(config.target);
  const dataset = options.dataset ?? createDataset(config);
  const { inputDim, outputDim } = dataset;
  // Throws for fusion 'second' with a one-hidden-layer approximator (the UI shows the message).
  const layout = computeAxnetLayout(inputDim, outputDim, config.approximatorHidden, config.predictorHidden, config.trainLone, {
    fusion: config.fusion ?? 'all',
    predictionOutput: config.predictionOutput ?? 'softmax',
  });
  const rule = { metric: target.errorMetric, bound: config.errorBound };
  const lossWidth = config.trainLone ? 4 : 3; // [J, MSE, CE, lone MSE]

  const theta = tf.tidy(() => tf.variable(tf.tensor1d(initializeAxnetParameters(layout, config.seed)), true)) as tf.Variable<tf.Rank.R1>;
  let lastGoodTheta: tf.Tensor1D = tf.clone(theta);
  let lastGoodStep = 0;
  const optimizer = tf.train.adam(config.learningRate, ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON);
  const testX = tf.tensor2d(dataset.testX, [dataset.testSize, inputDim]);
  const batchRng = createRng(config.seed, 'batches');
  const batchX = new Float32Array(config.batchSize * inputDim);
  const batchY = new Float32Array(config.batchSize * outputDim);

  let step = 0;
  let diverged: TrainChunkResult['diverged'] = null;
  let disposed = false;
  // Training-loss sums (float64, CPU) since the last evaluate(); reported as averages.
  const lossSums = new Float64Array(lossWidth);
  let lossCount = 0;
  let lastLosses = { loss: Number.NaN, mse: Number.NaN, crossEntropy: Number.NaN };

  const parameterCounts = {
    approximator: countDenseParameters(layout.approximatorWidths),
    predictor: countDenseParameters(layout.predictorWidths),
    total: countDenseParameters(layout.approximatorWidths) + countDenseParameters(layout.predictorWidths),
    lone: config.trainLone ? countDenseParameters(layout.approximatorWidths) : 0,
  };

  const assertUsable = () => {
    if (disposed) throw new Error('This trainer has been disposed');
  };

  /** batchSize indices drawn with replacement from 'batches': one draw sequence per step. */
  const drawBatch = () => {
    for (let k = 0; k < config.batchSize; k++) {
      const index = batchRng.int(dataset.trainSize);
      batchX.set(dataset.trainX.subarray(index * inputDim, (index + 1) * inputDim), k * inputDim);
      batchY.set(dataset.trainY.subarray(index * outputDim, (index + 1) * outputDim), k * outputDim);
    }
  };

  /** One Adam step on J (+ lone MSE); returns the kept loss vector [J, MSE, CE(, lone MSE)]. */
  const runStep = (poison: boolean): tf.Tensor1D =>
    tf.tidy(() => {
      const x = tf.tensor2d(batchX, [config.batchSize, inputDim]);
      const y = tf.tensor2d(batchY, [config.batchSize, outputDim]);
      let losses: tf.Tensor1D | null = null;
      optimizer.minimize(
        () => {
          const params = splitAxnetParameters(theta, layout);
          const forward = forwardAxnet(params, x);
          const parts = computeAxnetLoss(forward, y, rule);
          let total: tf.Scalar = parts.loss;
          const vector: tf.Scalar[] = [parts.loss, parts.mse, parts.crossEntropy];
          if (params.lone) {
            // Lone approximator: L = MSE only; its entries of θ get no gradient from J and vice versa.
            const loneMse = tf.mean(tf.squaredDifference(forwardApproximator(params.lone, x), y)) as tf.Scalar;
            total = tf.add(total, loneMse) as tf.Scalar;
            vector.push(loneMse);
          }
          if (poison) total = tf.mul(total, Number.NaN) as tf.Scalar;
          losses = tf.keep(tf.stack(poison ? vector.map((v) => tf.mul(v, Number.NaN)) : vector) as tf.Tensor1D);
          return total;
        },
        false,
        [theta],
      );
      return losses!;
    });

  const train = async (requested: number): Promise<TrainChunkResult> => {
    assertUsable();
    if (diverged) return { step, diverged };
    const count = Math.max(0, Math.min(Math.floor(requested), config.steps - step));
    if (count === 0) return { step, diverged: null };
    const chunkStart = step;
    const stepLosses: tf.Tensor1D[] = [];
    try {
      for (let k = 0; k < count; k++) {
        drawBatch();
        stepLosses.push(runStep(options.injectNaNAtStep === chunkStart + k + 1));
      }
    } catch (error) {
      stepLosses.forEach((t) => t.dispose());
      throw error;
    }
    // The only sync of the chunk: read back every step's losses and Σθ (non-finite if any weight is).
    const stacked = tf.stack(stepLosses) as tf.Tensor2D;
    const thetaSum = tf.sum(theta);
    stepLosses.forEach((t) => t.dispose());
    let values: Float32Array, thetaCheck: Float32Array;
    try {
      [values, thetaCheck] = (await Promise.all([stacked.data(), thetaSum.data()])) as [Float32Array, Float32Array];
    } finally {
      stacked.dispose();
      thetaSum.dispose();
    }
    let badStep = -1;
    for (let k = 0; k < count && badStep < 0; k++) {
      for (let j = 0; j < lossWidth; j++) if (!Number.isFinite(values[k * lossWidth + j])) badStep = k;
    }
    if (badStep < 0 && !Number.isFinite(thetaCheck[0])) badStep = count - 1;
    if (badStep >= 0) {
      // Restore the last good weights (those at the start of this chunk) and refuse further training.
      theta.assign(lastGoodTheta);
      step = lastGoodStep;
      diverged = {
        atStep: chunkStart + badStep + 1,
        message: `Training diverged: the loss or the weights became NaN/Inf at step ${chunkStart + badStep + 1}; the weights of step ${lastGoodStep} were restored. Try a smaller learning rate.`,
      };
      return { step, diverged };
    }
    for (let k = 0; k < count; k++) for (let j = 0; j < lossWidth; j++) lossSums[j] += values[k * lossWidth + j];
    lossCount += count;
    step = chunkStart + count;
    lastGoodTheta.dispose();
    lastGoodTheta = tf.clone(theta);
    lastGoodStep = step;
    return { step, diverged: null };
  };

  /** Forward the test set; returns AXNet outputs, logit gaps and lone outputs on the CPU. */
  const predictTestSet = async () => {
    // [output [n, outputDim], gap [n, 1], lone output [n, outputDim]?]
    const tensors = tf.tidy(() => {
      const params = splitAxnetParameters(theta, layout);
      const forward = forwardAxnet(params, testX);
      return [forward.output, forward.logitGap, ...(params.lone ? [forwardApproximator(params.lone, testX)] : [])];
    });
    try {
      const [output, gap, lone] = (await Promise.all(tensors.map((t) => t.data()))) as Float32Array[];
      return { output, gap, lone: lone ?? null };
    } finally {
      tensors.forEach((t) => t.dispose());
    }
  };

  const evaluate = async (): Promise<EvaluationPoint> => {
    assertUsable();
    const { output, gap, lone } = await predictTestSet();
    const errors = computeSampleErrors(target.errorMetric, output, dataset.testY, outputDim);
    // Predicted safe ⇔ softmax(z)[safe] > 0.5 ⇔ z_safe − z_unsafe > 0 (ties → unsafe, as argmax);
    // sigmoid P(x): σ(z) > 0.5 ⇔ z > 0.
    const predictedSafe = Uint8Array.from(gap, (g) => (g > 0 ? 1 : 0));
    const metrics = computeInvocationMetrics(errors, predictedSafe, config.errorBound);
    let loneTrueInvocation: number | null = null;
    if (lone) {
      const loneErrors = computeSampleErrors(target.errorMetric, lone, dataset.testY, outputDim);
      let safe = 0;
      for (const e of loneErrors) if (labelSafe(e, config.errorBound)) safe++;
      loneTrueInvocation = loneErrors.length === 0 ? 0 : safe / loneErrors.length;
    }
    if (lossCount > 0) {
      lastLosses = { loss: lossSums[0] / lossCount, mse: lossSums[1] / lossCount, crossEntropy: lossSums[2] / lossCount };
      lossSums.fill(0);
      lossCount = 0;
    }
    return { step, metrics, ...lastLosses, loneTrueInvocation };
  };

  const surface = async (resolution: number): Promise<SurfaceSnapshot | null> => {
    assertUsable();
    if (inputDim !== 2 || target.inputRanges.length < 2) return null;
    const n = Math.max(1, Math.floor(resolution));
    const { inputs, exact, ranges } = buildSurfaceGrid(target, n);
    const hiddenCount = layout.controlWidths.length;
    // [output, gap, lone?, before(1..l), c(1..l), after(1..l)]
    const all = tf.tidy(() => {
      const params = splitAxnetParameters(theta, layout);
      const grid = tf.tensor2d(inputs, [n * n, 2]);
      const forward = forwardAxnet(params, grid, true);
      const lone = params.lone ? [forwardApproximator(params.lone, grid)] : [];
      return [forward.output, forward.logitGap, ...lone, ...forward.before, ...forward.controls, ...forward.after];
    });
    const hasLone = layout.lone !== null;
    let data: Float32Array[];
    try {
      data = (await Promise.all(all.map((t) => t.data()))) as Float32Array[];
    } finally {
      all.forEach((t) => t.dispose());
    }
    const output = data[0];
    const gap = data[1];
    let next = 2;
    const lone = hasLone ? data[next++] : null;
    const before = data.slice(next, next + hiddenCount);
    const controls = data.slice(next + hiddenCount, next + 2 * hiddenCount);
    const after = data.slice(next + 2 * hiddenCount, next + 3 * hiddenCount);
    const outputs = Array.from({ length: outputDim }, (_, k) => ({
      target: pickSurfaceOutput(exact, outputDim, k),
      axnet: pickSurfaceOutput(output, outputDim, k),
      lone: lone ? pickSurfaceOutput(lone, outputDim, k) : null,
    }));
    const safeProbability = Float32Array.from(gap, (g) => (g >= 0 ? 1 / (1 + Math.exp(-g)) : Math.exp(g) / (1 + Math.exp(g))));
    return {
      step,
      resolution: n,
      ranges,
      ...outputs[0],
      outputs,
      error: Float32Array.from(computeSampleErrors(target.errorMetric, output, exact, outputDim)),
      safeProbability,
      hidden: layout.controlWidths.map((width, i) => ({ width, layer: layout.fusedLayers[i], before: before[i], control: controls[i], after: after[i] })),
    };
  };

  const readTheta = async () => (await theta.data()) as Float32Array;

  return {
    config,
    backend,
    layout,
    dataset,
    get step() {
      return step;
    },
    parameterCounts,
    train,
    evaluate,
    surface,
    getWeights: async (): Promise<AxnetWeights> => {
      assertUsable();
      return unpackAxnetParameters(layout, await readTheta()).axnet;
    },
    getLoneWeights: async () => {
      assertUsable();
      return unpackAxnetParameters(layout, await readTheta()).lone;
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      optimizer.dispose();
      theta.dispose();
      lastGoodTheta.dispose();
      testX.dispose();
    },
  };
}
