/**
 * AxTrain-act's sensitivity S(w) (He et al., ISLPED'18, eq. 5) as a differentiable tf scalar, so that one tf.grad /
 * tf.variableGrads of E + γ·S gives eq. 6 (both terms: backprop and the Hessian-vector product) without the
 * R-operator. The float64 reference, with Pearlmutter's R-passes (eqs. 7–11), is src/core/approx/sensitivity.ts.
 *
 * Why a closed form and not nested gradients (brief shared/reference/axtrain-nas.md §A.3, checked in
 * sensitivity.test.ts): in tfjs 4.22 tf.grad(tf.grad(f)) returns 0 for the second derivative of tanh and sigmoid
 * (their gradient kernels are not differentiated again) and throws for matMul∘tanh. So h' is written here with
 * differentiable primitives, 1 − tanh², σ·(1 − σ) from tf.sigmoid, tf.step for ReLU (whose own gradient is 0 = h''),
 * and S is built from them:
 *
 *   S = (1/B) Σ_n Σ_k Σ_l |a^{l−1}_n|·|K^l|·|δ^l_{k,n}|  (+ |b^l|·|δ^l_{k,n}| with includeBiases)
 *   δ^L_k = e_k ⊙ h_L'(x^L),  δ^l = (K^{l+1}·δ^{l+1}) ⊙ h_l'(x^l)   (eq. 1 with O_k for E; K^l = (W^l)ᵀ)
 *
 * (per-sample reading, weights only by default: both 'interpretation', see the core module). Shapes: x [B, N];
 * kernels [fanIn, fanOut]; δ^l for all K outputs at once as [K, B, n_l] (row k is output k's backward pass), so a
 * layer's backward step is one matMul of [K·B, n_{l+1}] by K^{l+1}ᵀ and one broadcast ⊙ h'. Cost: about K backward
 * passes batched into one, plus one |a|·|K| matMul per layer. Measured (tfjs 4.22 cpu, this lab's 2-core machine under
 * load): a gradient of S at B = 128 for a 30-64-64-10 ReLU/sigmoid net (K = 10) took ~120 ms against ~7 ms for plain
 * forward+backward; the batched matMuls dominate. Repeating h' with tf.tile (2-D muls) measured the same, and tf.gather
 * with tf.unsortedSegmentSum (its gradient) 70× slower on cpu, so the rank-3 broadcast stays.
 */
import * as tf from '@tensorflow/tfjs';
import { ACTIVATION_IDS, type ActivationId, type SensitivityOptions } from '../../core/approx/sensitivity';

/** One dense layer as tensors: kernel [fanIn, fanOut] (y = x·K + b), bias [fanOut] (structurally src/ml/axnet.ts's DenseTensors for one model). */
export interface SensitivityLayerTensors {
  kernel: tf.Tensor;
  bias: tf.Tensor;
}

/** a = h(z) and h'(z), h' from differentiable primitives (the gradient of h' is h'' — never nested tf.grad). */
function activateWithDerivative(id: ActivationId, z: tf.Tensor): { a: tf.Tensor; hPrime: tf.Tensor } {
  switch (id) {
    case 'relu':
      // h' = 1[z > 0] (tf.step(0) = 0); its gradient is 0, ReLU's h''
      return { a: tf.relu(z), hPrime: tf.step(z) };
    case 'tanh': {
      // h' = 1 − tanh²
      const t = tf.tanh(z);
      return { a: t, hPrime: tf.sub(1, tf.square(t)) };
    }
    case 'sigmoid': {
      // h' = σ(z)·(1 − σ(z)) = σ(z)·σ(−z): the second factor from σ(−z), not 1 − σ, so that a saturated output
      // (|z| ≳ 17, where float32 σ rounds to 1) keeps its tiny derivative instead of an exact 0.
      const s = tf.sigmoid(z);
      return { a: s, hPrime: tf.mul(s, tf.sigmoid(tf.neg(z))) };
    }
    case 'linear':
      return { a: z, hPrime: tf.onesLike(z) };
    default: {
      const unknown: never = id;
      throw new Error(`Unsupported activation: ${String(unknown)}`);
    }
  }
}

/** Per layer l: |a^{l−1}| [B, fanIn] and D^l = Σ_k |δ^l_k| [B, fanOut]: all that S and its per-weight map need. */
interface SensitivityFactors {
  absInputs: tf.Tensor2D[];
  deltaSums: tf.Tensor2D[];
}

