import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import {
  type ActivationId,
  computeMlpOutput,
  computeOutputGradient,
  createZeroLayerArrays,
  type LayerArrays,
  type MlpLayer,
  rOperatorHvp,
  sensitivityBruteForce,
  sensitivityClosedForm,
  sensitivityGradient,
  sensitivityMap,
  toMlpLayersF64,
} from './sensitivity';

/** The brief's check net (axtrain-nas.md §A.3): 4-6-5-3, `hidden` activations, sigmoid output. */
function createTestNet(hidden: ActivationId, seed = 7): MlpLayer[] {
  const rng = createRng(seed, 'sensitivity-test');
  const sizes = [4, 6, 5, 3];
  return sizes.slice(1).map((fanOut, l) => {
    const fanIn = sizes[l];
    const scale = 1.2 / Math.sqrt(fanIn);
    return {
      kernel: Float64Array.from({ length: fanIn * fanOut }, () => scale * rng.normal()),
      bias: Float64Array.from({ length: fanOut }, () => 0.3 * rng.normal()),
      activation: l === sizes.length - 2 ? 'sigmoid' : hidden,
    };
  });
}

function createInputs(count: number, seed = 11): number[][] {
  const rng = createRng(seed, 'sensitivity-inputs');
  return Array.from({ length: count }, () => Array.from({ length: 4 }, () => rng.uniform(-1.5, 1.5)));
}

const BATCH = createInputs(3);

/** Parameters θ (kernels, then biases, layer by layer) as one list, and the reverse. */
function flatten(arrays: readonly LayerArrays[]): number[] {
  return arrays.flatMap((layer) => [...layer.kernel, ...layer.bias]);
}

function withParameter(layers: readonly MlpLayer[], index: number, delta: number): MlpLayer[] {
  const net = toMlpLayersF64(layers);
  let p = index;
  for (const layer of net) {
    if (p < layer.kernel.length) {
      layer.kernel[p] += delta;
      return net;
    }
    p -= layer.kernel.length;
    if (p < layer.bias.length) {
      layer.bias[p] += delta;
      return net;
    }
    p -= layer.bias.length;
  }
  throw new Error(`No parameter ${index}`);
}

function withDirection(layers: readonly MlpLayer[], V: readonly LayerArrays[], scale: number): MlpLayer[] {
  return toMlpLayersF64(layers).map((layer, l) => ({
    ...layer,
    kernel: layer.kernel.map((w, p) => w + scale * V[l].kernel[p]),
    bias: layer.bias.map((b, p) => b + scale * V[l].bias[p]),
  }));
}

/** max |a − b| / max |b|: relative to the reference's largest entry. */
function relativeDifference(actual: readonly number[], reference: readonly number[]): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < reference.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - reference[i]));
    scale = Math.max(scale, Math.abs(reference[i]));
  }
  return diff / scale;
}

const FD_STEP = 1e-6;

