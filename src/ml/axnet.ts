/**
 * AXNet in low-level tfjs ops (paper §III-B, eq. 1–4); no Layers API.
 *
 * All trainable numbers of a run live in ONE flat float32 variable θ (AXNet's approximator, its
 * predictor and, when trained, the lone approximator). Each step splits θ with a single `split`
 * kernel and reshapes the kernels. Adam is elementwise, so one Adam over θ performs exactly the
 * same updates as one Adam per tensor, or one Adam per network (the lone approximator's gradient
 * is exactly zero on AXNet's entries and vice versa) — but it launches ~18 kernels per step instead
 * of ~18 per tensor, which is what costs time for nets this small (PLATFORM.md: dispatch-bound).
 *
 * Layout of θ: approximator layers (kernel, bias)…, predictor layers (kernel, bias)…, then the lone
 * approximator's layers. Kernels are [fanIn × fanOut] row-major, y = x·W + b.
 * The predictor's output layer is Σ L_i + 2 wide (eq. 3): [c(1)…c(l), z_unsafe, z_safe]. Generalized:
 * with fusion 'first' / 'second' (§III-D) only that hidden layer gets a control vector, so the output is
 * Σ_{i fused} L_i + 2 wide; with a sigmoid P(x) the last part is one unit z instead of two logits (eq. 3).
 * ⊙c(i) sits after the activation (Algorithm 1, §IV, authors' code; the default) or inside it (eq. 4 as
 * printed): config.controlPlacement, CONTROL_PLACEMENT_SPECS (src/core/modelChoices.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { ControlPlacement, FusionChoice, Initialization, PredictionOutput } from '../core/config';
import { getPredictionWidth, resolveFusedLayers } from '../core/axnetMath';
import { INIT_KERNEL_STDDEV, getInitialBias } from '../core/modelChoices';
import type { ErrorMetricId } from '../core/targets/types';
import { RELATIVE_ERROR_EPSILON } from '../core/metrics';
import { createRng } from '../core/rng';
import type { AxnetWeights, DenseLayerWeights } from '../core/weights';

/**
 * Initialization (config.initialization, INITIALIZATION_SPECS in src/core/modelChoices.ts): kernels
 * ~ N(0, INIT_KERNEL_STDDEV = 0.1) from the seeded stream, as in the authors' code, and biases either
 * - 'authorsZeroBias': zeros, the authors' code (their dense layers keep the default zero bias; issue 11), or
 * - 'bias0.1': 0.1, the lab's default link (the TF1-era `tf.constant(0.1)` idiom for ReLU nets). Lab
 *   measurement behind that default: with zero biases and lr 1e-2, all ReLUs of the 2-4-4-1 lone approximator
 *   died (constant output, true invocation 0.13) in 3 of 6 seeds at bound 0.05 within 3000 steps; with 0.1
 *   none did, and AXNet passed 0.9 true invocation in 5 of 6 seeds. Issue 11 found the same collapse in the
 *   baselines with the authors' zeros (Bessel 2-4-4-1: 2 of 3 seeds), while AXNet did not die.
 */
export { INIT_KERNEL_STDDEV };

export interface DenseSlot {
  fanIn: number;
  fanOut: number;
  kernelOffset: number;
  biasOffset: number;
}

export interface AxnetLayout {
  inputDim: number;
  outputDim: number;
  /** Approximator widths, input first: [N, L_1, …, L_l, outputDim]. */
  approximatorWidths: number[];
  /** Predictor widths, input first: [N, …hidden, Σ_{i fused} L_i + 2 (or + 1)]  (eq. 3). */
  predictorWidths: number[];
  /** Approximator hidden layers (0-based, ascending) that receive ⊙c(i) (§III-D); all by default. */
  fusedLayers: number[];
  /** L_i of each fused layer: the widths of the control vectors c(i), parallel to fusedLayers. */
  controlWidths: number[];
  /** P(x) as 2 softmax logits or 1 sigmoid unit (eq. 3). */
  predictionOutput: PredictionOutput;
  approximator: DenseSlot[];
  predictor: DenseSlot[];
  /** Lone approximator (same topology as AXNet's approximator, no ⊙c), or null. */
  lone: DenseSlot[] | null;
  /** Length of θ. */
  size: number;
  /** Piece sizes for the one tf.split of θ: kernel, bias, kernel, bias, … in layout order. */
  splitSizes: number[];
}

