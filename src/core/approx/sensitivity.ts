/**
 * AxTrain-act's network sensitivity S(w) and its gradient, in float64 (He et al., ISLPED'18, §3.1, eqs. 5–11).
 * No tf: the reference the tf code (src/ml/axtrain/sensitivity.ts) is tested against, and a teaching view of the
 * R-operator (Pearlmutter). Research brief: shared/reference/axtrain-nas.md §A.2–A.3.
 *
 * Notation (paper §2.2, eqs. 1–3; lab conventions as in src/core/axnetMath.ts):
 * - layer l = 1…L: x^l = a^{l−1}·K^l + b^l, a^l = h_l(x^l), a^0 = the input. K^l is the lab's kernel,
 *   [fanIn × fanOut] row-major, so K^l = (W^l)ᵀ: the paper's w^l_ji (from unit i of layer l−1 to unit j of layer l)
 *   is kernel[i·fanOut + j] here;
 * - O_k = a^L_k is output k after the output activation (the paper: a sigmoid) [P §2.2];
 * - δ^l_{k} = ∂O_k/∂x^l (the paper's ∂O_k/∂x^l_i), by backprop: δ^L_k = e_k ⊙ h_L'(x^L),
 *   δ^l = (K^{l+1}·δ^{l+1}) ⊙ h_l'(x^l)  (eq. 1 with O_k in place of E);
 * - ∂O_k/∂K^l_ij = a^{l−1}_i · δ^l_{k,j}, ∂O_k/∂b^l_j = δ^l_{k,j}  (eq. 2).
 *
 * Readings of the paper (interpretation, brief §A.3):
 * - per sample: S = (1/B) Σ_n Σ_k Σ_{l,i,j} |w^l_ij|·|∂O_k(x_n)/∂w^l_ij|. Eq. 5 has no sample index; summing |·| per
 *   sample is the reading of "noises … cannot cancel out each other" ('interpretation');
 * - weights only by default: eq. 5 indexes w^l_ij only, though §2.2 says W "includes weights and biases";
 *   `includeBiases: true` adds Σ |b^l_j|·|∂O_k/∂b^l_j| ('interpretation');
 * - at a zero of |·| (w = 0 or ∂O_k/∂w = 0) eq. 6 uses sign(0) = 0, the subgradient of least norm;
 * - ReLU: h'(0) = 0 (tf.step's convention), h'' = 0 everywhere.
 */

/** Activation ids of the nets S is defined for: ReLU hidden and sigmoid output in the paper [P §2.2]; tanh and linear (AxBench targets) as extensions. */
export const ACTIVATION_IDS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
export type ActivationId = (typeof ACTIVATION_IDS)[number];

