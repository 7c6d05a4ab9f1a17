/**
 * AxTrain's approximate hardware as tf ops (AxTrain §3.2 "AxTrain-pas", eq. 12; reference axtrain-nas.md A.4,
 * D.1.2): DRUM-k multiplies, dynamic fixed point and NTV SRAM bit flips in the forward pass of a dense layer, and
 * the straight-through estimator in its backward pass. The float64/integer references are src/core/approx/.
 *
 * Shapes: x [batch, fanIn], kernel [fanIn, fanOut], bias [fanOut]; y = x·K + b [batch, fanOut] (the lab's layout).
 */
import * as tf from '@tensorflow/tfjs';
import {
  DRUM_OPERAND_MIN_INT_BITS,
  FIXED_POINT_INT_BITS_MAX,
  FIXED_POINT_INT_BITS_MIN,
  STORED_WEIGHT_MIN_INT_BITS,
  applyFlipMasks,
  checkWordBits,
  chooseFormat,
  dequantize,
  drawFlipMasks,
  quantize,
  type FixedPointFormat,
} from '../../core/approx/fixedPoint';
import { DRUM_K_MAX } from '../../core/approx/drum';
import type { Rng } from '../../core/rng';

/**
 * DRUM-k operand transform of integer-valued x (float32, |x| < 2^magnitudeBits), signed by sign-magnitude
 * (reference A.4.1 "Tensor formula"): backend-independent and exact, with comparisons instead of log2 (a GPU log2
 * can misround at powers of two).
 *   2^s = 1 + Σ_{b=k}^{W−1} [|x| ≥ 2^b] · 2^{b−k}      (s = max(t − k + 1, 0), t = Σ_{b=1}^{W−1} [|x| ≥ 2^b])
 *   x̃ = |x| < 2^k ? |x| : (2·⌊|x| / 2^{s+1}⌋ + 1) · 2^s,   result sgn(x)·x̃
 * The sum is taken as a chain of selects, scale ← |x| ≥ 2^b ? 2^{b−k+1} : scale for b = k…W−1 (2 ops per bit
 * instead of 4); every value is a power of two, so each step is exact in float32.
 */
export function drumOperandTensor<T extends tf.Tensor>(x: T, k: number, magnitudeBits: number): T {
  if (!Number.isInteger(k) || k < 1 || k > DRUM_K_MAX) throw new RangeError(`DRUM k must be an integer in 1…${DRUM_K_MAX}, not ${k}`);
  if (!Number.isInteger(magnitudeBits) || magnitudeBits < 1 || magnitudeBits > 24) throw new RangeError(`magnitudeBits must be an integer in 1…24, not ${magnitudeBits}`);
  return tf.tidy(() => {
    const magnitude = tf.abs(x);
    let scale: tf.Tensor = tf.onesLike(magnitude); // 2^s
    for (let b = k; b < magnitudeBits; b++) scale = tf.where(tf.greaterEqual(magnitude, 2 ** b), tf.scalar(2 ** (b - k + 1)), scale);
    const segment = tf.add(tf.mul(tf.floor(tf.div(magnitude, tf.mul(scale, 2))), 2), 1); // (|x| >> s) | 1
    const truncated = tf.where(tf.less(magnitude, 2 ** k), magnitude, tf.mul(segment, scale));
    return tf.mul(tf.sign(x), truncated) as T;
  });
}

/** A per-layer format chosen in the graph: scale = 2^f and lsb = 2^−f as scalars (no readback). */
export interface FixedPointFormatTensor {
  wordBits: number;
  scale: tf.Scalar;
  lsb: tf.Scalar;
}

/**
 * chooseFormat (src/core/approx/fixedPoint.ts) in the graph: I = the smallest integer ≥ minIntBits with
 * max|x| < 2^I, within [FIXED_POINT_INT_BITS_MIN, FIXED_POINT_INT_BITS_MAX], by counting
 * c = Σ_{e=lower}^{I_max−1} [max|x| ≥ 2^e] (I = lower + c) and looking 2^f, f = W − 1 − I, up in a table of exact
 * powers of two. The caller disposes scale and lsb (or calls it inside tf.tidy).
 */