export function computeAxnetLayout(
  inputDim: number,
  outputDim: number,
  approximatorHidden: readonly number[],
  predictorHidden: readonly number[],
  withLone: boolean,
  structure: { fusion?: FusionChoice; predictionOutput?: PredictionOutput } = {},
): AxnetLayout {
  if (approximatorHidden.length === 0) throw new Error('AXNet needs at least one approximator hidden layer');
  const fusedLayers = resolveFusedLayers(structure.fusion ?? 'all', approximatorHidden.length);
  const predictionOutput = structure.predictionOutput ?? 'softmax';
  const controlWidths = fusedLayers.map((i) => approximatorHidden[i]);
  const approximatorWidths = [inputDim, ...approximatorHidden, outputDim];
  // N_o = Σ_{i fused} L_i + 2 with a softmax P(x), + 1 with a sigmoid P(x)  (eq. 3)
  const predictorWidths = [inputDim, ...predictorHidden, controlWidths.reduce((a, b) => a + b, 0) + getPredictionWidth(predictionOutput)];
  let offset = 0;
  const splitSizes: number[] = [];
  const place = (widths: number[]): DenseSlot[] =>
    widths.slice(1).map((fanOut, k) => {
      const fanIn = widths[k];
      const slot = { fanIn, fanOut, kernelOffset: offset, biasOffset: offset + fanIn * fanOut };
      offset += fanIn * fanOut + fanOut;
      splitSizes.push(fanIn * fanOut, fanOut);
      return slot;
    });
  const approximator = place(approximatorWidths);
  const predictor = place(predictorWidths);
  const lone = withLone ? place(approximatorWidths) : null;
  return {
    inputDim,
    outputDim,
    approximatorWidths,
    predictorWidths,
    fusedLayers,
    controlWidths,
    predictionOutput,
    approximator,
    predictor,
    lone,
    size: offset,
    splitSizes,
  };
}

/**
 * Initial θ: kernels ~ N(0, 0.1) (authors' code), biases 0 ('authorsZeroBias') or 0.1 ('bias0.1').
 * AXNet's kernels draw from stream 'axnet-init' (approximator layers first, then predictor layers,
 * each kernel row-major); the lone approximator's from 'lone-init'. Never tf.randomNormal (seed 0 is ignored there).
 * The kernels do not depend on the initialization: the biases draw nothing from the stream.
 */
export function initializeAxnetParameters(layout: AxnetLayout, seed: number, initialization: Initialization): Float32Array {
  const theta = new Float32Array(layout.size);
  const bias = getInitialBias(initialization);
  const fill = (slots: DenseSlot[], stream: 'axnet-init' | 'lone-init') => {
    const rng = createRng(seed, stream);
    for (const slot of slots) {
      for (let k = 0; k < slot.fanIn * slot.fanOut; k++) theta[slot.kernelOffset + k] = INIT_KERNEL_STDDEV * rng.normal();
      theta.fill(bias, slot.biasOffset, slot.biasOffset + slot.fanOut);
    }
  };
  fill([...layout.approximator, ...layout.predictor], 'axnet-init');
  if (layout.lone) fill(layout.lone, 'lone-init');
  return theta;
}

function readSlots(slots: DenseSlot[], theta: Float32Array): DenseLayerWeights[] {
  return slots.map((slot) => ({
    fanIn: slot.fanIn,
    fanOut: slot.fanOut,
    kernel: theta.slice(slot.kernelOffset, slot.kernelOffset + slot.fanIn * slot.fanOut),
    bias: theta.slice(slot.biasOffset, slot.biasOffset + slot.fanOut),
  }));
}