/** h, h' and h'' of one activation (h'' is what eq. 11's first term and the output-layer term need). */
export interface ActivationFunctions {
  value(x: number): number;
  derivative(x: number): number;
  secondDerivative(x: number): number;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** One table of h, h', h'' per id (house style: the activation and its derivatives travel together). */
export const ACTIVATIONS: Readonly<Record<ActivationId, ActivationFunctions>> = {
  // h'(x) = 1[x > 0] (h'(0) = 0, as tf.step), h'' = 0 almost everywhere
  relu: { value: (x) => Math.max(x, 0), derivative: (x) => (x > 0 ? 1 : 0), secondDerivative: () => 0 },
  // h' = 1 − tanh², h'' = −2 tanh (1 − tanh²)
  tanh: {
    value: Math.tanh,
    derivative: (x) => 1 - Math.tanh(x) ** 2,
    secondDerivative: (x) => {
      const t = Math.tanh(x);
      return -2 * t * (1 - t * t);
    },
  },
  // h' = σ(1 − σ), h'' = σ(1 − σ)(1 − 2σ)  (brief §A.3)
  sigmoid: {
    value: sigmoid,
    derivative: (x) => {
      const s = sigmoid(x);
      return s * (1 - s);
    },
    secondDerivative: (x) => {
      const s = sigmoid(x);
      return s * (1 - s) * (1 - 2 * s);
    },
  },
  linear: { value: (x) => x, derivative: () => 1, secondDerivative: () => 0 },
};

export function getActivation(id: ActivationId): ActivationFunctions {
  const activation = ACTIVATIONS[id];
  if (!activation) throw new Error(`Unsupported activation: ${String(id)}`);
  return activation;
}

/**
 * One dense layer of a plain MLP: x^l = a^{l−1}·K + b, a^l = h(x^l).
 * kernel: [fanIn × fanOut] row-major (K = Wᵀ), or as rows kernel[i][j]; bias: [fanOut].
 * fanIn/fanOut may be given (DenseLayerWeights has them); they are then checked.
 */
export interface MlpLayer {
  kernel: ArrayLike<number> | readonly (readonly number[])[];
  bias: ArrayLike<number>;
  activation: ActivationId;
  fanIn?: number;
  fanOut?: number;
}

/** Per-layer arrays shaped like the net's parameters (gradients, HVPs, directions V, sensitivity maps). */
export interface LayerArrays {
  /** [fanIn × fanOut] row-major. */
  kernel: Float64Array;
  /** [fanOut]. */
  bias: Float64Array;
}

/** A layer as the functions below use it: float64 copies, sizes checked. */
export interface MlpLayerF64 extends LayerArrays {
  fanIn: number;
  fanOut: number;
  activation: ActivationId;
}

export interface SensitivityOptions {
  /** Add Σ |b|·|∂O_k/∂b| to S (default false: eq. 5 indexes weights only; 'interpretation'). */
  includeBiases?: boolean;
}

function isRowKernel(kernel: MlpLayer['kernel']): kernel is readonly (readonly number[])[] {
  return kernel.length > 0 && typeof kernel[0] === 'object';
}

/** Float64 copies of the layers; throws on sizes that do not chain or an unknown activation. */
export function toMlpLayersF64(layers: readonly MlpLayer[]): MlpLayerF64[] {
  if (layers.length === 0) throw new Error('An MLP needs at least one layer');
  const net: MlpLayerF64[] = [];
  for (const [l, layer] of layers.entries()) {
    getActivation(layer.activation);
    const fanOut = layer.bias.length;
    const kernel = isRowKernel(layer.kernel) ? Float64Array.from(layer.kernel.flat()) : Float64Array.from(layer.kernel);
    if (isRowKernel(layer.kernel) && layer.kernel.some((row) => row.length !== fanOut)) throw new Error(`MLP layer ${l}: every kernel row needs ${fanOut} entries (one per bias)`);
    const fanIn = fanOut === 0 ? 0 : kernel.length / fanOut;
    if (fanOut === 0 || !Number.isInteger(fanIn) || fanIn === 0) throw new Error(`MLP layer ${l}: kernel of ${kernel.length} entries does not fit ${fanOut} outputs`);
    if ((layer.fanIn !== undefined && layer.fanIn !== fanIn) || (layer.fanOut !== undefined && layer.fanOut !== fanOut)) {
      throw new Error(`MLP layer ${l}: declared ${layer.fanIn}×${layer.fanOut}, kernel and bias say ${fanIn}×${fanOut}`);
    }
    if (l > 0 && net[l - 1].fanOut !== fanIn) throw new Error(`MLP layer ${l}: fanIn ${fanIn} ≠ previous fanOut ${net[l - 1].fanOut}`);
    net.push({ fanIn, fanOut, kernel, bias: Float64Array.from(layer.bias), activation: layer.activation });
  }
  return net;
}

/** Zero arrays shaped like the net's parameters. */
export function createZeroLayerArrays(layers: readonly MlpLayerF64[]): LayerArrays[] {
  return layers.map((layer) => ({ kernel: new Float64Array(layer.kernel.length), bias: new Float64Array(layer.fanOut) }));
}

/** acc += scale·add, entry by entry. */
function addLayerArrays(acc: LayerArrays[], add: readonly LayerArrays[], scale = 1): void {
  for (let l = 0; l < acc.length; l++) {
    for (let p = 0; p < acc[l].kernel.length; p++) acc[l].kernel[p] += scale * add[l].kernel[p];
    for (let p = 0; p < acc[l].bias.length; p++) acc[l].bias[p] += scale * add[l].bias[p];
  }
}

/** One sample's forward pass: a^0…a^L (activations[l] = a^l) and x^1…x^L (preActivations[l − 1] = x^l). */
export interface MlpForwardPass {
  activations: Float64Array[];
  preActivations: Float64Array[];
}

/** x^l = a^{l−1}·K^l + b^l, a^l = h_l(x^l) for l = 1…L  (paper §2.2). input: [fanIn of layer 1]. */
export function forwardMlp(layers: readonly MlpLayerF64[], input: ArrayLike<number>): MlpForwardPass {
  if (input.length !== layers[0].fanIn) throw new Error(`MLP input has ${input.length} values, layer 1 takes ${layers[0].fanIn}`);
  const activations: Float64Array[] = [Float64Array.from(input)];
  const preActivations: Float64Array[] = [];
  for (const layer of layers) {
    const previous = activations[activations.length - 1];
    const h = getActivation(layer.activation);
    const x = Float64Array.from(layer.bias);
    for (let i = 0; i < layer.fanIn; i++) {
      const ai = previous[i];
      for (let j = 0; j < layer.fanOut; j++) x[j] += ai * layer.kernel[i * layer.fanOut + j];
    }
    preActivations.push(x);
    activations.push(x.map(h.value));
  }
  return { activations, preActivations };
}

/** O(x) = a^L: [fanOut of the last layer]. */
export function computeMlpOutput(layers: readonly MlpLayer[], input: ArrayLike<number>): Float64Array {
  const net = toMlpLayersF64(layers);
  return forwardMlp(net, input).activations[net.length];
}

/** g = K·δ, i.e. g_i = Σ_j K_ij δ_j = Σ_j w_ji δ_j  (the sum in eq. 1). */
function multiplyKernel(layer: MlpLayerF64, kernel: Float64Array, delta: Float64Array): Float64Array {
  const g = new Float64Array(layer.fanIn);
  for (let i = 0; i < layer.fanIn; i++) {
    let sum = 0;
    for (let j = 0; j < layer.fanOut; j++) sum += kernel[i * layer.fanOut + j] * delta[j];
    g[i] = sum;
  }
  return g;
}

/**
 * δ^l = ∂O_k/∂x^l for l = 1…L (deltas[l − 1]), one sample, one output k  (eq. 1 with O_k for E):
 * δ^L = e_k ⊙ h_L'(x^L), δ^l = (K^{l+1}·δ^{l+1}) ⊙ h_l'(x^l).
 */
export function computeOutputDeltas(layers: readonly MlpLayerF64[], pass: MlpForwardPass, k: number): Float64Array[] {
  const L = layers.length;
  if (!Number.isInteger(k) || k < 0 || k >= layers[L - 1].fanOut) throw new Error(`Output ${k} is not one of the net's ${layers[L - 1].fanOut} outputs`);
  const deltas: Float64Array[] = new Array(L);
  const top = new Float64Array(layers[L - 1].fanOut);
  top[k] = getActivation(layers[L - 1].activation).derivative(pass.preActivations[L - 1][k]);
  deltas[L - 1] = top;
  for (let l = L - 2; l >= 0; l--) {
    const hPrime = getActivation(layers[l].activation).derivative;
    const g = multiplyKernel(layers[l + 1], layers[l + 1].kernel, deltas[l + 1]);
    deltas[l] = g.map((gi, i) => gi * hPrime(pass.preActivations[l][i]));
  }
  return deltas;
}

/** ∇_θ O_k: ∂O_k/∂K^l_ij = a^{l−1}_i δ^l_j, ∂O_k/∂b^l_j = δ^l_j  (eq. 2). */
function gradientFromDeltas(layers: readonly MlpLayerF64[], pass: MlpForwardPass, deltas: readonly Float64Array[]): LayerArrays[] {
  return layers.map((layer, l) => {
    const kernel = new Float64Array(layer.kernel.length);
    const a = pass.activations[l];
    for (let i = 0; i < layer.fanIn; i++) for (let j = 0; j < layer.fanOut; j++) kernel[i * layer.fanOut + j] = a[i] * deltas[l][j];
    return { kernel, bias: Float64Array.from(deltas[l]) };
  });
}

/** ∇_θ O_k(x) for one sample, by backprop (eqs. 1–2). */
export function computeOutputGradient(layers: readonly MlpLayer[], input: ArrayLike<number>, k: number): LayerArrays[] {
  const net = toMlpLayersF64(layers);
  const pass = forwardMlp(net, input);
  return gradientFromDeltas(net, pass, computeOutputDeltas(net, pass, k));
}

/**
 * The forward R-pass (eqs. 9–10): R_V{x^l} and R_V{a^l} for a direction V of all parameters, R_V{a^0} = 0.
 * R{x^l_j} = Σ_i V^l_ji a^{l−1}_i + V_b^l_j + Σ_i w^l_ji R{a^{l−1}_i}  (eq. 9; the V_b term is eq. 9 with the bias as a
 * weight on a constant 1), R{a^l_i} = h_l'(x^l_i) R{x^l_i}  (eq. 10). This is forward-mode differentiation along V.
 */
function forwardRPass(layers: readonly MlpLayerF64[], pass: MlpForwardPass, V: readonly LayerArrays[]): { rPre: Float64Array[]; rAct: Float64Array[] } {
  const rPre: Float64Array[] = [];
  const rAct: Float64Array[] = [new Float64Array(layers[0].fanIn)];
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l];
    const a = pass.activations[l];
    const ra = rAct[l];
    const rx = Float64Array.from(V[l].bias);
    for (let i = 0; i < layer.fanIn; i++) {
      for (let j = 0; j < layer.fanOut; j++) {
        const p = i * layer.fanOut + j;
        rx[j] += V[l].kernel[p] * a[i] + layer.kernel[p] * ra[i];
      }
    }
    const hPrime = getActivation(layer.activation).derivative;
    rPre.push(rx);
    rAct.push(rx.map((r, j) => hPrime(pass.preActivations[l][j]) * r));
  }
  return { rPre, rAct };
}

