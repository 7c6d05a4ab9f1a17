import type { BackendName, LabConfig } from '../core/config';
import type { InvocationMetrics } from '../core/metrics';

/** Dense layer weights read back from tf: kernel is [fanIn × fanOut] row-major, y = x·W + b. */
export interface DenseLayerWeights {
  fanIn: number;
  fanOut: number;
  kernel: Float32Array;
  bias: Float32Array;
}

/** A trained AXNet as plain data (for the NPU simulator, exports and tests). */
export interface AxnetWeights {
  /** Approximator layers: hidden layers (ReLU, then ⊙c, eq. 4) and the linear output layer. */
  approximator: DenseLayerWeights[];
  /** Predictor layers: hidden (ReLU) and the linear split output layer [c(1)..c(l), P logits] (eq. 3). */
  predictor: DenseLayerWeights[];
}

/** One evaluation of the §V metrics on the test set. */
export interface EvaluationPoint {
  step: number;
  metrics: InvocationMetrics;
  /** Training losses of the last chunk, averaged: J = MSE + CE (eq. 2). */
  loss: number;
  mse: number;
  crossEntropy: number;
  /** Lone approximator's true invocation on the same test set (null when it is not trained). */
  loneTrueInvocation: number | null;
}

/** Values over an n×n grid of a 2-D-input target, row-major with the first input along x. */
export interface SurfaceSnapshot {
  step: number;
  resolution: number;
  /** Input ranges of the two plotted inputs. */
  ranges: [[number, number], [number, number]];
  target: Float32Array;
  axnet: Float32Array;
  lone: Float32Array | null;
  /** Per-sample error of AXNet (the target's metric). */
  error: Float32Array;
  /** P(safe | x) from the predictor's softmax. */
  safeProbability: Float32Array;
  /** Per approximator hidden layer i: [n·n × L_i] activations before ⊙c, the control c(i), and after. */
  hidden: { width: number; before: Float32Array; control: Float32Array; after: Float32Array }[];
}

export interface TrainChunkResult {
  /** Step reached. */
  step: number;
  /** Set when the loss became NaN or ±Inf: training stopped and the last good weights were restored. */
  diverged: { atStep: number; message: string } | null;
}

/** Owns the tf models of one run. Same config + same backend ⇒ same numbers. */
export interface LabTrainer {
  readonly config: Readonly<LabConfig>;
  readonly backend: BackendName;
  readonly step: number;
  /** Parameter counts, weights + biases (countDenseParameters). */
  readonly parameterCounts: { approximator: number; predictor: number; total: number; lone: number };
  /** Runs up to `steps` more training steps (never past config.steps). */
  train(steps: number): Promise<TrainChunkResult>;
  evaluate(): Promise<EvaluationPoint>;
  /** Null for targets whose input is not 2-D. */
  surface(resolution: number): Promise<SurfaceSnapshot | null>;
  getWeights(): Promise<AxnetWeights>;
  dispose(): void;
}