export function chooseFormatTensor(x: tf.Tensor, wordBits: number, options: { minIntBits?: number } = {}): FixedPointFormatTensor {
  checkWordBits(wordBits);
  const minIntBits = options.minIntBits ?? STORED_WEIGHT_MIN_INT_BITS;
  const lower = Math.min(Math.max(minIntBits, FIXED_POINT_INT_BITS_MIN), FIXED_POINT_INT_BITS_MAX);
  const steps = FIXED_POINT_INT_BITS_MAX - lower; // c ∈ [0, steps]
  const [scale, lsb] = tf.tidy(() => {
    const maxAbs = tf.max(tf.abs(x));
    const thresholds = tf.tensor1d(Array.from({ length: steps }, (_, c) => 2 ** (lower + c)));
    const count = tf.sum(tf.cast(tf.greaterEqual(maxAbs, thresholds), 'int32')); // int32 scalar
    const fracBits = Array.from({ length: steps + 1 }, (_, c) => wordBits - 1 - (lower + c));
    const lookUp = (table: number[]) => tf.reshape(tf.gather(tf.tensor1d(table), count), []) as tf.Scalar;
    return [lookUp(fracBits.map((f) => 2 ** f)), lookUp(fracBits.map((f) => 2 ** -f))];
  });
  return { wordBits, scale, lsb };
}

function isFormatTensor(format: FixedPointFormat | FixedPointFormatTensor): format is FixedPointFormatTensor {
  return 'scale' in format;
}

/** q = clamp(round(x · 2^f), −2^(W−1), 2^(W−1) − 1), integer-valued float32 (tf.round: ties to even, as the core). */
export function quantizeTensor<T extends tf.Tensor>(x: T, format: FixedPointFormat | FixedPointFormatTensor): T {
  checkWordBits(format.wordBits);
  const scale = isFormatTensor(format) ? format.scale : 2 ** format.fracBits;
  return tf.tidy(() => tf.clipByValue(tf.round(tf.mul(x, scale)), -(2 ** (format.wordBits - 1)), 2 ** (format.wordBits - 1) - 1) as T);
}

/** v = q · 2^−f. */
export function dequantizeTensor<T extends tf.Tensor>(q: T, format: FixedPointFormat | FixedPointFormatTensor): T {
  return tf.tidy(() => tf.mul(q, isFormatTensor(format) ? format.lsb : 2 ** -format.fracBits) as T);
}

/**
 * Where the NTV flip masks come from: `draw` takes fresh i.i.d. Bernoulli(p) masks from rng at every call (pas
 * training: "whenever the weights are retrieved in the forward propagation", AxTrain §3.2); `masks` applies given
 * W-bit masks, one per stored word, kernel words first (row-major) then bias words (evaluation: one mask per run).
 */
export type NtvFlipSource = { kind: 'draw'; p: number; rng: Rng } | { kind: 'masks'; masks: Int32Array };

/**
 * NTV SRAM storage of one layer's parameters (reference A.4.2): every tensor of `weights` (kernel and bias) stored in
 * one per-layer W-bit two's-complement format (chooseFormat, I ≥ 0), its bits flipped by the source's masks
 * (q' = decode(bits(q) ⊕ mask)), and read back. Returns the read-back tensors (the caller disposes them) and the format.
 *
 * Built in core JS and uploaded: tf has no bitwise XOR. The arithmetic XOR in tf (u = q mod 2^W, its W bits from
 * ⌊u·2^−b⌋ − 2⌊u·2^−b−1⌋ on an [n, W+1] tensor, u' = u + Σ_b m_b·2^b·(1 − 2·bit_b)) was measured against it in Node 20
 * on this machine, 30k words at W = 8 and 16, p = 1 %, read-back included: cpu 303–602 ms vs 0.7–0.8 ms, wasm
 * 8.4–9.3 ms vs 0.9–1.3 ms (6k words: cpu 92–116 vs 1.0 ms, wasm 3–4 vs 0.25 ms). The masks are drawn in JS either
 * way (the seeded generator lives in core), and on cpu and wasm a read-back is a copy, so the 10–400× goes to JS.
 * On webgl/webgpu the read-back would stall the GPU queue once per call.
 */