function checkBatch(inputs: readonly ArrayLike<number>[]): void {
  if (inputs.length === 0) throw new Error('S(w) is a mean over samples: the batch is empty');
}

/**
 * S(w) by eq. 5 literally, per sample and per output: for each sample n and each parameter θ_p, ∂O_k(x_n)/∂θ_p is
 * taken on its own, as the directional derivative along the unit vector e_p (eq. 7: R_{e_p}{O_k} = ∂O_k/∂θ_p, by the
 * forward R-pass of eqs. 9–10, one pass per parameter, all K outputs at once); then
 * S = (1/B) Σ_n Σ_k Σ_{l,i,j} |w^l_ij|·|∂O_k(x_n)/∂w^l_ij|  (eq. 5, per-sample reading, 'interpretation').
 * Forward mode shares no code with the closed form's backprop, so the two check each other. O(B·P²): tests only.
 */
export function sensitivityBruteForce(layers: readonly MlpLayer[], inputs: readonly ArrayLike<number>[], options: SensitivityOptions = {}): number {
  checkBatch(inputs);
  const net = toMlpLayersF64(layers);
  const L = net.length;
  const V = createZeroLayerArrays(net);
  let total = 0;
  for (const input of inputs) {
    const pass = forwardMlp(net, input);
    const addParameter = (direction: Float64Array, p: number, value: number) => {
      direction[p] = 1;
      const outputTangent = forwardRPass(net, pass, V).rAct[L];
      direction[p] = 0;
      // Σ_k |θ_p|·|∂O_k/∂θ_p|
      for (let k = 0; k < outputTangent.length; k++) total += Math.abs(value) * Math.abs(outputTangent[k]);
    };
    for (let l = 0; l < L; l++) {
      for (let p = 0; p < net[l].kernel.length; p++) addParameter(V[l].kernel, p, net[l].kernel[p]);
      if (options.includeBiases) for (let p = 0; p < net[l].fanOut; p++) addParameter(V[l].bias, p, net[l].bias[p]);
    }
  }
  return total / inputs.length;
}