/** θ → plain weights of AXNet (and of the lone approximator when the layout has one). */
export function unpackAxnetParameters(layout: AxnetLayout, theta: Float32Array): { axnet: AxnetWeights; lone: DenseLayerWeights[] | null } {
  return {
    axnet: {
      approximator: readSlots(layout.approximator, theta),
      predictor: readSlots(layout.predictor, theta),
      fusedLayers: [...layout.fusedLayers],
      predictionOutput: layout.predictionOutput,
    },
    lone: layout.lone ? readSlots(layout.lone, theta) : null,
  };
}

/** Plain weights → θ (tests, imports). Layer sizes must match the layout. */
export function packAxnetParameters(
  layout: AxnetLayout,
  weights: { approximator: readonly DenseLayerWeights[]; predictor: readonly DenseLayerWeights[] },
  lone?: readonly DenseLayerWeights[] | null,
): Float32Array {
  const theta = new Float32Array(layout.size);
  const write = (slots: DenseSlot[], layers: readonly DenseLayerWeights[], name: string) => {
    if (layers.length !== slots.length) throw new Error(`${name}: expected ${slots.length} layers, got ${layers.length}`);
    slots.forEach((slot, k) => {
      const layer = layers[k];
      if (layer.kernel.length !== slot.fanIn * slot.fanOut || layer.bias.length !== slot.fanOut) {
        throw new Error(`${name} layer ${k}: expected ${slot.fanIn}×${slot.fanOut}`);
      }
      theta.set(layer.kernel, slot.kernelOffset);
      theta.set(layer.bias, slot.biasOffset);
    });
  };
  write(layout.approximator, weights.approximator, 'approximator');
  write(layout.predictor, weights.predictor, 'predictor');
  if (layout.lone) {
    if (!lone) throw new Error('layout has a lone approximator but no lone weights were given');
    write(layout.lone, lone, 'lone approximator');
  }
  return theta;
}

/**
 * Rows of one model, [batch, F], or of K models at once, [K, batch, F] (a leading model axis: one
 * batched program trains K models, src/ml/group/engine.ts). Every function below takes either.
 */
export type Rows = tf.Tensor;

export interface DenseTensors {
  /** [fanIn, fanOut] (one model) or [K, fanIn, fanOut] */
  kernel: tf.Tensor;
  /** [fanOut] or [K, 1, fanOut] */
  bias: tf.Tensor;
}

export interface AxnetTensors {
  approximator: DenseTensors[];
  predictor: DenseTensors[];
  lone: DenseTensors[] | null;
  /** Fused hidden layers (default: all) and P(x) kind (default: softmax), from the layout. */
  fusedLayers?: readonly number[];
  predictionOutput?: PredictionOutput;
  /** Where ⊙c(i) sits (default: after the activation, Algorithm 1 / §IV / authors' code). */
  controlPlacement?: ControlPlacement;
  /** The product x·W of every dense layer: exact tf.matMul by default; an approximate multiplier (DRUM-k, src/ml/axtrain/hardware.ts) to run the net on approximate hardware. */
  multiply?: DenseProduct;
}

/** x [batch, fanIn] · W [fanIn, fanOut] → [batch, fanOut]. */
export type DenseProduct = (x: Rows, kernel: tf.Tensor) => Rows;

/** θ → per-layer tensors: one split kernel plus one reshape per weight matrix (differentiable). */
export function splitAxnetParameters(theta: tf.Tensor1D, layout: AxnetLayout): AxnetTensors {
  const pieces = tf.split(theta, layout.splitSizes) as tf.Tensor1D[];
  let next = 0;
  const take = (slots: DenseSlot[]): DenseTensors[] =>
    slots.map((slot) => {
      const kernel = tf.reshape(pieces[next++], [slot.fanIn, slot.fanOut]);
      const bias = pieces[next++];
      return { kernel, bias };
    });
  const approximator = take(layout.approximator);
  const predictor = take(layout.predictor);
  const lone = layout.lone ? take(layout.lone) : null;
  return { approximator, predictor, lone, fusedLayers: layout.fusedLayers, predictionOutput: layout.predictionOutput };
}

