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
import { buildAxtrainProgram, computeDataLoss, forwardAxtrainNet, type AxtrainProgram } from './program';
import { sensitivityTensor } from './sensitivity';
import type { AxtrainData } from './data';
import type { AxtrainPoint } from '../../core/axtrain/run';

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
  readonly program: AxtrainProgram;
  /** Set once training diverged (the trainer then keeps its last good weights). */
  readonly diverged: { atStep: number; message: string } | null;
  train(steps: number): Promise<{ step: number; diverged: { atStep: number; message: string } | null }>;
  evaluate(): Promise<AxtrainPoint>;
  readNet(): Promise<DenseLayerWeights[]>;
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

export function createAxtrainTrainer(configIn: Readonly<AxtrainConfig>, method: AxtrainMethodId, data: AxtrainData): AxtrainTrainer {
  const config = Object.freeze(cloneAxtrainConfig(configIn));
  const epochSteps = computeEpochSteps(data.dataset.trainSize, config.batchSize);
  const models: ProgramModel<AxtrainConfig>[] = [{ config, dataset: data.dataset }];
  const program = buildAxtrainProgram(models, method, data, epochSteps);
  const engine = createGroupEngine(program, models);
  const classification = data.task.kind === 'classification';
  const usesSensitivity = (program.extraColumns?.length ?? 0) > 0;
  let testX: tf.Tensor2D | null = tf.tensor2d(data.dataset.testX, [data.dataset.testSize, data.dataset.inputDim]);
  let testY: tf.Tensor2D | null = tf.tensor2d(data.dataset.testY, [data.dataset.testSize, data.dataset.outputDim]);
  let diverged: AxtrainTrainer['diverged'] = null;
  const withLayers: AxtrainTrainer['withLayers'] = (fn) => engine.withNets((nets) => fn(nets.net));

  return {
    method,
    config,
    data,
    backend: engine.backend,
    epochSteps,
    totalSteps: engine.totalSteps,
    get step() {
      return engine.modelStep(0);
    },
    get phase() {
      return engine.phase;
    },
    get trainingMs() {
      return engine.trainingMs;
    },
    program,
    get diverged() {
      return diverged;
    },
    train: async (steps) => {
      if (diverged) return { step: engine.modelStep(0), diverged };
      const result = await engine.train(steps);
      diverged = result.diverged[0];
      return { step: engine.modelStep(0), diverged };
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
      const step = engine.modelStep(0);
      return {
        step,
        epoch: step / epochSteps,
        trainError: averages.mse,
        trainSensitivity: usesSensitivity ? averages.extras[0] : null,
        gamma: usesSensitivity ? program.states[0].gamma.gamma : null,
        testAccuracy: computeAxtrainAccuracy(data, values[0], config.errorBound),
        testLoss: values[1][0],
        testSensitivity: values[2][0],
      };
    },
    readNet: () => engine.readNet(0, 'net'),
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

/** Trains to the end, evaluating at every `evalEveryEpochs` epochs (and at the end); returns the points. */
export async function trainAxtrainToCompletion(trainer: AxtrainTrainer, evalEveryEpochs = 1): Promise<AxtrainPoint[]> {
  const points: AxtrainPoint[] = [];
  const every = Math.max(1, Math.round(evalEveryEpochs)) * trainer.epochSteps;
  while (trainer.step < trainer.totalSteps && !trainer.diverged) {
    const next = Math.min(trainer.totalSteps, (Math.floor(trainer.step / every) + 1) * every);
    await trainer.train(next - trainer.step);
    points.push(await trainer.evaluate());
  }
  return points;
}