/**
 * S(w) in closed form (brief §A.3, derivation checked there): with ∂O_k/∂K^l_ij = a^{l−1}_i δ^l_{k,j} (eq. 2),
 *   S = (1/B) Σ_n Σ_k Σ_l |a^{l−1}_n|·|K^l|·|δ^l_{k,n}|   (= Σ_l |δ^l|ᵀ |W^l| |a^{l−1}| in the paper's W)
 * plus Σ_l |b^l|·|δ^l_{k,n}| with includeBiases. Cost per sample: K backward passes and one product per layer.
 */
export function sensitivityClosedForm(layers: readonly MlpLayer[], inputs: readonly ArrayLike<number>[], options: SensitivityOptions = {}): number {
  checkBatch(inputs);
  const net = toMlpLayersF64(layers);
  const outputs = net[net.length - 1].fanOut;
  let total = 0;
  for (const input of inputs) {
    const pass = forwardMlp(net, input);
    // P^l_j = Σ_i |a^{l−1}_i|·|K^l_ij| (+ |b^l_j|): the part of S that does not depend on k
    const weighted = net.map((layer, l) => {
      const P = options.includeBiases ? layer.bias.map(Math.abs) : new Float64Array(layer.fanOut);
      for (let i = 0; i < layer.fanIn; i++) {
        const ai = Math.abs(pass.activations[l][i]);
        for (let j = 0; j < layer.fanOut; j++) P[j] += ai * Math.abs(layer.kernel[i * layer.fanOut + j]);
      }
      return P;
    });
    for (let k = 0; k < outputs; k++) {
      const deltas = computeOutputDeltas(net, pass, k);
      for (let l = 0; l < net.length; l++) for (let j = 0; j < net[l].fanOut; j++) total += Math.abs(deltas[l][j]) * weighted[l][j];
    }
  }
  return total / inputs.length;
}

