/** Fusion variants (§III-D) and the sigmoid P(x) (eq. 3): widths, wiring, and tf vs the float64 reference. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeAxnetForward, computeAxnetLoss as computeAxnetLossF64, computePredictorOutputWidth } from '../core/axnetMath';
import { DEFAULT_CONFIG, type FusionChoice, type PredictionOutput } from '../core/config';
import { computeAxnetLayout, computeAxnetLoss, forwardAxnet, initializeAxnetParameters, splitAxnetParameters, unpackAxnetParameters } from './axnet';
import { createMethodTrainer } from './methods';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const VARIANTS: [FusionChoice, PredictionOutput][] = [
  ['all', 'softmax'],
  ['first', 'softmax'],
  ['second', 'softmax'],
  ['all', 'sigmoid'],
  ['first', 'sigmoid'],
  ['second', 'sigmoid'],
];
const HIDDEN = [3, 5];
const FUSED: Record<FusionChoice, number[]> = { all: [0, 1], first: [0], second: [1] };
const INPUTS = [
  [0.3, 0.7],
  [-0.4, 0.9],
  [1.2, -0.6],
  [0.05, 0.5],
];

/** Random-ish weights (larger than the init, so that every path matters). */
function makeTheta(size: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: size }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  });
}

describe.each(VARIANTS)('fusion %s, P(x) %s', (fusion, output) => {
  const layout = computeAxnetLayout(2, 1, HIDDEN, [4], false, { fusion, predictionOutput: output });
  const theta = makeTheta(layout.size, 11);
  const weights = unpackAxnetParameters(layout, theta).axnet;

  it('predictor output width is eq. 3 over the fused layers only', () => {
    const fusedWidth = FUSED[fusion].reduce((a, i) => a + HIDDEN[i], 0);
    const expected = fusedWidth + (output === 'softmax' ? 2 : 1);
    expect(layout.predictorWidths.at(-1)).toBe(expected);
    expect(computePredictorOutputWidth(HIDDEN, fusion, output)).toBe(expected);
    expect(layout.fusedLayers).toEqual(FUSED[fusion]);
    expect(layout.controlWidths).toEqual(FUSED[fusion].map((i) => HIDDEN[i]));
    expect(weights.fusedLayers).toEqual(FUSED[fusion]);
    expect(weights.predictionOutput).toBe(output);
  });

  it('tf forward equals the float64 reference (H, P, c, before/after ⊙c)', () => {
    const thetaT = tf.tensor1d(theta);
    const x = tf.tensor2d(INPUTS);
    const f = tf.tidy(() => {
      const r = forwardAxnet(splitAxnetParameters(thetaT, layout), x, true);
      return {
        output: r.output.arraySync() as number[][],
        gap: r.logitGap.arraySync() as number[][],
        logits: r.logits!.arraySync() as number[][],
        controls: r.controls.map((t) => t.arraySync() as number[][]),
        before: r.before.map((t) => t.arraySync() as number[][]),
        after: r.after.map((t) => t.arraySync() as number[][]),
      };
    });
    INPUTS.forEach((input, s) => {
      const ref = computeAxnetForward(weights, input);
      expect(ref.fusedLayers).toEqual(FUSED[fusion]);
      expect(f.output[s][0]).toBeCloseTo(ref.output[0], 5);
      expect(f.logits[s]).toHaveLength(output === 'softmax' ? 2 : 1);
      expect(ref.logits).toHaveLength(output === 'softmax' ? 2 : 1);
      const refGap = output === 'softmax' ? ref.logits[1] - ref.logits[0] : ref.logits[0];
      expect(f.gap[s][0]).toBeCloseTo(refGap, 5);
      expect(ref.safeProbability).toBeCloseTo(1 / (1 + Math.exp(-refGap)), 12);
      expect(f.controls).toHaveLength(FUSED[fusion].length);
      f.controls.forEach((c, k) => c[s].forEach((v, j) => expect(v).toBeCloseTo(ref.controls[k][j], 5)));
      f.before.forEach((b, k) => b[s].forEach((v, j) => expect(v).toBeCloseTo(ref.before[k][j], 5)));
      f.after.forEach((a, k) => a[s].forEach((v, j) => expect(v).toBeCloseTo(ref.after[k][j], 5)));
    });
    const labels = [1, 0, 1, 0];
    const targets = [0.2, -0.1, 0.5, 0.3];
    const tfLoss = tf.tidy(() => {
      const r = forwardAxnet(splitAxnetParameters(thetaT, layout), x);
      const l = computeAxnetLoss(r, tf.tensor2d(targets, [4, 1]), { metric: 'absolute', bound: 0.05 }, tf.tensor2d(labels, [4, 1]));
      return [l.mse.dataSync()[0], l.crossEntropy.dataSync()[0]];
    });
    const ref = computeAxnetLossF64(weights, INPUTS.flat(), targets, { labels });
    expect(tfLoss[0]).toBeCloseTo(ref.mse, 5);
    expect(tfLoss[1]).toBeCloseTo(ref.crossEntropy, 5);
    thetaT.dispose();
    x.dispose();
  });

  it('connects exactly the fused layers: only fused ⊙c reach H(x), unfused layers have no control entries', () => {
    // Perturb each control output unit of the predictor's last layer (its bias): H(x) changes for every one
    // of them (fused widths only exist), and the two/one P(x) entries do not change H(x).
    const last = weights.predictor.length - 1;
    const base = computeAxnetForward(weights, INPUTS[0]).output[0];
    const fusedWidth = FUSED[fusion].reduce((a, i) => a + HIDDEN[i], 0);
    for (let j = 0; j < weights.predictor[last].fanOut; j++) {
      const bias = Float64Array.from(weights.predictor[last].bias);
      bias[j] += 0.5;
      const predictor = weights.predictor.map((layer, k) => (k === last ? { ...layer, bias } : layer));
      const changed = computeAxnetForward({ ...weights, predictor }, INPUTS[0]).output[0] !== base;
      // A control entry can leave H(x) unchanged only where ReLU output is 0; the weights here keep most active.
      if (j >= fusedWidth) expect(changed).toBe(false);
    }
    let anyChanged = 0;
    for (let j = 0; j < fusedWidth; j++) {
      const bias = Float64Array.from(weights.predictor[last].bias);
      bias[j] += 0.5;
      const predictor = weights.predictor.map((layer, k) => (k === last ? { ...layer, bias } : layer));
      if (computeAxnetForward({ ...weights, predictor }, INPUTS[3]).output[0] !== base) anyChanged++;
    }
    expect(anyChanged).toBeGreaterThan(0);
    // By hand: ⊙c exactly at the fused layers, from consecutive slices of the predictor output.
    const dense = (layer: { fanIn: number; fanOut: number; kernel: ArrayLike<number>; bias: ArrayLike<number> }, v: number[]) =>
      Array.from({ length: layer.fanOut }, (_, j) => v.reduce((sum, vi, i) => sum + vi * layer.kernel[i * layer.fanOut + j], layer.bias[j]));
    const relu = (v: number[]) => v.map((u) => Math.max(0, u));
    for (const input of INPUTS) {
      const pOut = dense(weights.predictor[1], relu(dense(weights.predictor[0], input)));
      let offset = 0;
      let a = input;
      HIDDEN.forEach((width, i) => {
        a = relu(dense(weights.approximator[i], a));
        if (FUSED[fusion].includes(i)) {
          const c = pOut.slice(offset, offset + width);
          offset += width;
          a = a.map((v, j) => v * c[j]);
        }
      });
      expect(pOut.length - offset).toBe(output === 'softmax' ? 2 : 1);
      expect(computeAxnetForward(weights, input).output[0]).toBeCloseTo(dense(weights.approximator[2], a)[0], 10);
    }
  });
});