function computeSensitivityFactors(layers: readonly SensitivityLayerTensors[], activations: readonly ActivationId[], x: tf.Tensor2D): SensitivityFactors {
  if (layers.length === 0) throw new Error('An MLP needs at least one layer');
  if (activations.length !== layers.length) throw new Error(`${layers.length} layers need ${layers.length} activation ids, got ${activations.length}`);
  for (const id of activations) if (!ACTIVATION_IDS.includes(id)) throw new Error(`Unsupported activation: ${String(id)}`);
  if (x.shape[0] === 0) throw new Error('S(w) is a mean over samples: the batch is empty');
  const batch = x.shape[0];
  // forward: x^l = a^{l−1}·K^l + b^l, a^l = h_l(x^l)
  const inputs: tf.Tensor2D[] = [];
  const hPrimes: tf.Tensor2D[] = [];
  let a: tf.Tensor2D = x;
  for (let l = 0; l < layers.length; l++) {
    inputs.push(a);
    const z = tf.add(tf.matMul(a, layers[l].kernel as tf.Tensor2D), layers[l].bias);
    const activated = activateWithDerivative(activations[l], z);
    a = activated.a as tf.Tensor2D;
    hPrimes.push(activated.hPrime as tf.Tensor2D);
  }
  // backward for all K outputs at once, δ^l: [K, B, n_l]; δ^L[k, n, j] = 1[j = k]·h_L'(x^L_{n,j})
  const L = layers.length;
  const outputs = hPrimes[L - 1].shape[1];
  const deltas: tf.Tensor3D[] = new Array(L);
  deltas[L - 1] = tf.mul(tf.expandDims(tf.eye(outputs), 1), hPrimes[L - 1]);
  for (let l = L - 2; l >= 0; l--) {
    const next = deltas[l + 1];
    // K^{l+1}·δ^{l+1} for every (k, n) row: [K·B, n_{l+1}] × K^{l+1}ᵀ → [K·B, n_l]
    const back = tf.matMul(tf.reshape(next, [outputs * batch, next.shape[2]]), layers[l + 1].kernel as tf.Tensor2D, false, true);
    deltas[l] = tf.mul(tf.reshape(back, [outputs, batch, hPrimes[l].shape[1]]), hPrimes[l]);
  }
  return { absInputs: inputs.map((input) => tf.abs(input)), deltaSums: deltas.map((delta) => tf.sum(tf.abs(delta), 0)) };
}

/**
 * S(w) of a batch as a differentiable scalar (eq. 5, closed form above). layers: kernels [fanIn, fanOut] and biases
 * [fanOut], as tensors or tf.Variables; activations: one id per layer (the paper: 'relu' hidden, 'sigmoid' output);
 * x: [B, N]. A trainer adds γ·S to its loss inside the same tf.grad / variableGrads: the gradient is eq. 6.
 */
export function sensitivityTensor(layers: readonly SensitivityLayerTensors[], activations: readonly ActivationId[], x: tf.Tensor2D, options: SensitivityOptions = {}): tf.Scalar {
  return tf.tidy(() => {
    const { absInputs, deltaSums } = computeSensitivityFactors(layers, activations, x);
    const terms = layers.map((layer, l) => {
      // P^l = |a^{l−1}|·|K^l| (+ |b^l|): [B, fanOut]; term = Σ_n Σ_j D^l_{n,j}·P^l_{n,j}
      let weighted = tf.matMul(absInputs[l], tf.abs(layer.kernel) as tf.Tensor2D);
      if (options.includeBiases) weighted = tf.add(weighted, tf.abs(layer.bias));
      return tf.sum(tf.mul(deltaSums[l], weighted));
    });
    return tf.div(tf.addN(terms), x.shape[0]) as tf.Scalar;
  });
}

/**
 * Per-parameter sensitivity maps (Fig. 4; the eq. 5 summand averaged over the batch), every layer, in tf:
 * s^l_ij = |K^l_ij|·(1/B) Σ_n |a^{l−1}_{n,i}|·Σ_k |δ^l_{k,n,j}| = |K^l| ⊙ (|A^{l−1}|ᵀ·D^l)/B: one matMul per layer;
 * biases: |b^l_j|·(1/B) Σ_n D^l_{n,j}. Σ of the kernel maps = sensitivityTensor (weights only). The caller disposes
 * the returned tensors. Not differentiable in spirit (a view for the UI); the core sensitivityMap is the float64 twin.
 */
export function sensitivityMapTensors(
  layers: readonly SensitivityLayerTensors[],
  activations: readonly ActivationId[],
  x: tf.Tensor2D,
): { kernel: tf.Tensor2D; bias: tf.Tensor1D }[] {
  return tf.tidy(() => {
    const { absInputs, deltaSums } = computeSensitivityFactors(layers, activations, x);
    const batch = x.shape[0];
    return layers.map((layer, l) => ({
      kernel: tf.div(tf.mul(tf.abs(layer.kernel), tf.matMul(absInputs[l], deltaSums[l], true, false)), batch) as tf.Tensor2D,
      bias: tf.div(tf.mul(tf.abs(tf.reshape(layer.bias, [-1])), tf.sum(deltaSums[l], 0)), batch) as tf.Tensor1D,
    }));
  });
}
