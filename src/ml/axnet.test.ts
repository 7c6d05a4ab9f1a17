import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeAxnetForward, computeAxnetLoss as computeAxnetLossF64 } from '../core/axnetMath';
import type { ControlPlacement } from '../core/config';
import { createRng } from '../core/rng';
import { computeAxnetLayout, computeAxnetLoss, forwardAxnet, initializeAxnetParameters, packAxnetParameters, splitAxnetParameters, unpackAxnetParameters } from './axnet';
import type { AxnetWeights } from '../core/weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Approximator 2-2-1, predictor 2-2-(2+2): c(1) has 2 entries, then z_unsafe, z_safe. */
const WEIGHTS: AxnetWeights = {
  approximator: [
    { fanIn: 2, fanOut: 2, kernel: Float32Array.from([0.5, -0.25, 0.75, 1.0]), bias: Float32Array.from([0.1, -0.2]) },
    { fanIn: 2, fanOut: 1, kernel: Float32Array.from([1.5, -0.5]), bias: Float32Array.from([0.3]) },
  ],
  predictor: [
    { fanIn: 2, fanOut: 2, kernel: Float32Array.from([0.2, -0.4, 0.6, 0.8]), bias: Float32Array.from([0.05, 0.1]) },
    {
      fanIn: 2,
      fanOut: 4,
      kernel: Float32Array.from([1.0, -0.5, 0.25, -0.75, 0.5, 2.0, -1.0, 0.5]),
      bias: Float32Array.from([0.2, 0.4, -0.1, 0.3]),
    },
  ],
};
const LAYOUT = computeAxnetLayout(2, 1, [2], [2], false);
const INPUTS = [
  [0.3, 0.7],
  [-0.4, 0.9],
  [1.2, -0.6],
];

/** Eq. 3–4 written out by hand for the 2-2-1 / 2-2-4 net, with ⊙c after the activation (Algorithm 1) or inside it (eq. 4 as printed). */
function computeByHand(x: number[], placement: ControlPlacement = 'afterActivation') {
  const relu = (v: number) => Math.max(0, v);
  const W = (layer: { kernel: Float32Array }, i: number, j: number, fanOut: number) => layer.kernel[i * fanOut + j];
  const [p1, p2] = WEIGHTS.predictor;
  const h = [0, 1].map((j) => relu(x[0] * W(p1, 0, j, 2) + x[1] * W(p1, 1, j, 2) + p1.bias[j]));
  const out = [0, 1, 2, 3].map((j) => h[0] * W(p2, 0, j, 4) + h[1] * W(p2, 1, j, 4) + p2.bias[j]);
  const c = out.slice(0, 2);
  const [a1, a2] = WEIGHTS.approximator;
  const product = [0, 1].map((j) => x[0] * W(a1, 0, j, 2) + x[1] * W(a1, 1, j, 2));
  const before = [0, 1].map((j) => relu(product[j] + a1.bias[j]));
  // after: a(1) = ReLU(x·W(0) + b(0)) ⊙ c(1) (Algorithm 1 line 9); inside: a(1) = ReLU((x·W(0)) ⊙ c(1) + b(0)) (eq. 4 as printed)
  const after = placement === 'afterActivation' ? before.map((v, j) => v * c[j]) : [0, 1].map((j) => relu(product[j] * c[j] + a1.bias[j]));
  const output = after[0] * W(a2, 0, 0, 1) + after[1] * W(a2, 1, 0, 1) + a2.bias[0];
  return { output, c, before, after, gap: out[3] - out[2] };
}

