import { describe, expect, it } from 'vitest';
import { computeInvocationMetrics, computeSampleErrors, countDenseParameters, labelSafe } from './metrics';

describe('computeSampleErrors', () => {
  it('absolute error is the largest |h − y| over the outputs', () => {
    const errors = computeSampleErrors('absolute', [0.5, 1.0, -1, 2], [0.25, 1.5, -1, 1], 2);
    expect(Array.from(errors)).toEqual([0.5, 1]);
  });

  it('relative error divides by |y| + 1e-11 and takes the largest output', () => {
    const errors = computeSampleErrors('relative', [1.1, 2, 0], [1, 4, 0], 2);
    expect(errors[0]).toBeCloseTo(2 / (4 + 1e-11), 15);
    const zero = computeSampleErrors('relative', [1e-12], [0], 1);
    expect(zero[0]).toBeCloseTo(0.1, 12);
  });

  it('rms error is sqrt(mean (h − y)²) per sample', () => {
    const errors = computeSampleErrors('rms', [1, 1, 0, 0], [0, 0, 0, 0], 2);
    expect(errors[0]).toBeCloseTo(1, 12);
    expect(errors[1]).toBe(0);
    const single = computeSampleErrors('rms', [3, 4, 0], [0, 0, 0], 3);
    expect(single[0]).toBeCloseTo(Math.sqrt(25 / 3), 12);
  });

  it('propagates NaN and Inf so that such samples are unsafe', () => {
    const errors = computeSampleErrors('absolute', [NaN, 0, Infinity, 0], [0, 0, 0, 0], 2);
    expect(Number.isNaN(errors[0])).toBe(true);
    expect(errors[1]).toBe(Infinity);
    expect(labelSafe(errors[0], 1)).toBe(false);
    expect(labelSafe(errors[1], 1)).toBe(false);
  });

  it('handles empty input', () => {
    expect(computeSampleErrors('rms', [], [], 3).length).toBe(0);
  });

  it("'meanOverOutputs' averages |error| over the outputs (absolute, relative); rms is one value either way; NaN stays NaN", () => {
    expect(Array.from(computeSampleErrors('absolute', [0.5, 1.0, -1, 2], [0.25, 1.5, -1, 1], 2, 'meanOverOutputs'))).toEqual([0.375, 0.5]);
    const relative = computeSampleErrors('relative', [1.1, 2], [1, 4], 2, 'meanOverOutputs');
    expect(relative[0]).toBeCloseTo((0.1 / (1 + 1e-11) + 2 / (4 + 1e-11)) / 2, 15);
    expect(computeSampleErrors('rms', [3, 4, 0], [0, 0, 0], 3, 'meanOverOutputs')).toEqual(computeSampleErrors('rms', [3, 4, 0], [0, 0, 0], 3));
    expect(Number.isNaN(computeSampleErrors('absolute', [NaN, 0], [0, 0], 2, 'meanOverOutputs')[0])).toBe(true);
  });
});

describe('computeInvocationMetrics (AXNet §V)', () => {
  // errors:        0.01 safe, 0.2 unsafe, 0.03 safe, 0.5 unsafe (bound 0.05)
  // predicted safe: yes,       yes,        no,        no
  const errors = [0.01, 0.2, 0.03, 0.5];
  const predicted = [true, true, false, false];
  const metrics = computeInvocationMetrics(errors, predicted, 0.05);

  it('true invocation = safe / all', () => expect(metrics.trueInvocation).toBe(0.5));
  it('predicted invocation = predicted safe / all', () => expect(metrics.predictedInvocation).toBe(0.5));
  it('prediction accuracy (paper) = safe AND predicted safe / all', () => expect(metrics.predictionAccuracy).toBe(0.25));
  it('overall error (paper) = mean error over predicted-safe samples', () => expect(metrics.overallError).toBeCloseTo(0.105, 12));
  it('with one error per sample, the worst-output variant is the same mean', () => expect(metrics.overallErrorWorstOutput).toBeCloseTo(0.105, 12));
  it('code variant: agreement of the two labels', () => expect(metrics.codeAgreement).toBe(0.5));
  it('code variant: mean over all samples of predicted × error', () => expect(metrics.codeOverallError).toBeCloseTo(0.0525, 12));

  it('2 outputs: the overall error averages each sample over its outputs (authors), the labels still need every output within the bound', () => {
    // absolute metric, bound 0.1. Sample A: |errors| 0.02, 0.06 (safe); B: 0.01, 0.15 (unsafe: one output out); C: 0.3, 0.3 (unsafe).
    const predictions = [0.02, 0.06, 0.01, -0.15, 0.3, 0.3];
    const targets = [0, 0, 0, 0, 0, 0];
    const worst = computeSampleErrors('absolute', predictions, targets, 2);
    const mean = computeSampleErrors('absolute', predictions, targets, 2, 'meanOverOutputs');
    expect(Array.from(worst)).toEqual([0.06, 0.15, 0.3]);
    expect(Array.from(mean).map((e) => Number(e.toFixed(12)))).toEqual([0.04, 0.08, 0.3]);
    // A and B predicted safe, C not.
    const m = computeInvocationMetrics(worst, [1, 1, 0], 0.1, mean);
    expect(m.trueInvocation).toBeCloseTo(1 / 3, 15); // only A: B's mean 0.08 is below the bound but its second output is not
    expect(m.safeCount).toBe(1);
    expect(m.predictionAccuracy).toBeCloseTo(1 / 3, 15);
    expect(m.overallError).toBeCloseTo((0.04 + 0.08) / 2, 12); // 0.06
    expect(m.overallErrorWorstOutput).toBeCloseTo((0.06 + 0.15) / 2, 12); // 0.105
    expect(m.codeOverallError).toBeCloseTo((0.04 + 0.08) / 3, 12);
    expect(() => computeInvocationMetrics(worst, [1, 1, 0], 0.1, [0.04])).toThrow(/1 output-mean errors for 3 samples/);
  });

  it('uses a strict bound (eq. 1: Err < bound)', () => {
    expect(computeInvocationMetrics([0.05], [1], 0.05).trueInvocation).toBe(0);
  });

  it('has zero fractions and an undefined overall error on an empty test set', () => {
    const empty = computeInvocationMetrics([], [], 0.1);
    expect([empty.trueInvocation, empty.predictedInvocation, empty.predictionAccuracy]).toEqual([0, 0, 0]);
    expect(empty.overallError).toBeNull();
  });

  it('leaves the overall error undefined (null, not 0) when nothing is predicted safe', () => {
    const none = computeInvocationMetrics([0.01, 0.02], [0, 0], 0.1);
    expect(none.trueInvocation).toBe(1);
    expect(none.predictedSafeCount).toBe(0);
    expect(none.overallError).toBeNull();
    expect(none.overallErrorWorstOutput).toBeNull();
    // The authors' code variant averages over all samples, so it stays defined: 0.
    expect(none.codeOverallError).toBe(0);
    // One predicted-safe sample makes it defined again, even with error 0.
    expect(computeInvocationMetrics([0, 0.02], [1, 0], 0.1).overallError).toBe(0);
  });
});

describe('countDenseParameters', () => {
  it('counts weights and biases', () => {
    expect(countDenseParameters([2, 4, 4, 1])).toBe(2 * 4 + 4 + 4 * 4 + 4 + 4 * 1 + 1);
    // The reference's jpeg example: 64-6-64 + 64-4-8 = 1138 by this rule (the paper prints 1284).
    expect(countDenseParameters([64, 6, 64]) + countDenseParameters([64, 4, 8])).toBe(1138);
    expect(countDenseParameters([5])).toBe(0);
  });
});