/**
 * Per-parameter sensitivity, the eq. 5 summand averaged over the batch (Fig. 4's map, brief §A.3 'interpretation'):
 * s^l_ij = (1/B) Σ_n Σ_k |w^l_ij|·|∂O_k(x_n)/∂w^l_ij|, and the same for each bias. Σ of the kernel maps = S (weights
 * only); adding the bias maps gives S with includeBiases. Fig. 4 shows the last layer's map, normalised to the BP
 * net's maximum.
 */
export function sensitivityMap(layers: readonly MlpLayer[], inputs: readonly ArrayLike<number>[]): LayerArrays[] {
  checkBatch(inputs);
  const net = toMlpLayersF64(layers);
  const map = createZeroLayerArrays(net);
  const outputs = net[net.length - 1].fanOut;
  for (const input of inputs) {
    const pass = forwardMlp(net, input);
    for (let k = 0; k < outputs; k++) {
      const gradient = gradientFromDeltas(net, pass, computeOutputDeltas(net, pass, k));
      for (let l = 0; l < net.length; l++) {
        for (let p = 0; p < net[l].kernel.length; p++) map[l].kernel[p] += Math.abs(net[l].kernel[p]) * Math.abs(gradient[l].kernel[p]);
        for (let p = 0; p < net[l].fanOut; p++) map[l].bias[p] += Math.abs(net[l].bias[p]) * Math.abs(gradient[l].bias[p]);
      }
    }
  }
  const mean = createZeroLayerArrays(net);
  addLayerArrays(mean, map, 1 / inputs.length);
  return mean;
}

function rOperatorHvpOfPass(layers: readonly MlpLayerF64[], pass: MlpForwardPass, k: number, V: readonly LayerArrays[]): LayerArrays[] {
  const L = layers.length;
  const deltas = computeOutputDeltas(layers, pass, k);
  // forward R-pass (eqs. 9–10)
  const { rPre, rAct } = forwardRPass(layers, pass, V);
  // backward R-pass. Output layer (the paper omits it, 'interpretation' checked in the brief):
  // δ^L_k = h_L'(x^L_k) ⇒ R{δ^L_k} = h_L''(x^L_k)·R{x^L_k}; the other output units have δ^L = 0 and stay 0.
  const rDeltas: Float64Array[] = new Array(L);
  const top = new Float64Array(layers[L - 1].fanOut);
  top[k] = getActivation(layers[L - 1].activation).secondDerivative(pass.preActivations[L - 1][k]) * rPre[L - 1][k];
  rDeltas[L - 1] = top;
  for (let l = L - 2; l >= 0; l--) {
    const h = getActivation(layers[l].activation);
    const next = layers[l + 1];
    // Eq. 11, with the paper's typo fixed: its second and third sums run over i; they run over j (units of layer l+1):
    // R{δ^l_i} = h''(x^l_i) R{x^l_i} Σ_j δ^{l+1}_j w^{l+1}_ji + h'(x^l_i) Σ_j δ^{l+1}_j V^{l+1}_ji + h'(x^l_i) Σ_j R{δ^{l+1}_j} w^{l+1}_ji
    const backDelta = multiplyKernel(next, next.kernel, deltas[l + 1]);
    const backDeltaV = multiplyKernel(next, V[l + 1].kernel, deltas[l + 1]);
    const backRDelta = multiplyKernel(next, next.kernel, rDeltas[l + 1]);
    rDeltas[l] = backDelta.map((g, i) => {
      const x = pass.preActivations[l][i];
      return h.secondDerivative(x) * rPre[l][i] * g + h.derivative(x) * (backDeltaV[i] + backRDelta[i]);
    });
  }
  // Eq. 8: R{∂O_k/∂w^l_ji} = R{δ^l_j}·a^{l−1}_i + R{a^{l−1}_i}·δ^l_j; biases: R{∂O_k/∂b^l_j} = R{δ^l_j}
  return layers.map((layer, l) => {
    const kernel = new Float64Array(layer.kernel.length);
    const a = pass.activations[l];
    const ra = rAct[l];
    for (let i = 0; i < layer.fanIn; i++) {
      for (let j = 0; j < layer.fanOut; j++) kernel[i * layer.fanOut + j] = rDeltas[l][j] * a[i] + ra[i] * deltas[l][j];
    }
    return { kernel, bias: Float64Array.from(rDeltas[l]) };
  });
}