describe('AXNet forward (eq. 3–4)', () => {
  it('tf forward equals the hand computation and axnetMath', () => {
    const theta = tf.tensor1d(packAxnetParameters(LAYOUT, WEIGHTS));
    const x = tf.tensor2d(INPUTS);
    const forward = tf.tidy(() => {
      const f = forwardAxnet(splitAxnetParameters(theta, LAYOUT), x, true);
      return {
        output: f.output.arraySync() as number[][],
        gap: f.logitGap.arraySync() as number[][],
        c: f.controls[0].arraySync() as number[][],
        before: f.before[0].arraySync() as number[][],
        after: f.after[0].arraySync() as number[][],
        logits: f.logits!.arraySync() as number[][],
      };
    });
    INPUTS.forEach((input, s) => {
      const hand = computeByHand(input);
      const ref = computeAxnetForward(WEIGHTS, input);
      expect(forward.output[s][0]).toBeCloseTo(hand.output, 5);
      expect(ref.output[0]).toBeCloseTo(hand.output, 6);
      expect(forward.gap[s][0]).toBeCloseTo(hand.gap, 5);
      expect(ref.logits[1] - ref.logits[0]).toBeCloseTo(hand.gap, 6);
      expect(forward.logits[s][1] - forward.logits[s][0]).toBeCloseTo(hand.gap, 5);
      for (let j = 0; j < 2; j++) {
        expect(forward.c[s][j]).toBeCloseTo(hand.c[j], 5);
        expect(forward.before[s][j]).toBeCloseTo(hand.before[j], 5);
        expect(forward.after[s][j]).toBeCloseTo(hand.after[j], 5);
        expect(ref.controls[0][j]).toBeCloseTo(hand.c[j], 6);
        expect(ref.before[0][j]).toBeCloseTo(hand.before[j], 6);
        expect(ref.after[0][j]).toBeCloseTo(hand.after[j], 6);
      }
    });
    theta.dispose();
    x.dispose();
  });

  it('puts ⊙c inside the activation when asked (eq. 4 as printed): tf and axnetMath equal the hand computation', () => {
    const before = tf.memory().numTensors;
    const theta = tf.tensor1d(packAxnetParameters(LAYOUT, WEIGHTS));
    const x = tf.tensor2d(INPUTS);
    const run = (controlPlacement: ControlPlacement) =>
      tf.tidy(() => {
        const f = forwardAxnet({ ...splitAxnetParameters(theta, LAYOUT), controlPlacement }, x, true);
        return { output: f.output.arraySync() as number[][], before: f.before[0].arraySync() as number[][], after: f.after[0].arraySync() as number[][] };
      });
    const inside = run('insideActivation');
    const after = run('afterActivation');
    INPUTS.forEach((input, s) => {
      const hand = computeByHand(input, 'insideActivation');
      const ref = computeAxnetForward({ ...WEIGHTS, controlPlacement: 'insideActivation' }, input);
      expect(inside.output[s][0]).toBeCloseTo(hand.output, 5);
      expect(ref.output[0]).toBeCloseTo(hand.output, 6);
      for (let j = 0; j < 2; j++) {
        expect(inside.before[s][j]).toBeCloseTo(hand.before[j], 5);
        expect(inside.after[s][j]).toBeCloseTo(hand.after[j], 5);
        expect(ref.after[0][j]).toBeCloseTo(hand.after[j], 6);
      }
      // The default is the placement of Algorithm 1: an absent controlPlacement computes 'afterActivation'.
      expect(after.output[s][0]).toBeCloseTo(computeByHand(input).output, 5);
      expect(computeAxnetForward(WEIGHTS, input).output[0]).toBe(computeAxnetForward({ ...WEIGHTS, controlPlacement: 'afterActivation' }, input).output[0]);
    });
    // The two placements are different functions on this net (the test above could not pass with either formula).
    expect(Math.max(...INPUTS.map((input) => Math.abs(computeByHand(input, 'insideActivation').output - computeByHand(input).output)))).toBeGreaterThan(0.05);
    theta.dispose();
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('puts ⊙c inside the activation for K models at once ([K, batch, ·]) as for each model alone', () => {
    const before = tf.memory().numTensors;
    const second: AxnetWeights = {
      approximator: WEIGHTS.approximator.map((l) => ({ ...l, kernel: l.kernel.map((w) => -0.5 * w), bias: l.bias.map((b) => b + 0.2) })),
      predictor: WEIGHTS.predictor.map((l) => ({ ...l, kernel: l.kernel.map((w) => 0.8 * w) })),
    };
    const models = [WEIGHTS, second];
    const stacked = tf.tidy(() => {
      const stack = (pick: (w: AxnetWeights) => { fanIn: number; fanOut: number; kernel: Float32Array; bias: Float32Array }[]) =>
        pick(WEIGHTS).map((layer, l) => ({
          kernel: tf.stack(models.map((m) => tf.tensor2d(pick(m)[l].kernel, [layer.fanIn, layer.fanOut]))),
          bias: tf.stack(models.map((m) => tf.tensor2d(pick(m)[l].bias, [1, layer.fanOut]))),
        }));
      const x = tf.stack([tf.tensor2d(INPUTS), tf.tensor2d(INPUTS)]);
      const f = forwardAxnet({ approximator: stack((w) => w.approximator), predictor: stack((w) => w.predictor), lone: null, controlPlacement: 'insideActivation' }, x);
      return f.output.arraySync() as number[][][];
    });
    models.forEach((weights, k) =>
      INPUTS.forEach((input, s) => expect(stacked[k][s][0]).toBeCloseTo(computeAxnetForward({ ...weights, controlPlacement: 'insideActivation' }, input).output[0], 5)),
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  // The batched forward runs units-major (activations [K, L, batch]); each number must be the one-model program's.
  it.each([
    { fusion: 'all', predictionOutput: 'softmax', controlPlacement: 'afterActivation' },
    { fusion: 'all', predictionOutput: 'softmax', controlPlacement: 'insideActivation' },
    { fusion: 'first', predictionOutput: 'sigmoid', controlPlacement: 'afterActivation' },
  ] as const)(
    'K models at once ($fusion, $predictionOutput, $controlPlacement) give each model its one-model forward and gradient bit for bit',
    ({ controlPlacement, ...structure }) => {
      const before = tf.memory().numTensors;
      const layout = computeAxnetLayout(2, 1, [4, 3], [5], false, structure);
      const thetas = [7, 8].map((seed) => tf.tensor1d(initializeAxnetParameters(layout, seed, 'bias0.1')));
      const rng = createRng(3, 'inputs');
      const inputs = [0, 1].map(() =>
        tf.tensor2d(
          Array.from({ length: 6 * 2 }, () => rng.normal()),
          [6, 2],
        ),
      );
      const targets = [0, 1].map(() =>
        tf.tensor2d(
          Array.from({ length: 6 }, () => 0.05 * rng.normal()),
          [6, 1],
        ),
      );
      const rule = { metric: 'absolute' as const, bound: 0.05 };
      const readAll = (f: ReturnType<typeof forwardAxnet>) => [f.output, f.logitGap, f.logits!, ...f.controls, ...f.before, ...f.after];
      const stackNets = (ts: tf.Tensor[]) => {
        const nets = ts.map((t) => splitAxnetParameters(t as tf.Tensor1D, layout));
        const stack = (pick: (n: (typeof nets)[0]) => { kernel: tf.Tensor; bias: tf.Tensor }[]) =>
          pick(nets[0]).map((_, l) => ({ kernel: tf.stack(nets.map((n) => pick(n)[l].kernel)), bias: tf.stack(nets.map((n) => tf.reshape(pick(n)[l].bias, [1, -1]))) }));
        return { ...nets[0], approximator: stack((n) => n.approximator), predictor: stack((n) => n.predictor), controlPlacement };
      };
      tf.tidy(() => {
        const batched = forwardAxnet(stackNets(thetas), tf.stack(inputs), true);
        const batchedGrads = tf.grads((...ts: tf.Tensor[]) => tf.sum(computeAxnetLoss(forwardAxnet(stackNets(ts), tf.stack(inputs)), tf.stack(targets), rule).loss))(thetas);
        thetas.forEach((theta, k) => {
          const alone = forwardAxnet({ ...splitAxnetParameters(theta as tf.Tensor1D, layout), controlPlacement }, inputs[k], true);
          readAll(alone).forEach((t, i) => expect(Array.from(tf.unstack(readAll(batched)[i])[k].dataSync())).toEqual(Array.from(t.dataSync())));
          const aloneGrad = tf.grad(
            (t: tf.Tensor) => computeAxnetLoss(forwardAxnet({ ...splitAxnetParameters(t as tf.Tensor1D, layout), controlPlacement }, inputs[k]), targets[k], rule).loss,
          )(theta);
          expect(Array.from(batchedGrads[k].dataSync())).toEqual(Array.from(aloneGrad.dataSync()));
        });
      });
      [...thetas, ...inputs, ...targets].forEach((t) => t.dispose());
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('packs and unpacks θ losslessly, and initializes kernels N(0, 0.1) with biases 0.1', () => {
    const theta = packAxnetParameters(LAYOUT, WEIGHTS);
    expect(unpackAxnetParameters(LAYOUT, theta).axnet).toEqual({ ...WEIGHTS, fusedLayers: [0], predictionOutput: 'softmax' });
    const layout = computeAxnetLayout(2, 1, [16, 16], [16], true);
    const init = initializeAxnetParameters(layout, 7, 'bias0.1');
    const kernels: number[] = [];
    for (const slot of [...layout.approximator, ...layout.predictor, ...layout.lone!]) {
      kernels.push(...init.subarray(slot.kernelOffset, slot.kernelOffset + slot.fanIn * slot.fanOut));
      expect(Array.from(init.subarray(slot.biasOffset, slot.biasOffset + slot.fanOut)).every((b) => b === Math.fround(0.1))).toBe(true);
    }
    const mean = kernels.reduce((a, b) => a + b, 0) / kernels.length;
    const std = Math.sqrt(kernels.reduce((a, b) => a + (b - mean) ** 2, 0) / kernels.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(std).toBeGreaterThan(0.08);
    expect(std).toBeLessThan(0.12);
    expect(initializeAxnetParameters(layout, 7, 'bias0.1')).toEqual(init);
    expect(initializeAxnetParameters(layout, 8, 'bias0.1')).not.toEqual(init);
  });

  it("the authors' initialization: every bias exactly 0, kernels 0.1·N(0, 1) from the seeded streams, the same kernels as with biases 0.1", () => {
    const layout = computeAxnetLayout(2, 1, [16, 16], [16], true);
    const zeros = initializeAxnetParameters(layout, 7, 'authorsZeroBias');
    const tenths = initializeAxnetParameters(layout, 7, 'bias0.1');
    // The kernels, drawn in order from stream 'axnet-init' (approximator then predictor) and 'lone-init' (lone).
    for (const [slots, stream] of [
      [[...layout.approximator, ...layout.predictor], 'axnet-init'],
      [layout.lone!, 'lone-init'],
    ] as const) {
      const rng = createRng(7, stream);
      for (const slot of slots) {
        for (let k = 0; k < slot.fanIn * slot.fanOut; k++) expect(zeros[slot.kernelOffset + k]).toBe(Math.fround(0.1 * rng.normal()));
        expect(Array.from(zeros.subarray(slot.biasOffset, slot.biasOffset + slot.fanOut)).every((b) => Object.is(b, 0))).toBe(true);
        expect(zeros.subarray(slot.kernelOffset, slot.kernelOffset + slot.fanIn * slot.fanOut)).toEqual(
          tenths.subarray(slot.kernelOffset, slot.kernelOffset + slot.fanIn * slot.fanOut),
        );
      }
    }
    expect(() => initializeAxnetParameters(layout, 7, 'he' as never)).toThrow(/Unsupported initialization/);
  });
});

describe('AXNet loss J (eq. 2) and its gradient', () => {
  const targets = [0.2, -0.1, 0.5];
  const labels = [1, 0, 1];

  it('tf J equals the float64 J of axnetMath', () => {
    const theta = tf.tensor1d(packAxnetParameters(LAYOUT, WEIGHTS));
    const value = tf.tidy(() => {
      const f = forwardAxnet(splitAxnetParameters(theta, LAYOUT), tf.tensor2d(INPUTS));
      const loss = computeAxnetLoss(f, tf.tensor2d(targets, [3, 1]), { metric: 'absolute', bound: 0.05 }, tf.tensor2d(labels, [3, 1]));
      return [loss.loss.dataSync()[0], loss.mse.dataSync()[0], loss.crossEntropy.dataSync()[0]];
    });
    const ref = computeAxnetLossF64(WEIGHTS, INPUTS.flat(), targets, { labels });
    expect(value[0]).toBeCloseTo(ref.loss, 5);
    expect(value[1]).toBeCloseTo(ref.mse, 5);
    expect(value[2]).toBeCloseTo(ref.crossEntropy, 5);
    theta.dispose();
  });

  it('tf gradients of J match central finite differences of the float64 J for every parameter', () => {
    const packed = packAxnetParameters(LAYOUT, WEIGHTS);
    const theta = tf.tensor1d(packed);
    const x = tf.tensor2d(INPUTS);
    const y = tf.tensor2d(targets, [3, 1]);
    const fixed = tf.tensor2d(labels, [3, 1]);
    const grad = tf.grad((t: tf.Tensor) => computeAxnetLoss(forwardAxnet(splitAxnetParameters(t as tf.Tensor1D, LAYOUT), x), y, { metric: 'absolute', bound: 0.05 }, fixed).loss);
    const g = tf.tidy(() => grad(theta).dataSync());
    const lossAt = (values: Float64Array) => {
      const weights = unpackFloat64(values);
      return computeAxnetLossF64(weights, INPUTS.flat(), targets, { labels }).loss;
    };
    const base = Float64Array.from(packed);
    const h = 1e-6;
    for (let k = 0; k < base.length; k++) {
      const plus = Float64Array.from(base);
      const minus = Float64Array.from(base);
      plus[k] += h;
      minus[k] -= h;
      const numeric = (lossAt(plus) - lossAt(minus)) / (2 * h);
      const tolerance = Math.max(1e-4, 1e-2 * Math.abs(numeric));
      expect(Math.abs(g[k] - numeric), `parameter ${k}: tf ${g[k]} vs finite difference ${numeric}`).toBeLessThanOrEqual(tolerance);
    }
    [theta, x, y, fixed].forEach((t) => t.dispose());
  });

  it('p_label carries no gradient: J with recomputed labels has the gradient of J with those labels as constants', () => {
    const theta = tf.tensor1d(packAxnetParameters(LAYOUT, WEIGHTS));
    const x = tf.tensor2d(INPUTS);
    const y = tf.tensor2d(targets, [3, 1]);
    const rule = { metric: 'absolute' as const, bound: 0.3 };
    // The labels the rule produces for these weights (eq. 1), as constants.
    const ref = computeAxnetLossF64(WEIGHTS, INPUTS.flat(), targets, { labelRule: rule });
    expect(new Set(ref.labels).size).toBe(2); // both classes occur, so the check is not vacuous
    const constant = tf.tensor2d(Array.from(ref.labels), [3, 1]);
    const gradOf = (labelsTensor?: tf.Tensor2D) =>
      tf.tidy(() =>
        tf
          .grad((t: tf.Tensor) => computeAxnetLoss(forwardAxnet(splitAxnetParameters(t as tf.Tensor1D, LAYOUT), x), y, rule, labelsTensor).loss)(theta)
          .dataSync(),
      );
    const recomputed = gradOf();
    const fixed = gradOf(constant);
    expect(Array.from(recomputed)).toEqual(Array.from(fixed));
    [theta, x, y, constant].forEach((t) => t.dispose());
  });
});

function unpackFloat64(values: Float64Array) {
  const read = (slots: typeof LAYOUT.approximator) =>
    slots.map((slot) => ({
      fanIn: slot.fanIn,
      fanOut: slot.fanOut,
      kernel: values.subarray(slot.kernelOffset, slot.kernelOffset + slot.fanIn * slot.fanOut),
      bias: values.subarray(slot.biasOffset, slot.biasOffset + slot.fanOut),
    }));
  return { approximator: read(LAYOUT.approximator), predictor: read(LAYOUT.predictor) };
}