export function flipStoredWeightsTensor(weights: readonly tf.Tensor[], wordBits: number, source: NtvFlipSource): { flipped: tf.Tensor[]; format: FixedPointFormat } {
  const sizes = weights.map((w) => w.size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const values = new Float32Array(total);
  let offset = 0;
  for (const w of weights) {
    values.set(w.dataSync() as Float32Array, offset);
    offset += w.size;
  }
  const format = chooseFormat(values, wordBits, { minIntBits: STORED_WEIGHT_MIN_INT_BITS });
  const words = quantize(values, format);
  const masks = source.kind === 'draw' ? drawFlipMasks(total, wordBits, source.p, source.rng) : source.masks;
  if (masks.length !== total) throw new RangeError(`NTV masks: ${masks.length} masks for ${total} stored words`);
  const readBack = dequantize(applyFlipMasks(words, masks, wordBits), format);
  offset = 0;
  const flipped = weights.map((w) => {
    const tensor = tf.tensor(readBack.subarray(offset, offset + w.size), w.shape, 'float32');
    offset += w.size;
    return tensor;
  });
  return { flipped, format };
}

/**
 * The hardware a dense layer runs on (reference D.1.2).
 * - exact: float32 x·K + b;
 * - drum: x and K in per-layer dynamic fixed point of actBits / weightBits (I as small as the data allows, chosen
 *   in the graph from this batch and this kernel unless actFormat / weightFormat are given, e.g. from a calibration
 *   batch), every product by DRUM-k, accumulated in float32; the bias added exactly (reference A.4.1 "Operand formats");
 * - ntv: K and b stored in weightBits-bit SRAM words that flip (flipStoredWeightsTensor); the products are exact.
 */
export type HardwareModel =
  | { kind: 'exact' }
  | { kind: 'drum'; k: number; actBits: number; weightBits: number; actFormat?: FixedPointFormat; weightFormat?: FixedPointFormat }
  | { kind: 'ntv'; weightBits: number; flips: NtvFlipSource };

/** The paper's STE threshold: grad_in = grad_out · 1[|grad_out| < 1] (AxTrain eq. 12). */
export const STE_THRESHOLD = 1;

/** DRUM-k dense forward: y = (x̃_q · K̃_q) · 2^−(f_x + f_K) + b, x̃_q = drumOperand(quantize(x)). */
function computeDrumDense(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D, hw: Extract<HardwareModel, { kind: 'drum' }>): tf.Tensor2D {
  return tf.tidy(() => tf.add(computeDrumProduct(x, kernel, hw), bias) as tf.Tensor2D);
}

/** The product x·K of a DRUM-k datapath (no bias): (x̃_q · K̃_q) · 2^−(f_x + f_K). Forward only (no STE: see approxDense). */
export function computeDrumProduct(x: tf.Tensor2D, kernel: tf.Tensor2D, hw: Extract<HardwareModel, { kind: 'drum' }>): tf.Tensor2D {
  return tf.tidy(() => {
    const actFormat = hw.actFormat ?? chooseFormatTensor(x, hw.actBits, { minIntBits: DRUM_OPERAND_MIN_INT_BITS });
    const weightFormat = hw.weightFormat ?? chooseFormatTensor(kernel, hw.weightBits, { minIntBits: DRUM_OPERAND_MIN_INT_BITS });
    // |q| ≤ 2^(W−1) < 2^W: W magnitude bits hold every word of a W-bit format.
    const xTilde = drumOperandTensor(quantizeTensor(x, actFormat), hw.k, hw.actBits);
    const kernelTilde = drumOperandTensor(quantizeTensor(kernel, weightFormat), hw.k, hw.weightBits);
    const lsbX = isFormatTensor(actFormat) ? actFormat.lsb : tf.scalar(2 ** -actFormat.fracBits);
    const lsbK = isFormatTensor(weightFormat) ? weightFormat.lsb : tf.scalar(2 ** -weightFormat.fracBits);
    return tf.mul(tf.matMul(xTilde, kernelTilde), tf.mul(lsbX, lsbK)) as tf.Tensor2D;
  });
}

/**
 * One dense layer on approximate hardware: forward through `hw`, backward by the straight-through estimator of
 * AxTrain eq. 12. With the masked gradient g = dy · 1[|dy| < steThreshold] (g = dy when steThreshold is null):
 *   ∂/∂x = g · Kᵀ,  ∂/∂K = xᵀ · g,  ∂/∂b = Σ_batch g
 * i.e. the gradients of the exact x·K + b at the given (unflipped, unquantized) x and K: the hardware model is
 * treated as the identity in the backward pass ("directly passes gradients from the outputs of an approximate
 * operator to its inputs"). hw = exact has no approximate operator: plain x·K + b with its own gradient, no mask.
 */
export function approxDense(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D, hw: HardwareModel, steThreshold: number | null = STE_THRESHOLD): tf.Tensor2D {
  if (steThreshold !== null && !(steThreshold > 0)) throw new RangeError(`steThreshold must be > 0 or null, not ${steThreshold}`);
  if (hw.kind === 'exact') return tf.tidy(() => tf.add(tf.matMul(x, kernel), bias) as tf.Tensor2D);
  const forward = (xIn: tf.Tensor2D, kernelIn: tf.Tensor2D, biasIn: tf.Tensor1D): tf.Tensor2D => {
    switch (hw.kind) {
      case 'drum':
        return computeDrumDense(xIn, kernelIn, biasIn, hw);
      case 'ntv': {
        const { flipped } = flipStoredWeightsTensor([kernelIn, biasIn], hw.weightBits, hw.flips);
        const y = tf.tidy(() => tf.add(tf.matMul(xIn, flipped[0] as tf.Tensor2D), flipped[1]) as tf.Tensor2D);
        tf.dispose(flipped);
        return y;
      }
      default: {
        const unknown: never = hw;
        throw new Error(`Unsupported hardware model: ${JSON.stringify(unknown)}`);
      }
    }
  };
  const op = tf.customGrad((xIn, kernelIn, biasIn, save) => {
    (save as tf.GradSaveFunc)([xIn as tf.Tensor, kernelIn as tf.Tensor]);
    return {
      value: forward(xIn as tf.Tensor2D, kernelIn as tf.Tensor2D, biasIn as tf.Tensor1D),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedX, savedKernel] = saved;
        const g = steThreshold === null ? dy : tf.mul(dy, tf.cast(tf.less(tf.abs(dy), steThreshold), dy.dtype)); // AxTrain eq. 12
        return [tf.matMul(g, savedKernel, false, true), tf.matMul(savedX, g, true, false), tf.sum(g, 0)];
      },
    };
  });
  return op(x, kernel, bias) as tf.Tensor2D;
}