describe('S(w), eq. 5: closed form vs brute force', () => {
  for (const hidden of ['relu', 'tanh'] as const) {
    for (const includeBiases of [false, true]) {
      it(`${hidden} hidden, sigmoid out, batch 3, ${includeBiases ? 'with' : 'without'} biases: equal within 1e-9`, () => {
        const net = createTestNet(hidden);
        const closed = sensitivityClosedForm(net, BATCH, { includeBiases });
        const brute = sensitivityBruteForce(net, BATCH, { includeBiases });
        expect(closed).toBeGreaterThan(0.1);
        expect(Math.abs(closed - brute) / brute).toBeLessThan(1e-9);
      });
    }
  }

  it('biases add Σ|b|·|δ|: S with biases exceeds S without', () => {
    const net = createTestNet('tanh');
    expect(sensitivityClosedForm(net, BATCH, { includeBiases: true })).toBeGreaterThan(sensitivityClosedForm(net, BATCH) + 1e-3);
  });

  it('a 1-1 sigmoid net by hand: S = |w|·|σ′(wx + b)·x|, per sample then averaged', () => {
    const w = 0.8;
    const b = -0.3;
    const net: MlpLayer[] = [{ kernel: [w], bias: [b], activation: 'sigmoid' }];
    const inputs = [[1.5], [-2]];
    const sigmoidPrime = (z: number) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2;
    const expected = inputs.reduce((sum, [x]) => sum + Math.abs(w) * Math.abs(sigmoidPrime(w * x + b) * x), 0) / inputs.length;
    expect(sensitivityClosedForm(net, inputs)).toBeCloseTo(expected, 14);
    expect(sensitivityBruteForce(net, inputs)).toBeCloseTo(expected, 14);
    // includeBiases adds |b|·|σ′(wx + b)|
    const withBias = expected + inputs.reduce((sum, [x]) => sum + Math.abs(b) * sigmoidPrime(w * x + b), 0) / inputs.length;
    expect(sensitivityClosedForm(net, inputs, { includeBiases: true })).toBeCloseTo(withBias, 14);
  });

  it('accepts kernels as rows kernel[i][j] ([fanIn × fanOut], K = Wᵀ) with the same result', () => {
    const net = createTestNet('relu');
    const asRows: MlpLayer[] = toMlpLayersF64(net).map((layer) => ({
      kernel: Array.from({ length: layer.fanIn }, (_, i) => Array.from(layer.kernel.subarray(i * layer.fanOut, (i + 1) * layer.fanOut))),
      bias: Array.from(layer.bias),
      activation: layer.activation,
    }));
    expect(sensitivityClosedForm(asRows, BATCH)).toBe(sensitivityClosedForm(net, BATCH));
    expect(Array.from(computeMlpOutput(asRows, BATCH[0]))).toEqual(Array.from(computeMlpOutput(net, BATCH[0])));
  });

  it('empty batch, bad sizes and unknown activations throw; NaN inputs give NaN', () => {
    const net = createTestNet('tanh');
    expect(() => sensitivityClosedForm(net, [])).toThrow(/empty/);
    expect(() => sensitivityClosedForm(net, [[1, 2, 3]])).toThrow(/input has 3 values/);
    expect(() => sensitivityClosedForm([net[0], net[2]], BATCH)).toThrow(/fanIn/);
    expect(() => sensitivityClosedForm([{ kernel: [1, 2, 3], bias: [0, 0], activation: 'relu' }], [[1]])).toThrow(/does not fit/);
    expect(() => sensitivityClosedForm([{ ...net[0], activation: 'gelu' as ActivationId }], BATCH)).toThrow(/Unsupported activation: gelu/);
    expect(sensitivityClosedForm(net, [[Number.NaN, 0, 0, 0]])).toBeNaN();
  });
});

describe('per-weight sensitivity map (Fig. 4, eq. 5 summand)', () => {
  it('entries are |w|·mean_n Σ_k |∂O_k/∂w| and sum to S (kernels: weights only; + biases: includeBiases)', () => {
    const net = createTestNet('tanh');
    const map = sensitivityMap(net, BATCH);
    const kernelSum = map.reduce((sum, layer) => sum + layer.kernel.reduce((a, b) => a + b, 0), 0);
    const biasSum = map.reduce((sum, layer) => sum + layer.bias.reduce((a, b) => a + b, 0), 0);
    expect(Math.abs(kernelSum - sensitivityClosedForm(net, BATCH)) / kernelSum).toBeLessThan(1e-12);
    expect(Math.abs(kernelSum + biasSum - sensitivityClosedForm(net, BATCH, { includeBiases: true })) / kernelSum).toBeLessThan(1e-12);
    // one entry by hand: last layer, w_{0→2}, from the backprop gradients (eq. 2)
    const f64 = toMlpLayersF64(net);
    const p = 0 * 3 + 2;
    let expected = 0;
    for (const x of BATCH) for (let k = 0; k < 3; k++) expected += Math.abs(f64[2].kernel[p]) * Math.abs(computeOutputGradient(net, x, k)[2].kernel[p]);
    expect(map[2].kernel[p]).toBeCloseTo(expected / BATCH.length, 14);
  });
});