/** Rows (K models × batch) from which splitUnits goes through a transpose. */
export const SPLIT_BY_TRANSPOSE_ROWS = 512;

/**
 * tf.split along the units (last) axis. The backends cut such a split row by row (wasm: one typed-array
 * copy per row and part), and its gradient (a concat with zeros for the parts a loss does not use) costs
 * ~14 ms for 64 models × 128 rows on wasm. With the units axis moved to the front every part is one
 * contiguous block, and the gradient ~2 ms (bench: scripts/microbench). Transposes and slices only copy,
 * so both ways give the same numbers; small inputs (one model's batch) keep the direct split.
 */
export function splitUnits(x: Rows, sizes: readonly number[]): Rows[] {
  const rows = x.size / x.shape[x.rank - 1];
  if (x.rank < 3 || rows < SPLIT_BY_TRANSPOSE_ROWS) return tf.split(x, [...sizes], -1);
  const last = x.rank - 1;
  const toFront = [last, ...Array.from({ length: last }, (_, i) => i)];
  const toBack = [...Array.from({ length: last }, (_, i) => i + 1), 0];
  return tf.split(tf.transpose(x, toFront), [...sizes], 0).map((part) => tf.transpose(part, toBack));
}

/**
 * y = f(x·W + b); x: [batch, fanIn] → [batch, fanOut] (or [K, batch, ·], a batched matMul per model).
 * Plain matMul + add (+ relu): under a gradient tape tf.fused.matMul does not fuse relu, and its custom
 * gradient adds ~10 reshape/identity kernels.
 */
export function applyDenseLayer(layer: DenseTensors, x: Rows, activation: 'relu' | 'linear', multiply?: DenseProduct): Rows {
  const product = multiply ? multiply(x, layer.kernel) : tf.matMul(x as tf.Tensor3D, layer.kernel as tf.Tensor3D);
  const z = tf.add(product, layer.bias);
  return activation === 'relu' ? tf.relu(z) : z;
}

export interface AxnetForwardTensors {
  /** H(x): [batch, outputDim]. */
  output: Rows;
  /**
   * [batch, 1] ([K, batch, 1]): softmax P(x): z_safe − z_unsafe, so P(safe | x) = softmax(z)[1] = σ(gap);
   * sigmoid P(x): the unit z itself, P(safe | x) = σ(z). Either way predicted safe ⇔ gap > 0.
   */
  logitGap: Rows;
  /** [batch, 2]: [z_unsafe, z_safe], or [batch, 1]: [z] for a sigmoid P(x) (only with keepHidden). */
  logits: Rows | null;
  /**
   * Per FUSED hidden layer (only with keepHidden): c(i); `before` = ReLU(a·W + b), the activation without the
   * control; `after` = the layer's output with it (the next layer's input): ReLU(a·W + b) ⊙ c(i) after the
   * activation, ReLU((a·W) ⊙ c(i) + b) inside it. [batch, L_i] each.
   */
  controls: Rows[];
  before: Rows[];
  after: Rows[];
}

