/**
 * Reference float64 forward pass and loss of AXNet (paper §III-B, eq. 1–4), from plain weights.
 * No tf: used by tests to check the tf model, and by the NPU simulator.
 *
 * Conventions (the same as src/ml/axnet.ts):
 * - a dense layer computes y = x·W + b with W row-major [fanIn × fanOut];
 * - the predictor's last layer is linear and N_o = Σ_{i fused} L_i + 2 wide (eq. 3, softmax P(x)), split into
 *   [c(i) for each fused layer i, z_unsafe, z_safe]; P(safe | x) = softmax(z)[1] = σ(z_safe − z_unsafe);
 *   with a sigmoid P(x) it is Σ_{i fused} L_i + 1 wide: [c(i)…, z], P(safe | x) = σ(z) (eq. 3, second case);
 * - fusion (§III-D, Fig. 10c): the control vectors reach all hidden layers ('all', the default), only the
 *   first ('first') or only the second ('second'); unfused layers get no ⊙c;
 * - approximator hidden layer i, when fused: a(i+1) = ReLU(a(i)·W(i) + b(i)) ⊙ c(i) (controlPlacement
 *   'afterActivation', the default: Algorithm 1 line 9, the §IV PE, the authors' code) or
 *   a(i+1) = ReLU((a(i)·W(i)) ⊙ c(i) + b(i)) ('insideActivation': eq. 4 as printed); unfused,
 *   a(i+1) = ReLU(a(i)·W(i) + b(i)); the output layer is linear.
 */
import type { ControlPlacement, FusionChoice, PredictionOutput } from './config';
import { computeSampleErrors, labelSafe } from './metrics';
import type { ErrorMetricId } from './targets/types';

/**
 * Approximator hidden layers (0-based) that receive a control vector c(i) (§III-D).
 * Throws for 'second' with fewer than two hidden layers (the UI shows the message).
 */
export function resolveFusedLayers(fusion: FusionChoice, hiddenCount: number): number[] {
  if (hiddenCount < 1) throw new Error('AXNet needs at least one approximator hidden layer');
  switch (fusion) {
    case 'all':
      return Array.from({ length: hiddenCount }, (_, i) => i);
    case 'first':
      return [0];
    case 'second':
      if (hiddenCount < 2) {
        throw new Error(`Fusion "second" needs an approximator with at least two hidden layers; this one has ${hiddenCount}. Add a hidden layer or fuse "first"/"all".`);
      }
      return [1];
    default: {
      const unknown: never = fusion;
      throw new Error(`Unsupported fusion: ${String(unknown)}`);
    }
  }
}

/** Width of P(x): 2 logits (softmax) or 1 unit (sigmoid)  (eq. 3). */
export function getPredictionWidth(output: PredictionOutput): number {
  switch (output) {
    case 'softmax':
      return 2;
    case 'sigmoid':
      return 1;
    default: {
      const unknown: never = output;
      throw new Error(`Unsupported prediction output: ${String(unknown)}`);
    }
  }
}

/** N_o = Σ_{i fused} L_i + (2 softmax | 1 sigmoid): the predictor's output width (eq. 3, generalized to §III-D fusion). */
export function computePredictorOutputWidth(approximatorHidden: readonly number[], fusion: FusionChoice = 'all', output: PredictionOutput = 'softmax'): number {
  return resolveFusedLayers(fusion, approximatorHidden.length).reduce((sum, i) => sum + approximatorHidden[i], 0) + getPredictionWidth(output);
}

/** One dense layer; structurally compatible with DenseLayerWeights of src/ml/types.ts. */
export interface DenseLayerParams {
  fanIn: number;
  fanOut: number;
  /** [fanIn × fanOut], row-major. */
  kernel: ArrayLike<number>;
  /** [fanOut]. */
  bias: ArrayLike<number>;
}

export interface AxnetParams {
  approximator: readonly DenseLayerParams[];
  predictor: readonly DenseLayerParams[];
  /** Fused approximator hidden layers, 0-based ascending (resolveFusedLayers); default: all. */
  fusedLayers?: readonly number[];
  /** P(x) as 2 softmax logits (default) or 1 sigmoid unit (eq. 3). */
  predictionOutput?: PredictionOutput;
  /** ⊙c(i) after the activation (default; Algorithm 1, §IV, authors' code) or inside it (eq. 4 as printed). */
  controlPlacement?: ControlPlacement;
}

