/**
 * One AxTrain run of one method: the engine (src/ml/group/engine.ts) over an AxTrain program (./program.ts),
 * with AxTrain's own evaluation: test accuracy and loss of the exact net, S(w) (eq. 5) on the test set, γ,
 * and, at the end, accuracy and loss on every hardware setting (./evaluate.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { cloneAxtrainConfig, computeEpochSteps, type AxtrainConfig, type AxtrainMethodId } from '../../core/axtrain/config';
import type { BackendName } from '../../core/config';
import { computeSampleErrors } from '../../core/metrics';
import type { DenseLayerWeights } from '../../core/weights';
import { createGroupEngine, type ProgramModel } from '../group/engine';
import { buildAxtrainProgram, computeDataLoss, forwardAxtrainNet, type AxtrainModelState, type AxtrainStage } from './program';
import type { ActivationId } from '../../core/approx/sensitivity';
import { sensitivityTensor } from './sensitivity';
import type { AxtrainData } from './data';
import type { AxtrainPoint } from '../../core/axtrain/run';
import type { AxtrainTrainerCheckpoint } from '../../core/checkpoint';
import type { Divergence } from '../../core/divergence';

export type { AxtrainPoint };

export interface AxtrainTrainer {
  readonly method: AxtrainMethodId;
  readonly config: Readonly<AxtrainConfig>;
  readonly data: AxtrainData;
  readonly backend: BackendName;
  readonly epochSteps: number;
  readonly totalSteps: number;
  readonly step: number;
  readonly phase: string;
  readonly trainingMs: number;
  /** Activation per layer (relu hidden; sigmoid or linear output). */
  readonly activations: readonly ActivationId[];
  /** The adaptive γ's state while an act stage trains (null otherwise). */
  readonly gammaState: AxtrainModelState | null;
  /** Set once training diverged (the trainer then keeps its last good weights). */
  readonly diverged: Divergence | null;
  train(steps: number): Promise<{ step: number; diverged: Divergence | null }>;
  evaluate(): Promise<AxtrainPoint>;
  readNet(): Promise<DenseLayerWeights[]>;
  /** Everything the next step reads, as plain data (between chunks): its stage, that stage's engine, γ and the time so far. */
  checkpoint(): Promise<AxtrainTrainerCheckpoint>;
  /** Runs fn on the net's layer tensors inside a tidy; keeps what it returns. */
  withLayers(fn: (layers: readonly { kernel: tf.Tensor; bias: tf.Tensor }[]) => tf.Tensor[]): tf.Tensor[];
  dispose(): void;
}

/** Test accuracy of outputs [n × M]: argmax = label (classification), or error ≤ bound in the target's metric. */
export function computeAxtrainAccuracy(data: AxtrainData, output: Float32Array, bound: number): number {
  const { testSize, outputDim, testY } = data.dataset;
  if (testSize === 0) return Number.NaN;
  let correct = 0;
  if (data.task.kind === 'classification') {
    for (let n = 0; n < testSize; n++) {
      let best = 0;
      for (let k = 1; k < outputDim; k++) if (output[n * outputDim + k] > output[n * outputDim + best]) best = k;
      if (best === data.task.testLabels[n]) correct++;
    }
  } else {
    const errors = computeSampleErrors(data.task.metric, output, testY, outputDim);
    for (const e of errors) if (e <= bound) correct++;
  }
  return correct / testSize;
}

/** The stages of a method: bp, act and pas train `epochs`; actpas is act for `epochs`, then pas for `pasEpochs` from its net. */
export function listAxtrainStages(method: AxtrainMethodId, config: Pick<AxtrainConfig, 'epochs' | 'pasEpochs'>): AxtrainStage[] {
  if (method !== 'actpas') return [{ method, epochs: config.epochs }];
  return [{ method: 'act', epochs: config.epochs }, ...(config.pasEpochs > 0 ? [{ method: 'pas' as const, epochs: config.pasEpochs }] : [])];
}