/** Predictor (ReLU hidden layers, linear split output, eq. 3) and approximator with ⊙c (eq. 4, either placement). x: [batch, N]. */
export function forwardAxnet(params: AxnetTensors, x: Rows, keepHidden = false): AxnetForwardTensors {
  if (x.rank === 3 && !params.multiply) return forwardAxnetUnitsMajor(params, x, keepHidden);
  const hiddenCount = params.approximator.length - 1;
  const fusedLayers = params.fusedLayers ?? Array.from({ length: hiddenCount }, (_, i) => i);
  const sigmoid = params.predictionOutput === 'sigmoid';
  const inside = (params.controlPlacement ?? 'afterActivation') === 'insideActivation';
  // Predictor: h(k+1) = ReLU(h(k)·W + b); last layer linear, [batch, Σ_{fused} L_i + 2 (or + 1)]
  let h = x;
  params.predictor.forEach((layer, k) => {
    h = applyDenseLayer(layer, h, k < params.predictor.length - 1 ? 'relu' : 'linear', params.multiply);
  });
  const kernelShape = (i: number) => params.approximator[i].kernel.shape;
  const widths = fusedLayers.map((i) => kernelShape(i)[kernelShape(i).length - 1]);
  // Split [c(i) per fused layer…, z_unsafe, z_safe] (or […, z]) in one kernel, along the units axis.
  const parts = splitUnits(h, [...widths, ...(sigmoid ? [1] : [1, 1])]);
  const controls = parts.slice(0, widths.length);
  const zParts = parts.slice(widths.length);
  const logitGap = sigmoid ? zParts[0] : tf.sub(zParts[1], zParts[0]);
  const before: Rows[] = [];
  const after: Rows[] = [];
  let a = x;
  for (let i = 0; i < hiddenCount; i++) {
    const layer = params.approximator[i];
    const k = fusedLayers.indexOf(i);
    if (k < 0) {
      // unfused layer (§III-D): a(i+1) = f(W(i)ᵀ a(i) + b(i)), no ⊙c
      a = applyDenseLayer(layer, a, 'relu', params.multiply);
      continue;
    }
    if (inside) {
      // a(i+1) = f(W(i)ᵀ a(i) ⊙ c(i) + b(i))  (eq. 4 as printed: ⊙ before the bias and the ReLU); a: [batch, L_i]
      const product = params.multiply ? params.multiply(a, layer.kernel) : tf.matMul(a as tf.Tensor3D, layer.kernel as tf.Tensor3D);
      a = tf.relu(tf.add(tf.mul(product, controls[k]), layer.bias));
      if (keepHidden) {
        before.push(tf.relu(tf.add(product, layer.bias)));
        after.push(a);
      }
      continue;
    }
    // a(i+1) = f(W(i)ᵀ a(i) + b(i)) ⊙ c(i)  (Algorithm 1 line 9, the §IV PE, the authors' code); a: [batch, L_i]
    const activated = applyDenseLayer(layer, a, 'relu', params.multiply);
    a = tf.mul(activated, controls[k]);
    if (keepHidden) {
      before.push(activated);
      after.push(a);
    }
  }
  const output = applyDenseLayer(params.approximator[hiddenCount], a, 'linear', params.multiply);
  return {
    output,
    logitGap,
    logits: keepHidden ? (sigmoid ? zParts[0] : tf.concat(zParts, -1)) : null,
    controls: keepHidden ? controls : [],
    before,
    after,
  };
}

/**
 * [K, rows, F] ↔ [K, F, rows]. A tensor with F = 1 (or rows = 1) has the same memory order either way, so a
 * reshape moves it (no kernel work); others go through a transpose.
 */
function swapRowsAndUnits(t: Rows): Rows {
  const [K, a, b] = t.shape;
  return a === 1 || b === 1 ? tf.reshape(t, [K, b, a]) : tf.transpose(t, [0, 2, 1]);
}

/**
 * forwardAxnet for K models' rows [K, batch, N], computed units-major: every activation is held as
 * aᵀ [K, L, batch] and each layer is zᵀ = Wᵀ·aᵀ + bᵀ (a batched matMul with transposeA; bᵀ [K, L, 1]).
 * Each entry is the same dot product over the same fanIn terms in the same order as (a·W + b)ᵀ, and each
 * gradient sums the same terms in the same order (dW over the batch, dx over fanOut, db over the batch),
 * so the numbers are those of the rows-major program (group.test.ts: K models equal their solo runs
 * exactly on cpu). Why: the predictor's output splits into [c(1)…, z] along the units axis (eq. 3), which is
 * now a split into contiguous [L_i × batch] blocks per model, with no transposes and a concat as its gradient;
 * the bias add broadcasts along the last axis, which is cheaper on wasm (≈ 4× than a broadcast over the rows).
 * Measured on wasm in Node, K = 64: the step's kernel time −16 %, its CPU time −8 % (K = 256: −10 %).
 */