/** g = dy · 1[|dy| < threshold] (AxTrain eq. 12); dy itself when threshold is null. */
function maskGradient(dy: tf.Tensor, steThreshold: number | null): tf.Tensor {
  return steThreshold === null ? dy : tf.mul(dy, tf.cast(tf.less(tf.abs(dy), steThreshold), dy.dtype));
}

/**
 * The DRUM-k product x·K for training on the hardware (pas): forward computeDrumProduct, backward the eq. 12
 * straight-through estimator at the exact product (∂/∂x = g·Kᵀ, ∂/∂K = xᵀ·g). One model's rows ([batch, fanIn]).
 */
export function createDrumProductSte(hw: Extract<HardwareModel, { kind: 'drum' }>, steThreshold: number | null = STE_THRESHOLD): (x: tf.Tensor, kernel: tf.Tensor) => tf.Tensor {
  const op = tf.customGrad((x, kernel, save) => {
    (save as tf.GradSaveFunc)([x as tf.Tensor, kernel as tf.Tensor]);
    return {
      value: computeDrumProduct(x as tf.Tensor2D, kernel as tf.Tensor2D, hw),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const g = maskGradient(dy, steThreshold);
        return [tf.matMul(g, saved[1], false, true), tf.matMul(saved[0], g, true, false)];
      },
    };
  });
  return (x, kernel) => op(x, kernel) as tf.Tensor;
}

/**
 * One layer's kernel and bias read from NTV SRAM for training on it (pas): the read-back values forward
 * (flipStoredWeightsTensor), the eq. 12 straight-through estimator backward (the memory read is the approximate
 * operator: its output's gradient, masked, goes to the stored weight).
 */
export function readStoredWeightsSte(
  kernel: tf.Tensor,
  bias: tf.Tensor,
  wordBits: number,
  flips: NtvFlipSource,
  steThreshold: number | null = STE_THRESHOLD,
): { kernel: tf.Tensor; bias: tf.Tensor } {
  const { flipped } = flipStoredWeightsTensor([kernel, bias], wordBits, flips);
  const through = (clean: tf.Tensor, read: tf.Tensor) =>
    tf.customGrad((w) => ({ value: tf.add(tf.mul(w as tf.Tensor, 0), read), gradFunc: (dy: tf.Tensor) => maskGradient(dy, steThreshold) }))(clean) as tf.Tensor;
  return { kernel: through(kernel, flipped[0]), bias: through(bias, flipped[1]) };
}