export interface AxnetForwardResult {
  /** H(x): [outputDim]. */
  output: Float64Array;
  /** The logits of P(x): [z_unsafe, z_safe] (softmax) or [z] (sigmoid). */
  logits: Float64Array;
  /** P(safe | x) = softmax(logits)[1], or σ(z) with a sigmoid P(x). */
  safeProbability: number;
  /** The fused hidden layers (0-based); controls/before/after are parallel to this list. */
  fusedLayers: number[];
  /** Control vectors c(i), one per fused approximator hidden layer i: [L_i]. */
  controls: Float64Array[];
  /** ReLU(a(i)·W(i) + b(i)), the activation without the control, per fused layer: [L_i]. */
  before: Float64Array[];
  /** The layer's output with ⊙c(i) (either placement), i.e. the input of the next approximator layer, per fused layer: [L_i]. */
  after: Float64Array[];
}

/** y = x·W + b; x: [fanIn] → y: [fanOut]. */
export function computeDenseLayer(layer: DenseLayerParams, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(layer.fanOut);
  for (let j = 0; j < layer.fanOut; j++) {
    let sum = layer.bias[j];
    for (let i = 0; i < layer.fanIn; i++) sum += x[i] * layer.kernel[i * layer.fanOut + j];
    y[j] = sum;
  }
  return y;
}

/** x·W without the bias (W(i)ᵀa(i), what ⊙c(i) multiplies in eq. 4 as printed); x: [fanIn] → [fanOut]. */
export function computeDenseProduct(layer: DenseLayerParams, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(layer.fanOut);
  for (let j = 0; j < layer.fanOut; j++) {
    let sum = 0;
    for (let i = 0; i < layer.fanIn; i++) sum += x[i] * layer.kernel[i * layer.fanOut + j];
    y[j] = sum;
  }
  return y;
}

function applyRelu(values: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] = Math.max(values[i], 0);
  return values;
}

/** Fused hidden layers of these params (default: all hidden layers). */
export function getFusedLayers(params: AxnetParams): number[] {
  const hiddenCount = params.approximator.length - 1;
  return params.fusedLayers ? [...params.fusedLayers] : Array.from({ length: hiddenCount }, (_, i) => i);
}

/** Widths of the control vectors c(i): L_i of each fused hidden layer (all of L_1..L_l by default). */
export function getControlWidths(params: AxnetParams): number[] {
  return getFusedLayers(params).map((i) => params.approximator[i].fanOut);
}

/** Checks that the predictor's output layer is Σ_{fused} L_i + 2 (or + 1) wide (eq. 3) and layers chain. */
export function validateAxnetParams(params: AxnetParams): void {
  const chain = (layers: readonly DenseLayerParams[], name: string) => {
    if (layers.length === 0) throw new Error(`AXNet ${name} has no layers`);
    for (let i = 0; i < layers.length; i++) {
      const layer = layers[i];
      if (layer.kernel.length !== layer.fanIn * layer.fanOut || layer.bias.length !== layer.fanOut) {
        throw new Error(`AXNet ${name} layer ${i}: kernel/bias sizes do not match ${layer.fanIn}×${layer.fanOut}`);
      }
      if (i > 0 && layers[i - 1].fanOut !== layer.fanIn) throw new Error(`AXNet ${name} layer ${i}: fanIn mismatch`);
    }
  };
  chain(params.approximator, 'approximator');
  chain(params.predictor, 'predictor');
  const hiddenCount = params.approximator.length - 1;
  const fused = getFusedLayers(params);
  if (fused.some((i, k) => !Number.isInteger(i) || i < 0 || i >= hiddenCount || (k > 0 && i <= fused[k - 1]))) {
    throw new Error(`AXNet fused layers [${fused.join(', ')}] must be ascending hidden-layer indices below ${hiddenCount}`);
  }
  const predictionWidth = getPredictionWidth(params.predictionOutput ?? 'softmax');
  const expected = getControlWidths(params).reduce((a, b) => a + b, 0) + predictionWidth;
  const actual = params.predictor[params.predictor.length - 1].fanOut;
  if (actual !== expected) {
    throw new Error(`AXNet predictor output is ${actual} wide, eq. 3 needs Σ L_i + ${predictionWidth} = ${expected} (fused layers ${fused.map((i) => i + 1).join(', ')})`);
  }
}