function forwardAxnetUnitsMajor(params: AxnetTensors, x: Rows, keepHidden: boolean): AxnetForwardTensors {
  const hiddenCount = params.approximator.length - 1;
  const fusedLayers = params.fusedLayers ?? Array.from({ length: hiddenCount }, (_, i) => i);
  const sigmoid = params.predictionOutput === 'sigmoid';
  const inside = (params.controlPlacement ?? 'afterActivation') === 'insideActivation';
  // zᵀ [K, fanOut, batch] = Wᵀ [K, fanOut, fanIn] · aᵀ [K, fanIn, batch]
  const product = (layer: DenseTensors, aT: Rows): Rows => tf.matMul(layer.kernel as tf.Tensor3D, aT as tf.Tensor3D, true, false);
  const biasT = (layer: DenseTensors): Rows => swapRowsAndUnits(layer.bias); // [K, 1, fanOut] → [K, fanOut, 1]
  const dense = (layer: DenseTensors, aT: Rows, activation: 'relu' | 'linear'): Rows => {
    const z = tf.add(product(layer, aT), biasT(layer));
    return activation === 'relu' ? tf.relu(z) : z;
  };
  const xT = swapRowsAndUnits(x);
  // Predictor: hᵀ(k+1) = ReLU(Wᵀ hᵀ(k) + bᵀ); last layer linear, [K, Σ_{fused} L_i + 2 (or + 1), batch]
  let hT = xT;
  params.predictor.forEach((layer, k) => {
    hT = dense(layer, hT, k < params.predictor.length - 1 ? 'relu' : 'linear');
  });
  const kernelShape = (i: number) => params.approximator[i].kernel.shape;
  const widths = fusedLayers.map((i) => kernelShape(i)[kernelShape(i).length - 1]);
  const parts = tf.split(hT, [...widths, ...(sigmoid ? [1] : [1, 1])], 1);
  const controlsT = parts.slice(0, widths.length);
  const zParts = parts.slice(widths.length);
  const logitGapT = sigmoid ? zParts[0] : tf.sub(zParts[1], zParts[0]);
  const before: Rows[] = [];
  const after: Rows[] = [];
  let aT = xT;
  for (let i = 0; i < hiddenCount; i++) {
    const layer = params.approximator[i];
    const k = fusedLayers.indexOf(i);
    if (k < 0) {
      aT = dense(layer, aT, 'relu'); // unfused layer (§III-D)
      continue;
    }
    if (inside) {
      // a(i+1) = f(W(i)ᵀ a(i) ⊙ c(i) + b(i))  (eq. 4 as printed)
      const z = product(layer, aT);
      aT = tf.relu(tf.add(tf.mul(z, controlsT[k]), biasT(layer)));
      if (keepHidden) {
        before.push(swapRowsAndUnits(tf.relu(tf.add(z, biasT(layer)))));
        after.push(swapRowsAndUnits(aT));
      }
      continue;
    }
    // a(i+1) = f(W(i)ᵀ a(i) + b(i)) ⊙ c(i)  (Algorithm 1 line 9, the §IV PE, the authors' code)
    const activated = dense(layer, aT, 'relu');
    aT = tf.mul(activated, controlsT[k]);
    if (keepHidden) {
      before.push(swapRowsAndUnits(activated));
      after.push(swapRowsAndUnits(aT));
    }
  }
  const output = swapRowsAndUnits(dense(params.approximator[hiddenCount], aT, 'linear'));
  return {
    output,
    logitGap: swapRowsAndUnits(logitGapT),
    logits: keepHidden ? swapRowsAndUnits(sigmoid ? zParts[0] : tf.concat(zParts, 1)) : null,
    controls: keepHidden ? controlsT.map(swapRowsAndUnits) : [],
    before,
    after,
  };
}

/** Lone approximator: ReLU MLP with a linear output layer, no predictor. x: [batch, N] → [batch, outputDim]. */
export function forwardApproximator(layers: DenseTensors[], x: Rows): Rows {
  let a = x;
  layers.forEach((layer, k) => {
    a = applyDenseLayer(layer, a, k < layers.length - 1 ? 'relu' : 'linear');
  });
  return a;
}