export interface AxtrainTrainerOptions {
  /** Start from this net (e.g. an act net, to fine-tune it with pas) instead of the seeded init. */
  initialNet?: readonly DenseLayerWeights[];
  /** Stages to train instead of listAxtrainStages(method, config) (the study: one pas stage from a shared act net). */
  stages?: readonly AxtrainStage[];
  /** Steps the initial net already trained (its step and epoch count on from there). */
  startStep?: number;
  /** Continue from this checkpoint of a trainer of the same config, method and data: the next steps equal the uninterrupted run's (same backend). */
  checkpoint?: AxtrainTrainerCheckpoint;
}

export function createAxtrainTrainer(configIn: Readonly<AxtrainConfig>, method: AxtrainMethodId, data: AxtrainData, options: AxtrainTrainerOptions = {}): AxtrainTrainer {
  const config = Object.freeze(cloneAxtrainConfig(configIn));
  const epochSteps = computeEpochSteps(data.dataset.trainSize, config.batchSize);
  const stages = options.stages ?? listAxtrainStages(method, config);
  if (stages.length === 0) throw new Error(`${method}: nothing to train`);
  const models: ProgramModel<AxtrainConfig>[] = [{ config, dataset: data.dataset }];
  const stageEnds = stages.map((_, i) => stages.slice(0, i + 1).reduce((sum, s) => sum + s.epochs * epochSteps, 0));
  const totalSteps = stageEnds[stageEnds.length - 1];
  const startStep = Math.max(0, Math.floor(options.startStep ?? 0));
  const classification = data.task.kind === 'classification';
  // The current stage's engine; the next one starts from its final net when it ends.
  let stageIndex = 0;
  const startStage = (index: number, initialNet: readonly DenseLayerWeights[] | undefined) => {
    const program = buildAxtrainProgram(models, stages[index], data, epochSteps);
    const engine = createGroupEngine(program, models, initialNet ? { initialNets: () => ({ net: initialNet }) } : {});
    return { program, engine };
  };
  const saved = options.checkpoint;
  if (saved && (!Number.isInteger(saved.stage) || saved.stage < 0 || saved.stage >= stages.length))
    throw new Error(`AxTrain checkpoint stage ${saved.stage} is outside 0…${stages.length - 1}`);
  // A checkpoint's stage starts from its θ (the checkpoint's), not from the previous stage's net.
  stageIndex = saved?.stage ?? 0;
  let { program, engine } = startStage(stageIndex, saved ? undefined : options.initialNet);
  if (saved) {
    try {
      engine.restore(saved.engine);
    } catch (error) {
      engine.dispose();
      throw error;
    }
  }
  let finishedMs = saved?.finishedMs ?? 0;
  /** γ of the last act stage (kept through a later pas stage), or null when no stage is act. */
  let lastGamma: number | null = saved?.lastGamma ?? null;
  const stageOffset = () => (stageIndex === 0 ? 0 : stageEnds[stageIndex - 1]);
  const currentStep = () => stageOffset() + engine.modelStep(0);
  let testX: tf.Tensor2D | null = tf.tensor2d(data.dataset.testX, [data.dataset.testSize, data.dataset.inputDim]);
  let testY: tf.Tensor2D | null = tf.tensor2d(data.dataset.testY, [data.dataset.testSize, data.dataset.outputDim]);
  let diverged: AxtrainTrainer['diverged'] = saved?.diverged ? { ...saved.diverged } : null;
  const withLayers: AxtrainTrainer['withLayers'] = (fn) => engine.withNets((nets) => fn(nets.net));
  const readGamma = () => (program.method === 'act' ? program.states[0].gamma.gamma : lastGamma);

  return {
    method,
    config,
    data,
    backend: engine.backend,
    epochSteps,
    totalSteps: startStep + totalSteps,
    get step() {
      return startStep + currentStep();
    },
    get phase() {
      return currentStep() >= totalSteps ? 'done' : engine.phase;
    },
    get trainingMs() {
      return finishedMs + engine.trainingMs;
    },
    get activations() {
      return program.activations;
    },
    get gammaState() {
      return program.method === 'act' ? program.states[0] : null;
    },
    get diverged() {
      return diverged;
    },
    train: async (requested) => {
      let left = Math.max(0, Math.floor(requested));
      while (left > 0 && !diverged && currentStep() < totalSteps) {
        const before = currentStep();
        const result = await engine.train(Math.min(left, stageEnds[stageIndex] - before));
        if (result.diverged[0]) diverged = { ...result.diverged[0], atStep: stageOffset() + result.diverged[0].atStep };
        const trained = currentStep() - before;
        left -= trained;
        if (!diverged && currentStep() >= stageEnds[stageIndex] && stageIndex + 1 < stages.length) {
          // The next stage starts from this stage's net, with a fresh optimizer (a new training stage, §4).
          const net = await engine.readNet(0, 'net');
          if (program.method === 'act') lastGamma = program.states[0].gamma.gamma;
          finishedMs += engine.trainingMs;
          engine.dispose();
          stageIndex++;
          ({ program, engine } = startStage(stageIndex, net));
        }
        if (trained === 0) break;
      }
      return { step: startStep + currentStep(), diverged };
    },
    evaluate: async () => {
      if (!testX || !testY) throw new Error('This trainer has been disposed');
      const x = testX;
      const y = testY;
      const averages = engine.takeLossAverages(0);
      const [output, loss, sensitivity] = withLayers((layers) => {
        const logits = forwardAxtrainNet(layers as never, x, { kind: 'exact' }, null);
        return [
          classification ? tf.sigmoid(logits) : logits,
          computeDataLoss(logits, y, classification),
          sensitivityTensor(layers, program.activations, x, { includeBiases: config.sensitivityBiases }),
        ];
      });
      let values: Float32Array[];
      try {
        values = (await Promise.all([output.data(), loss.data(), sensitivity.data()])) as Float32Array[];
      } finally {
        output.dispose();
        loss.dispose();
        sensitivity.dispose();
      }
      const step = startStep + currentStep();
      const actStage = program.method === 'act';
      return {
        step,
        epoch: step / epochSteps,
        trainError: averages.mse,
        trainSensitivity: actStage ? averages.extras[0] : null,
        gamma: readGamma(),
        testAccuracy: computeAxtrainAccuracy(data, values[0], config.errorBound),
        testLoss: values[1][0],
        testSensitivity: values[2][0],
      };
    },
    readNet: () => engine.readNet(0, 'net'),
    checkpoint: async () => ({ stage: stageIndex, engine: await engine.checkpoint(), lastGamma, finishedMs, diverged: diverged ? { ...diverged } : null }),
    withLayers,
    dispose: () => {
      engine.dispose();
      testX?.dispose();
      testY?.dispose();
      testX = null;
      testY = null;
    },
  };
}

/**
 * Trains to the end, evaluating at every `evalEveryEpochs` epochs (and at the end); returns the points. It trains an
 * epoch at a time and calls `onChunk` after each (a worker's heartbeat); chunking does not change the numbers.
 */
export async function trainAxtrainToCompletion(trainer: AxtrainTrainer, evalEveryEpochs = 1, onChunk?: (chunkMs: number, step: number) => void): Promise<AxtrainPoint[]> {
  const points: AxtrainPoint[] = [];
  const every = Math.max(1, Math.round(evalEveryEpochs)) * trainer.epochSteps;
  while (trainer.step < trainer.totalSteps && !trainer.diverged) {
    const next = Math.min(trainer.totalSteps, (Math.floor(trainer.step / every) + 1) * every);
    while (trainer.step < next && !trainer.diverged) {
      const startedAt = performance.now();
      const before = trainer.step;
      await trainer.train(Math.min(trainer.epochSteps, next - trainer.step));
      onChunk?.(performance.now() - startedAt, trainer.step);
      if (trainer.step === before) break;
    }
    points.push(await trainer.evaluate());
  }
  return points;
}