describe('fusion errors and trainer wiring', () => {
  it("fusion 'second' with a one-hidden-layer approximator throws a clear error (layout, method trainer)", () => {
    expect(() => computeAxnetLayout(2, 1, [4], [4], false, { fusion: 'second' })).toThrow(/at least two hidden layers/);
    const config = { ...DEFAULT_CONFIG, backend: 'cpu' as const, approximatorHidden: [4], fusion: 'second' as const, trainSize: 64, testSize: 64 };
    const before = tf.memory().numTensors;
    expect(() => createMethodTrainer(config, 'axnet')).toThrow(/second/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the trainer builds the variant from the config; surface reports the fused layer index', async () => {
    const trainer = createMethodTrainer(
      { ...DEFAULT_CONFIG, backend: 'cpu', fusion: 'second', predictionOutput: 'sigmoid', trainSize: 128, testSize: 64, steps: 10, predictorHidden: [4] },
      'axnet',
    );
    expect(trainer.topology.predictor).toEqual([2, 4, 4 + 1]);
    expect(trainer.parameterCounts.predictor).toBe(2 * 4 + 4 + 4 * 5 + 5);
    await trainer.train(5);
    const snap = (await trainer.surface(4))!;
    expect(snap.hidden.map((h) => [h.layer, h.width])).toEqual([[1, 4]]);
    const weights = await trainer.getWeights();
    const ref = computeAxnetForward(weights, [0.5, 0.5]);
    const grid = snap.resolution;
    expect(grid).toBe(4);
    expect(ref.logits).toHaveLength(1);
    trainer.dispose();
    // Init is unchanged by the variant only in the approximator: the predictor's last layer is narrower.
    const all = computeAxnetLayout(2, 1, [4, 4], [4], false);
    const second = computeAxnetLayout(2, 1, [4, 4], [4], false, { fusion: 'second' });
    expect(initializeAxnetParameters(second, 1, 'bias0.1').subarray(0, 37)).toEqual(initializeAxnetParameters(all, 1, 'bias0.1').subarray(0, 37));
  });
});
