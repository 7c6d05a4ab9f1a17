import { describe, expect, it } from 'vitest';
import {
  isSuppressed,
  computeApproximatorForward,
  computeAxnetForward,
  computeAxnetLoss,
  computeCrossEntropy,
  computePredictorOutputWidth,
  computeSigmoid,
  computeSigmoidCrossEntropy,
  computeSoftmaxSafe,
  resolveFusedLayers,
  validateAxnetParams,
  type AxnetParams,
} from './axnetMath';

const PARAMS: AxnetParams = {
  // approximator 1-2-1
  approximator: [
    { fanIn: 1, fanOut: 2, kernel: [1, -1], bias: [0, 0.5] },
    { fanIn: 2, fanOut: 1, kernel: [2, 3], bias: [-1] },
  ],
  // predictor 1-(2+2), no hidden layer: c = [x, 2], logits = [0, x]
  predictor: [{ fanIn: 1, fanOut: 4, kernel: [1, 0, 0, 1], bias: [0, 2, 0, 0] }],
};

describe('axnetMath', () => {
  it('computes eq. 4 with ⊙c after the ReLU', () => {
    const r = computeAxnetForward(PARAMS, [0.25]);
    expect(Array.from(r.controls[0])).toEqual([0.25, 2]);
    expect(Array.from(r.before[0])).toEqual([0.25, 0.25]); // ReLU([0.25, −0.25 + 0.5])
    expect(Array.from(r.after[0])).toEqual([0.0625, 0.5]);
    expect(r.output[0]).toBeCloseTo(2 * 0.0625 + 3 * 0.5 - 1, 12);
    expect(Array.from(r.logits)).toEqual([0, 0.25]);
    expect(r.safeProbability).toBeCloseTo(1 / (1 + Math.exp(-0.25)), 12);
    // ReLU clips: x = −1 → before = [0, 1.5]
    expect(Array.from(computeAxnetForward(PARAMS, [-1]).before[0])).toEqual([0, 1.5]);
  });

  it('computes eq. 4 as printed when asked: ⊙c on W(i)ᵀa(i), inside the ReLU, before the bias', () => {
    // x = 0.25: W(0)ᵀx = [0.25, −0.25], c = [0.25, 2], b = [0, 0.5].
    const inside = computeAxnetForward({ ...PARAMS, controlPlacement: 'insideActivation' }, [0.25]);
    expect(Array.from(inside.controls[0])).toEqual([0.25, 2]);
    expect(Array.from(inside.before[0])).toEqual([0.25, 0.25]); // ReLU(W(0)ᵀx + b): the activation without c
    expect(Array.from(inside.after[0])).toEqual([0.0625, 0]); // ReLU([0.25·0.25 + 0, −0.25·2 + 0.5])
    expect(inside.output[0]).toBeCloseTo(2 * 0.0625 + 3 * 0 - 1, 12);
    // After the activation (Algorithm 1, the default): ReLU([0.25, 0.25]) ⊙ [0.25, 2] = [0.0625, 0.5] → 0.625.
    const after = computeAxnetForward({ ...PARAMS, controlPlacement: 'afterActivation' }, [0.25]);
    expect(after.output[0]).toBeCloseTo(0.625, 12);
    expect(Array.from(computeAxnetForward(PARAMS, [0.25]).output)).toEqual(Array.from(after.output));
    // The logits do not depend on the placement.
    expect(Array.from(inside.logits)).toEqual(Array.from(after.logits));
  });

  it('lone approximator is a plain ReLU MLP', () => {
    expect(computeApproximatorForward(PARAMS.approximator, [0.25])[0]).toBeCloseTo(2 * 0.25 + 3 * 0.25 - 1, 12);
  });

  it('validates eq. 3 widths', () => {
    expect(() => validateAxnetParams(PARAMS)).not.toThrow();
    expect(() => validateAxnetParams({ ...PARAMS, predictor: [{ fanIn: 1, fanOut: 3, kernel: [1, 1, 1], bias: [0, 0, 0] }] })).toThrow(/Σ L_i \+ 2/);
  });

  it('softmax and cross-entropy are stable for large logits', () => {
    expect(computeSoftmaxSafe(0, 1000)).toBe(1);
    expect(computeSoftmaxSafe(1000, 0)).toBe(0);
    expect(computeCrossEntropy(0, 1000, 1)).toBe(0);
    expect(computeCrossEntropy(0, 1000, 0)).toBe(1000);
    expect(computeCrossEntropy(0, 0, 1)).toBeCloseTo(Math.log(2), 12);
  });

  it('J = MSE + CE with labels from eq. 1 or given', () => {
    const inputs = [0.25, -1];
    const h = inputs.map((x) => computeAxnetForward(PARAMS, [x]).output[0]);
    const targets = [h[0] + 0.01, h[1] + 1];
    const loss = computeAxnetLoss(PARAMS, inputs, targets, { labelRule: { metric: 'absolute', bound: 0.05 } });
    expect(Array.from(loss.labels)).toEqual([1, 0]);
    expect(loss.mse).toBeCloseTo((0.01 ** 2 + 1) / 2, 12);
    const ce = (computeCrossEntropy(0, 0.25, 1) + computeCrossEntropy(0, -1, 0)) / 2;
    expect(loss.crossEntropy).toBeCloseTo(ce, 12);
    expect(loss.loss).toBeCloseTo(loss.mse + ce, 12);
    const given = computeAxnetLoss(PARAMS, inputs, targets, { labels: [0, 0] });
    expect(given.crossEntropy).toBeCloseTo((computeCrossEntropy(0, 0.25, 0) + computeCrossEntropy(0, -1, 0)) / 2, 12);
    expect(() => computeAxnetLoss(PARAMS, inputs, targets, {})).toThrow();
    expect(computeAxnetLoss(PARAMS, [], [], { labels: [] }).loss).toBe(0);
  });

  it('NaN outputs are unsafe', () => {
    const nanParams: AxnetParams = { ...PARAMS, approximator: [PARAMS.approximator[0], { ...PARAMS.approximator[1], bias: [Number.NaN] }] };
    const loss = computeAxnetLoss(nanParams, [0.25], [0], { labelRule: { metric: 'absolute', bound: 0.05 } });
    expect(Array.from(loss.labels)).toEqual([0]);
    expect(Number.isNaN(loss.mse)).toBe(true);
  });
});