describe('R-operator HVP (Pearlmutter, eqs. 7–11 with the output-layer term)', () => {
  for (const hidden of ['relu', 'tanh'] as const) {
    it(`${hidden} hidden: H_k·V equals central FD of ∇O_k along V (h = 1e-6) within 1e-6, every output k`, () => {
      const net = createTestNet(hidden);
      const rng = createRng(3, 'hvp-direction');
      const V = createZeroLayerArrays(toMlpLayersF64(net)).map((layer) => ({
        kernel: layer.kernel.map(() => rng.normal()),
        bias: layer.bias.map(() => rng.normal()),
      }));
      for (const x of BATCH.slice(0, 2)) {
        for (let k = 0; k < 3; k++) {
          const hvp = flatten(rOperatorHvp(net, x, k, V));
          const plus = flatten(computeOutputGradient(withDirection(net, V, FD_STEP), x, k));
          const minus = flatten(computeOutputGradient(withDirection(net, V, -FD_STEP), x, k));
          const fd = plus.map((value, i) => (value - minus[i]) / (2 * FD_STEP));
          expect(Math.max(...fd.map(Math.abs))).toBeGreaterThan(1e-3);
          expect(relativeDifference(hvp, fd)).toBeLessThan(1e-6);
        }
      }
    });
  }

  it('the output-layer term h″(x^L)·R{x^L} matters: a one-layer sigmoid net has H = σ″·x xᵀ', () => {
    // O = σ(w·x + b): ∂²O/∂w² = σ″(z)·x², ∂²O/∂w∂b = σ″(z)·x; no hidden layer, so eq. 11 alone would give 0
    const w = 0.7;
    const b = 0.2;
    const x = 1.3;
    const z = w * x + b;
    const s = 1 / (1 + Math.exp(-z));
    const second = s * (1 - s) * (1 - 2 * s);
    const hvp = rOperatorHvp([{ kernel: [w], bias: [b], activation: 'sigmoid' }], [x], 0, [{ kernel: Float64Array.of(1), bias: Float64Array.of(0) }]);
    expect(hvp[0].kernel[0]).toBeCloseTo(second * x * x, 14);
    expect(hvp[0].bias[0]).toBeCloseTo(second * x, 14);
  });
});

describe('∂S/∂θ, eq. 6 (backprop term + Σ_k H_k v_k)', () => {
  for (const hidden of ['relu', 'tanh'] as const) {
    for (const includeBiases of [false, true]) {
      it(`${hidden} hidden, ${includeBiases ? 'with' : 'without'} biases: equals central FD of S (h = 1e-6) within 1e-6`, () => {
        const net = createTestNet(hidden);
        const gradient = flatten(sensitivityGradient(net, BATCH, { includeBiases }));
        const fd = gradient.map((_, p) => {
          const plus = sensitivityClosedForm(withParameter(net, p, FD_STEP), BATCH, { includeBiases });
          const minus = sensitivityClosedForm(withParameter(net, p, -FD_STEP), BATCH, { includeBiases });
          return (plus - minus) / (2 * FD_STEP);
        });
        expect(relativeDifference(gradient, fd)).toBeLessThan(1e-6);
      });
    }
  }

  it('the Hessian term is needed: the first term alone misses the FD gradient by far more than 1e-6', () => {
    const net = createTestNet('tanh');
    const f64 = toMlpLayersF64(net);
    const firstTerm = createZeroLayerArrays(f64);
    for (const x of BATCH) {
      for (let k = 0; k < 3; k++) {
        const g = computeOutputGradient(net, x, k);
        for (let l = 0; l < 3; l++)
          for (let p = 0; p < f64[l].kernel.length; p++) firstTerm[l].kernel[p] += (Math.sign(f64[l].kernel[p]) * Math.abs(g[l].kernel[p])) / BATCH.length;
      }
    }
    const full = flatten(sensitivityGradient(net, BATCH));
    expect(relativeDifference(flatten(firstTerm), full)).toBeGreaterThan(1e-2);
  });
});