/** Forward pass of the predictor alone: returns its split output layer [c(i) per fused layer…, z0, z1] (or […, z]). */
export function computePredictorOutput(params: AxnetParams, input: ArrayLike<number>): Float64Array {
  let h: Float64Array = Float64Array.from(input);
  const last = params.predictor.length - 1;
  for (let k = 0; k <= last; k++) {
    h = computeDenseLayer(params.predictor[k], h);
    if (k < last) applyRelu(h);
  }
  return h;
}

/** One sample through AXNet, eq. 3–4. input: [inputDim]. */
export function computeAxnetForward(params: AxnetParams, input: ArrayLike<number>): AxnetForwardResult {
  const predictorOut = computePredictorOutput(params, input);
  const fusedLayers = getFusedLayers(params);
  const widths = getControlWidths(params);
  const predictionOutput = params.predictionOutput ?? 'softmax';
  const controls: Float64Array[] = [];
  let offset = 0;
  for (const width of widths) {
    controls.push(predictorOut.slice(offset, offset + width));
    offset += width;
  }
  const logits = predictorOut.slice(offset, offset + getPredictionWidth(predictionOutput));
  const before: Float64Array[] = [];
  const after: Float64Array[] = [];
  const hiddenCount = params.approximator.length - 1;
  const inside = (params.controlPlacement ?? 'afterActivation') === 'insideActivation';
  let a: Float64Array = Float64Array.from(input);
  for (let i = 0; i < hiddenCount; i++) {
    const layer = params.approximator[i];
    const k = fusedLayers.indexOf(i);
    if (k < 0) {
      // unfused layer (§III-D): a(i+1) = f(W(i)ᵀ a(i) + b(i)), no ⊙c
      a = applyRelu(computeDenseLayer(layer, a));
      continue;
    }
    const controlled = new Float64Array(layer.fanOut);
    let activated: Float64Array;
    if (inside) {
      // a(i+1) = f(W(i)ᵀ a(i) ⊙ c(i) + b(i))  (eq. 4 as printed); f = ReLU
      const product = computeDenseProduct(layer, a);
      activated = new Float64Array(layer.fanOut);
      for (let j = 0; j < layer.fanOut; j++) {
        activated[j] = Math.max(product[j] + layer.bias[j], 0);
        controlled[j] = Math.max(product[j] * controls[k][j] + layer.bias[j], 0);
      }
    } else {
      // a(i+1) = f(W(i)ᵀ a(i) + b(i)) ⊙ c(i)  (Algorithm 1 line 9, §IV, authors' code); f = ReLU
      activated = applyRelu(computeDenseLayer(layer, a));
      for (let j = 0; j < activated.length; j++) controlled[j] = activated[j] * controls[k][j];
    }
    before.push(activated);
    after.push(controlled);
    a = controlled;
  }
  const output = computeDenseLayer(params.approximator[hiddenCount], a);
  const safeProbability = predictionOutput === 'sigmoid' ? computeSigmoid(logits[0]) : computeSoftmaxSafe(logits[0], logits[1]);
  return { output, logits, safeProbability, fusedLayers, controls, before, after };
}

/** Lone approximator (no predictor, no ⊙c): plain ReLU MLP with a linear output layer. */
export function computeApproximatorForward(layers: readonly DenseLayerParams[], input: ArrayLike<number>): Float64Array {
  let a: Float64Array = Float64Array.from(input);
  for (let k = 0; k < layers.length; k++) {
    a = computeDenseLayer(layers[k], a);
    if (k < layers.length - 1) applyRelu(a);
  }
  return a;
}

