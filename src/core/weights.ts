/**
 * Trained networks and training results as plain data: no tf. The trainers in src/ml produce them; the
 * worker protocol, the store, the NPU simulator, the study and the CLI read them.
 */
import type { ControlPlacement, PredictionOutput } from './config';
import type { InvocationMetrics } from './metrics';
import type { Divergence } from './divergence';

/** Dense layer weights (read back from tf by src/ml): kernel is [fanIn × fanOut] row-major, y = x·W + b. */
export interface DenseLayerWeights {
  fanIn: number;
  fanOut: number;
  kernel: Float32Array;
  bias: Float32Array;
}

/** A trained AXNet as plain data (for the NPU simulator, exports and tests). */
export interface AxnetWeights {
  /** Approximator layers: hidden layers (ReLU and ⊙c(i), eq. 4, placed by controlPlacement) and the linear output layer. */
  approximator: DenseLayerWeights[];
  /** Predictor layers: hidden (ReLU) and the linear split output layer [c(i) per fused layer…, P logits] (eq. 3). */
  predictor: DenseLayerWeights[];
  /** Approximator hidden layers (0-based) that get ⊙c(i) (§III-D); absent = all. */
  fusedLayers?: number[];
  /** P(x) as 2 softmax logits or 1 sigmoid unit (eq. 3); absent = softmax. */
  predictionOutput?: PredictionOutput;
  /** ⊙c(i) after the activation (Algorithm 1, §IV, authors' code) or inside it (eq. 4 as printed); absent = after. */
  controlPlacement?: ControlPlacement;
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
  /**
   * Every output of the target, [n·n] each, in the target's output order (inversek2j: θ1, θ2);
   * target/axnet/lone above are outputs[0]. Absent (older snapshots) ⇒ the one output above.
   */
  outputs?: { target: Float32Array; axnet: Float32Array; lone: Float32Array | null }[];
  /** Per-sample error of AXNet (the target's metric over all outputs). */
  error: Float32Array;
  /** P(safe | x) from the predictor's softmax (or sigmoid); baselines: from the classifier (lone: 1). */
  safeProbability: Float32Array;
  /**
   * Per FUSED approximator hidden layer i (all of them with fusion 'all'): [n·n × L_i] activations
   * before ⊙c, the control c(i), and after. `layer` is i, 0-based (fusion 'second' → [{layer: 1, …}]);
   * the trainers always set it (optional only for older snapshots: absent ⇒ the entry's index).
   * Baselines have no control vectors: [].
   */
  hidden: { width: number; layer?: number; before: Float32Array; control: Float32Array; after: Float32Array }[];
}

export interface TrainChunkResult {
  /** Step reached. */
  step: number;
  /** Set when the loss became NaN or ±Inf: training stopped and the last good weights were restored. */
  diverged: Divergence | null;
}

/** Plain weights of a two-network baseline, for the NPU simulator's comparison. */
export interface BaselineWeights {
  /** ReLU hidden layers, linear output (H(x)). Weight sharing: [shared layer, rest of the approximation subnet…]. */
  approximator: DenseLayerWeights[];
  /**
   * ReLU hidden layers, linear output: 2 logits [z_unsafe, z_safe] (softmax) or 1 unit z (sigmoid).
   * Weight sharing: [shared layer, rest of the prediction subnet…] (the shared layer appears in both lists).
   * Lone approximator: [] (no classifier; every input is approximated).
   */
  classifier: DenseLayerWeights[];
}

/** Layer widths of the networks a method trains (input first) and their parameter counts. */
export interface MethodTopology {
  /** Approximator / approximation subnet widths, e.g. [2, 4, 4, 1]. */
  approximator: number[];
  /** AXNet predictor, baseline classifier, or the weight-sharing prediction subnet (starting at the input); null for lone. */
  predictor: number[] | null;
  /** Weight sharing: the first hidden layer is shared (1); else 0. */
  sharedLayers: number;
  /** Weights + biases of everything the method deploys (a shared layer counted once). */
  parameters: number;
  /** AXNet with config.matchParameters: the §V-A match (src/core/paramMatch.ts), else null. */
  match: {
    approximatorHidden: number[];
    predictorHidden: number[];
    axnetParams: number;
    baselineParams: number;
    ratio: number;
  } | null;
  /** e.g. "A 2-4-4-1 + C 2-4-10 (99 parameters, weights + biases)". */
  description: string;
}