/**
 * H_k·V = R_V{∇_θ O_k(x)} (eq. 7) for one sample x and one output k, by Pearlmutter's R-operator: one forward R-pass
 * (eqs. 9–10), one backward R-pass (eq. 11 plus the output-layer term), assembled by eq. 8. θ = all kernels and biases;
 * V is shaped like them. O(P), without forming the Hessian.
 */
export function rOperatorHvp(layers: readonly MlpLayer[], input: ArrayLike<number>, k: number, V: readonly LayerArrays[]): LayerArrays[] {
  const net = toMlpLayersF64(layers);
  return rOperatorHvpOfPass(net, forwardMlp(net, input), k, V);
}

/**
 * ∂S/∂θ by eq. 6, for every kernel and bias entry θ (biases move S through the forward pass even when S sums weights only):
 *   ∂S/∂θ = (1/B) Σ_n Σ_k [ sign(θ)·|∂O_k/∂θ|·1[θ ∈ S]  +  (H_{k,n} v_{k,n})_θ ],  v_{k,n} = |w| ⊙ sign(∇_w O_k(x_n))
 * (v is zero on the parameters S does not sum). The first term is backprop (eqs. 1–2), the second one R-pass
 * (rOperatorHvp) per output and per sample: K·B R-passes, not the paper's "another round … per batch" (brief §A.3).
 */
export function sensitivityGradient(layers: readonly MlpLayer[], inputs: readonly ArrayLike<number>[], options: SensitivityOptions = {}): LayerArrays[] {
  checkBatch(inputs);
  const net = toMlpLayersF64(layers);
  const outputs = net[net.length - 1].fanOut;
  const total = createZeroLayerArrays(net);
  for (const input of inputs) {
    const pass = forwardMlp(net, input);
    for (let k = 0; k < outputs; k++) {
      const gradient = gradientFromDeltas(net, pass, computeOutputDeltas(net, pass, k));
      const firstTerm = createZeroLayerArrays(net);
      const v = createZeroLayerArrays(net);
      for (let l = 0; l < net.length; l++) {
        for (let p = 0; p < net[l].kernel.length; p++) {
          const w = net[l].kernel[p];
          const g = gradient[l].kernel[p];
          firstTerm[l].kernel[p] = Math.sign(w) * Math.abs(g);
          v[l].kernel[p] = Math.abs(w) * Math.sign(g);
        }
        if (!options.includeBiases) continue;
        for (let p = 0; p < net[l].fanOut; p++) {
          const b = net[l].bias[p];
          const g = gradient[l].bias[p];
          firstTerm[l].bias[p] = Math.sign(b) * Math.abs(g);
          v[l].bias[p] = Math.abs(b) * Math.sign(g);
        }
      }
      addLayerArrays(total, firstTerm);
      addLayerArrays(total, rOperatorHvpOfPass(net, pass, k, v));
    }
  }
  const scaled = createZeroLayerArrays(net);
  addLayerArrays(scaled, total, 1 / inputs.length);
  return scaled;
}
