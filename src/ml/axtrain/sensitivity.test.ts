import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActivationId, type LayerArrays, type MlpLayer, sensitivityClosedForm, sensitivityGradient, sensitivityMap, toMlpLayersF64 } from '../../core/approx/sensitivity';
import { createRng } from '../../core/rng';
import { type SensitivityLayerTensors, sensitivityMapTensors, sensitivityTensor } from './sensitivity';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** 4-6-5-3 (brief §A.3), float32-representable weights so that tf and the float64 core see the same net. */
function createTestNet(hidden: ActivationId, output: ActivationId = 'sigmoid', seed = 7): MlpLayer[] {
  const rng = createRng(seed, 'sensitivity-test');
  const sizes = [4, 6, 5, 3];
  return sizes.slice(1).map((fanOut, l) => {
    const fanIn = sizes[l];
    const scale = 1.2 / Math.sqrt(fanIn);
    return {
      kernel: Float64Array.from({ length: fanIn * fanOut }, () => Math.fround(scale * rng.normal())),
      bias: Float64Array.from({ length: fanOut }, () => Math.fround(0.3 * rng.normal())),
      activation: l === sizes.length - 2 ? output : hidden,
    };
  });
}

function createInputs(count: number, seed = 11): number[][] {
  const rng = createRng(seed, 'sensitivity-inputs');
  return Array.from({ length: count }, () => Array.from({ length: 4 }, () => Math.fround(rng.uniform(-1.5, 1.5))));
}

function toTensors(net: readonly MlpLayer[]): SensitivityLayerTensors[] {
  return toMlpLayersF64(net).map((layer) => ({
    kernel: tf.tensor2d(Float32Array.from(layer.kernel), [layer.fanIn, layer.fanOut]),
    bias: tf.tensor1d(Float32Array.from(layer.bias)),
  }));
}

function disposeLayers(layers: readonly SensitivityLayerTensors[]): void {
  for (const layer of layers) tf.dispose([layer.kernel, layer.bias]);
}

function relativeDifference(actual: ArrayLike<number>, reference: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < reference.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - reference[i]));
    scale = Math.max(scale, Math.abs(reference[i]));
  }
  return diff / scale;
}

function flatten(arrays: readonly LayerArrays[]): number[] {
  return arrays.flatMap((layer) => [...layer.kernel, ...layer.bias]);
}

const BATCH = createInputs(3);