describe('axnetMath: fusion (§III-D) and sigmoid P(x) (eq. 3)', () => {
  it('resolves the fused layers and the eq. 3 output width', () => {
    expect(resolveFusedLayers('all', 3)).toEqual([0, 1, 2]);
    expect(resolveFusedLayers('first', 3)).toEqual([0]);
    expect(resolveFusedLayers('second', 2)).toEqual([1]);
    expect(() => resolveFusedLayers('second', 1)).toThrow(/at least two hidden layers/);
    expect(computePredictorOutputWidth([6, 6], 'all', 'softmax')).toBe(14); // sobel 9-8-14 (paper §V-B)
    expect(computePredictorOutputWidth([6, 6], 'first', 'softmax')).toBe(8); // sobel 9-8-8
    expect(computePredictorOutputWidth([8, 8], 'second', 'softmax')).toBe(10); // jpeg 64-12-10
    expect(computePredictorOutputWidth([8, 8], 'all', 'sigmoid')).toBe(17);
  });

  it('sigmoid: P(safe) = σ(z), CE = softplus(∓z), stable', () => {
    const sigmoidParams: AxnetParams = { ...PARAMS, predictor: [{ fanIn: 1, fanOut: 3, kernel: [1, 0, 1], bias: [0, 2, 0] }], predictionOutput: 'sigmoid' };
    expect(() => validateAxnetParams(sigmoidParams)).not.toThrow();
    const r = computeAxnetForward(sigmoidParams, [0.25]);
    expect(Array.from(r.logits)).toEqual([0.25]);
    expect(r.safeProbability).toBeCloseTo(computeSigmoid(0.25), 12);
    expect(r.output[0]).toBeCloseTo(computeAxnetForward(PARAMS, [0.25]).output[0], 12);
    expect(computeSigmoidCrossEntropy(0.3, 1)).toBeCloseTo(-Math.log(computeSigmoid(0.3)), 12);
    expect(computeSigmoidCrossEntropy(0.3, 0)).toBeCloseTo(-Math.log(1 - computeSigmoid(0.3)), 12);
    expect(computeSigmoidCrossEntropy(1000, 1)).toBe(0);
    expect(computeSigmoidCrossEntropy(1000, 0)).toBe(1000);
    expect(computeSigmoid(-1000)).toBe(0);
    const loss = computeAxnetLoss(sigmoidParams, [0.25], [0], { labels: [1] });
    expect(loss.crossEntropy).toBeCloseTo(computeSigmoidCrossEntropy(0.25, 1), 12);
  });

  it('an unfused layer has no ⊙c and no control entries; validation checks eq. 3 over fused layers', () => {
    // approximator 1-2-2-1, fusion 'second': predictor output = L_2 + 2 = 4 → c(2) = [x, 2], logits [0, x]
    const params: AxnetParams = {
      approximator: [
        { fanIn: 1, fanOut: 2, kernel: [1, -1], bias: [0, 0.5] },
        { fanIn: 2, fanOut: 2, kernel: [1, 0, 0, 1], bias: [0, 0] },
        { fanIn: 2, fanOut: 1, kernel: [2, 3], bias: [-1] },
      ],
      predictor: PARAMS.predictor,
      fusedLayers: [1],
    };
    expect(() => validateAxnetParams(params)).not.toThrow();
    const r = computeAxnetForward(params, [0.25]);
    expect(r.fusedLayers).toEqual([1]);
    expect(r.controls).toHaveLength(1);
    // layer 1 unfused: a(1) = ReLU([0.25, 0.25]); layer 2 identity then ⊙ [0.25, 2]
    expect(Array.from(r.before[0])).toEqual([0.25, 0.25]);
    expect(Array.from(r.after[0])).toEqual([0.0625, 0.5]);
    expect(r.output[0]).toBeCloseTo(2 * 0.0625 + 3 * 0.5 - 1, 12);
    expect(() => validateAxnetParams({ ...params, fusedLayers: [0, 1] })).toThrow(/Σ L_i \+ 2/);
    expect(() => validateAxnetParams({ ...params, fusedLayers: [2] })).toThrow(/fused layers/);
  });
});

describe('isSuppressed', () => {
  it('applies the suppression rule |c| < 0.1', () => {
    expect(isSuppressed(0.05)).toBe(true);
    expect(isSuppressed(-0.09)).toBe(true);
    expect(isSuppressed(0.1)).toBe(false);
    expect(isSuppressed(-2)).toBe(false);
  });
});