/** softmax([z0, z1])[1] = σ(z1 − z0). */
export function computeSoftmaxSafe(z0: number, z1: number): number {
  const d = z1 - z0;
  return d >= 0 ? 1 / (1 + Math.exp(-d)) : Math.exp(d) / (1 + Math.exp(d));
}

/** σ(z), stable for large |z|. */
export function computeSigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Sigmoid binary cross-entropy −[p log σ(z) + (1 − p) log(1 − σ(z))] = softplus(±z), stable. label 1 = safe. */
export function computeSigmoidCrossEntropy(z: number, label: number): number {
  const t = label ? -z : z; // softplus(t) = max(t, 0) + log(1 + e^{−|t|})
  return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
}

/** −log softmax(z)[label] for two logits, stable. label 1 = safe. */
export function computeCrossEntropy(z0: number, z1: number, label: number): number {
  const m = Math.max(z0, z1);
  const logSum = m + Math.log(Math.exp(z0 - m) + Math.exp(z1 - m));
  return logSum - (label ? z1 : z0);
}

export interface AxnetLoss {
  /** J = L_a + L_p  (eq. 2). */
  loss: number;
  /** L_a: mean over samples and outputs of (H(x) − y)². */
  mse: number;
  /** L_p: mean over samples of the softmax (or sigmoid binary) cross-entropy against p_label. */
  crossEntropy: number;
  /** p_label per sample (1 = safe), eq. 1. */
  labels: Uint8Array;
}

/**
 * J (eq. 2) on a batch. inputs: [batch × inputDim], targets: [batch × outputDim], row-major.
 * labels: p_label per sample (1 safe, 0 unsafe); when omitted they are derived from the current
 * approximator error (eq. 1) with `labelRule`.
 */
export function computeAxnetLoss(
  params: AxnetParams,
  inputs: ArrayLike<number>,
  targets: ArrayLike<number>,
  options: { labels?: ArrayLike<number>; labelRule?: { metric: ErrorMetricId; bound: number } },
): AxnetLoss {
  const inputDim = params.approximator[0].fanIn;
  const outputDim = params.approximator[params.approximator.length - 1].fanOut;
  const batch = Math.floor(inputs.length / inputDim);
  const outputs = new Float64Array(batch * outputDim);
  const sigmoid = (params.predictionOutput ?? 'softmax') === 'sigmoid';
  const width = sigmoid ? 1 : 2;
  const logits = new Float64Array(batch * width);
  for (let s = 0; s < batch; s++) {
    const result = computeAxnetForward(params, Array.prototype.slice.call(inputs, s * inputDim, (s + 1) * inputDim));
    outputs.set(result.output, s * outputDim);
    logits.set(result.logits, s * width);
  }
  let labels: Uint8Array;
  if (options.labels) labels = Uint8Array.from(options.labels, (v) => (v ? 1 : 0));
  else if (options.labelRule) {
    const errors = computeSampleErrors(options.labelRule.metric, outputs, targets, outputDim);
    labels = Uint8Array.from(errors, (e) => (labelSafe(e, options.labelRule!.bound) ? 1 : 0));
  } else throw new Error('computeAxnetLoss needs labels or a labelRule');
  let squared = 0;
  for (let k = 0; k < outputs.length; k++) squared += (outputs[k] - targets[k]) ** 2;
  let crossEntropy = 0;
  for (let s = 0; s < batch; s++) {
    crossEntropy += sigmoid ? computeSigmoidCrossEntropy(logits[s], labels[s]) : computeCrossEntropy(logits[2 * s], logits[2 * s + 1], labels[s]);
  }
  const mse = batch === 0 ? 0 : squared / (batch * outputDim);
  crossEntropy = batch === 0 ? 0 : crossEntropy / batch;
  return { loss: mse + crossEntropy, mse, crossEntropy, labels };
}

/** A neuron counts as suppressed at a point when its control value is near zero: |c| < 0.1. */
export const SUPPRESSION_THRESHOLD = 0.1;
export const SUPPRESSION_RULE = `suppressed where |c| < ${SUPPRESSION_THRESHOLD} (the activation is scaled by less than a tenth)`;

export function isSuppressed(control: number): boolean {
  return Math.abs(control) < SUPPRESSION_THRESHOLD;
}