describe('sensitivityTensor: the closed-form S in tf (float32, cpu)', () => {
  for (const [hidden, output] of [
    ['relu', 'sigmoid'],
    ['tanh', 'sigmoid'],
    ['relu', 'linear'],
  ] as const) {
    for (const includeBiases of [false, true]) {
      it(`${hidden} hidden, ${output} out, ${includeBiases ? 'with' : 'without'} biases: S equals the float64 core within 1e-5`, () => {
        const net = createTestNet(hidden, output);
        const layers = toTensors(net);
        const x = tf.tensor2d(BATCH);
        const before = tf.memory().numTensors;
        const s = sensitivityTensor(
          layers,
          net.map((l) => l.activation),
          x,
          { includeBiases },
        );
        const value = s.dataSync()[0];
        s.dispose();
        expect(tf.memory().numTensors).toBe(before);
        const reference = sensitivityClosedForm(net, BATCH, { includeBiases });
        expect(Math.abs(value - reference) / reference).toBeLessThan(1e-5);
        disposeLayers(layers);
        x.dispose();
      });
    }
  }

  for (const hidden of ['relu', 'tanh'] as const) {
    for (const includeBiases of [false, true]) {
      it(`${hidden} hidden, ${includeBiases ? 'with' : 'without'} biases: one tf.grads of S equals eq. 6 (float64 core) within 1e-4`, () => {
        const net = createTestNet(hidden);
        const layers = toTensors(net);
        const activations = net.map((l) => l.activation);
        const x = tf.tensor2d(BATCH);
        const before = tf.memory().numTensors;
        const parameters = layers.flatMap((layer) => [layer.kernel, layer.bias]);
        const gradients = tf.grads((...theta: tf.Tensor[]) => {
          const rebuilt = layers.map((_, l) => ({ kernel: theta[2 * l], bias: theta[2 * l + 1] }));
          return sensitivityTensor(rebuilt, activations, x, { includeBiases });
        })(parameters);
        const tfGradient = gradients.flatMap((g) => Array.from(g.dataSync()));
        tf.dispose(gradients);
        expect(tf.memory().numTensors).toBe(before);
        const reference = flatten(sensitivityGradient(net, BATCH, { includeBiases }));
        expect(relativeDifference(tfGradient, reference)).toBeLessThan(1e-4);
        disposeLayers(layers);
        x.dispose();
      });
    }
  }

  it('works with tf.variableGrads on E + γ·S, as a trainer uses it, and leaks no tensor', () => {
    const net = createTestNet('relu');
    const activations = net.map((l) => l.activation);
    const x = tf.tensor2d(BATCH);
    const target = tf.tensor2d([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    const initial = toTensors(net);
    const variables = initial.map((layer) => ({ kernel: tf.variable(layer.kernel), bias: tf.variable(layer.bias) }));
    disposeLayers(initial);
    const gamma = 0.5;
    const before = tf.memory().numTensors;
    const loss = (withSensitivity: boolean) =>
      tf.variableGrads(() => {
        let a: tf.Tensor = x;
        variables.forEach((layer, l) => {
          const z = tf.add(tf.matMul(a, layer.kernel), layer.bias);
          a = activations[l] === 'relu' ? tf.relu(z) : tf.sigmoid(z);
        });
        const error = tf.losses.meanSquaredError(target, a) as tf.Scalar;
        return withSensitivity ? tf.add(error, tf.mul(gamma, sensitivityTensor(variables, activations, x))) : error;
      });
    const total = loss(true);
    const dataOnly = loss(false);
    // ∇E_tot = ∇E + γ·∇S (eq. 4), with ∇S from the core's eq. 6
    const reference = sensitivityGradient(net, BATCH);
    variables.forEach((layer, l) => {
      const name = layer.kernel.name;
      const combined = total.grads[name].dataSync();
      const plain = dataOnly.grads[name].dataSync();
      const sensitivityPart = Array.from(combined, (v, p) => (v - plain[p]) / gamma);
      expect(relativeDifference(sensitivityPart, reference[l].kernel)).toBeLessThan(1e-4);
    });
    tf.dispose([total.value, dataOnly.value, ...Object.values(total.grads), ...Object.values(dataOnly.grads)]);
    expect(tf.memory().numTensors).toBe(before);
    for (const layer of variables) tf.dispose([layer.kernel, layer.bias]);
    tf.dispose([x, target]);
  });

  it('a larger batch (B = 64) and K = 10 outputs give the core S', () => {
    const rng = createRng(5, 'sensitivity-wide');
    const sizes = [8, 16, 10];
    const net: MlpLayer[] = sizes.slice(1).map((fanOut, l) => ({
      kernel: Float64Array.from({ length: sizes[l] * fanOut }, () => Math.fround(rng.normal() / Math.sqrt(sizes[l]))),
      bias: Float64Array.from({ length: fanOut }, () => Math.fround(0.1 * rng.normal())),
      activation: l === 0 ? 'relu' : 'sigmoid',
    }));
    const inputs = Array.from({ length: 64 }, () => Array.from({ length: 8 }, () => Math.fround(rng.uniform(-1, 1))));
    const layers = toTensors(net);
    const x = tf.tensor2d(inputs);
    const s = sensitivityTensor(layers, ['relu', 'sigmoid'], x);
    const reference = sensitivityClosedForm(net, inputs);
    expect(Math.abs(s.dataSync()[0] - reference) / reference).toBeLessThan(1e-5);
    tf.dispose([s, x]);
    disposeLayers(layers);
  });

  it('per-weight maps in tf equal the core map and sum to S', () => {
    const net = createTestNet('tanh');
    const layers = toTensors(net);
    const x = tf.tensor2d(BATCH);
    const before = tf.memory().numTensors;
    const maps = sensitivityMapTensors(
      layers,
      net.map((l) => l.activation),
      x,
    );
    const reference = sensitivityMap(net, BATCH);
    maps.forEach((map, l) => {
      expect(relativeDifference(map.kernel.dataSync(), reference[l].kernel)).toBeLessThan(1e-5);
      expect(relativeDifference(map.bias.dataSync(), reference[l].bias)).toBeLessThan(1e-5);
    });
    const kernelSum = maps.reduce((sum, map) => sum + Array.from(map.kernel.dataSync()).reduce((a, b) => a + b, 0), 0);
    expect(Math.abs(kernelSum - sensitivityClosedForm(net, BATCH)) / kernelSum).toBeLessThan(1e-5);
    tf.dispose(maps.flatMap((map) => [map.kernel, map.bias]));
    expect(tf.memory().numTensors).toBe(before);
    disposeLayers(layers);
    x.dispose();
  });

  it('rejects a wrong number of activation ids, an unknown id and an empty batch', () => {
    const net = createTestNet('relu');
    const layers = toTensors(net);
    const x = tf.tensor2d(BATCH);
    const before = tf.memory().numTensors;
    expect(() => sensitivityTensor(layers, ['relu', 'sigmoid'], x)).toThrow(/3 activation ids/);
    expect(() => sensitivityTensor(layers, ['relu', 'relu', 'softplus' as ActivationId], x)).toThrow(/Unsupported activation: softplus/);
    const empty = tf.zeros([0, 4]) as tf.Tensor2D;
    expect(() => sensitivityTensor(layers, ['relu', 'relu', 'sigmoid'], empty)).toThrow(/empty/);
    empty.dispose();
    expect(tf.memory().numTensors).toBe(before);
    disposeLayers(layers);
    x.dispose();
  });
});

/**
 * Regression guard (brief §A.3, tfjs 4.22.0 cpu): nested tf.grad cannot give the Hessian term of eq. 6, because the
 * gradient kernels of tanh and sigmoid are not themselves differentiated. Do not "simplify" sensitivityTensor into
 * tf.grad(tf.grad(·)): these are the behaviours that would break it. If a tfjs upgrade makes this test fail, nested
 * gradients may have become usable; re-check eq. 6 before relying on them.
 */
describe('tfjs 4.22 nested tf.grad (why S is a closed form)', () => {
  const x = 0.3;
  const t = Math.tanh(x);

  it('drops tanh″ silently where another path connects x: d²/dx² of tanh comes out 0, of x·tanh x as 2(1 − t²)', () => {
    const before = tf.memory().numTensors;
    const input = tf.scalar(x);
    // f'(x) = tanh'(x) + 0·x: the true f″ is tanh″(x) = −2t(1 − t²) ≈ −0.533; tfjs returns 0
    const tanhOnly = tf.grad((v: tf.Tensor) => tf.add(tf.grad((u: tf.Tensor) => tf.tanh(u))(v), tf.mul(v, 0)))(input);
    expect(-2 * t * (1 - t * t)).toBeLessThan(-0.5);
    expect(tanhOnly.dataSync()[0]).toBe(0);
    // f = x·tanh x: f″ = 2(1 − t²)(1 − x·t) ≈ 1.670; tfjs keeps only the product-rule part 2(1 − t²) ≈ 1.830
    const product = tf.grad(tf.grad((v: tf.Tensor) => tf.mul(v, tf.tanh(v))))(input);
    expect(product.dataSync()[0]).toBeCloseTo(2 * (1 - t * t), 5);
    expect(Math.abs(product.dataSync()[0] - 2 * (1 - t * t) * (1 - x * t))).toBeGreaterThan(0.1);
    // polynomial ops are differentiated twice: (x³)″ = 6x
    const cube = tf.grad(tf.grad((v: tf.Tensor) => tf.pow(v, 3)))(input);
    expect(cube.dataSync()[0]).toBeCloseTo(6 * x, 5);
    tf.dispose([input, tanhOnly, product, cube]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('throws for a bare tanh or sigmoid and for matMul∘tanh', () => {
    const input = tf.scalar(x);
    expect(() => tf.grad(tf.grad((v: tf.Tensor) => tf.tanh(v)))(input)).toThrow(/Cannot compute gradient/);
    expect(() => tf.grad(tf.grad((v: tf.Tensor) => tf.sigmoid(v)))(input)).toThrow(/Cannot compute gradient/);
    const kernel = tf.tensor2d([
      [0.5, -0.2],
      [0.1, 0.3],
    ]);
    const row = tf.tensor2d([[0.3, 0.7]]);
    const innerGradient = (w: tf.Tensor) => tf.grad((w2: tf.Tensor) => tf.sum(tf.tanh(tf.matMul(row, w2))))(w);
    expect(() => tf.grad((w: tf.Tensor) => tf.sum(innerGradient(w)))(kernel)).toThrow(/Cannot compute gradient/);
    tf.dispose([input, kernel, row]);
  });
});