/** Per-sample error in the target's metric (authors' code): max over outputs, or rms. → [batch, 1] ([K, batch, 1]). */
export function computeSampleErrorTensor(metric: ErrorMetricId, output: Rows, target: Rows): Rows {
  switch (metric) {
    case 'absolute':
      return tf.max(tf.abs(tf.sub(output, target)), -1, true);
    case 'relative':
      // |h − y| / (|y| + 1e-11), every output within the bound ⇔ the max is
      return tf.max(tf.div(tf.abs(tf.sub(output, target)), tf.add(tf.abs(target), RELATIVE_ERROR_EPSILON)), -1, true);
    case 'rms':
      return tf.sqrt(tf.mean(tf.squaredDifference(output, target), -1, true));
    default: {
      const unknown: never = metric;
      throw new Error(`Unsupported error metric: ${String(unknown)}`);
    }
  }
}

/**
 * s = 1 − 2·p_label ∈ {+1 unsafe, −1 safe}, p_label = bool{Err(H(x) − y) < bound}  (eq. 1); [batch, 1]
 * ([K, batch, 1], with one bound per model as a [K, 1, 1] tensor).
 * Gradient-free by construction: the whole label computation runs inside one tf.customGrad node
 * whose gradient is zero, and ops inside a custom-gradient forward are not recorded on the tape.
 * A NaN error is not < bound, so it is unsafe.
 */
export function computeLabelSign(output: Rows, target: Rows, metric: ErrorMetricId, bound: number | tf.Tensor): Rows {
  const labelOp = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const h = inputs[0] as tf.Tensor;
    const error = computeSampleErrorTensor(metric, h, target);
    // One bound per model ([K, 1, 1]): e < b ⇔ fl(e − b) < 0 for finite floats (an exactly rounded difference keeps
    // its sign), and a broadcast subtraction is native on wasm where a broadcast comparison is not.
    const below = typeof bound === 'number' ? tf.less(error, bound) : tf.less(tf.sub(error, bound), 0);
    const safe = tf.cast(below, 'float32');
    return { value: tf.sub(1, tf.mul(safe, 2)), gradFunc: () => tf.zerosLike(h) };
  });
  return labelOp(output);
}

/**
 * Mean over everything but the model axis: a scalar for rows of one model ([batch, F]), one value per
 * model ([K]) for [K, batch, F] — the same sum in the same order per model, so K = 1 gives the scalar's bits.
 */
export function meanPerModel(values: tf.Tensor): tf.Tensor {
  return values.rank <= 2
    ? tf.mean(values)
    : tf.mean(
        values,
        Array.from({ length: values.rank - 1 }, (_, i) => i + 1),
      );
}

/** Scalars for one model's rows, [K] vectors for K models'. */
export interface AxnetLossTensors {
  /** J = L_a + L_p  (eq. 2). */
  loss: tf.Tensor;
  /** L_a = mean (H(x) − y)² over batch and outputs. */
  mse: tf.Tensor;
  /** L_p = mean softmax (or sigmoid binary) cross-entropy of P(x) against p_label. */
  crossEntropy: tf.Tensor;
}

/**
 * J (eq. 2). With labels omitted, p_label is recomputed from the current approximator (eq. 1,
 * no gradient); `labels` ([batch, 1], 1 = safe) fixes them instead (tests).
 * Two-class softmax CE: −log softmax(z)[p] = softplus(s · (z_safe − z_unsafe)) with s = 1 − 2p.
 * Sigmoid binary CE: −[p log σ(z) + (1 − p) log(1 − σ(z))] = softplus(s · z): the same formula on logitGap.
 */
export function computeAxnetLoss(forward: AxnetForwardTensors, target: Rows, rule: { metric: ErrorMetricId; bound: number | tf.Tensor }, labels?: Rows): AxnetLossTensors {
  const mse = meanPerModel(tf.squaredDifference(forward.output, target));
  const sign = labels ? tf.sub(1, tf.mul(labels, 2)) : computeLabelSign(forward.output, target, rule.metric, rule.bound);
  const crossEntropy = meanPerModel(tf.softplus(tf.mul(sign, forward.logitGap)));
  return { loss: tf.add(mse, crossEntropy), mse, crossEntropy };
}
