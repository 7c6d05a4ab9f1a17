import { describe, expect, it } from 'vitest';
import { countAxnetParameters, countBaselineParameters, matchAxnetParameters, MATCH_TOLERANCE } from './paramMatch';

describe('parameter matching (§V-A)', () => {
  it("counts the reference's jpeg example under weights + biases: AXNet 64-6-64 + 64-4-8 = 1138, iterative 64-16-64 + 64-16-2 = 3202", () => {
    expect(countAxnetParameters(64, 64, [6], [4])).toBe(1138);
    expect(countBaselineParameters({ inputDim: 64, outputDim: 64, approximatorHidden: [16], predictorHidden: [16] })).toBe(3202);
    // sigmoid P(x): one output fewer on both sides
    expect(countAxnetParameters(64, 64, [6], [4], 'all', 'sigmoid')).toBe(1138 - 5);
    expect(countBaselineParameters({ inputDim: 64, outputDim: 64, approximatorHidden: [16], predictorHidden: [16], predictionOutput: 'sigmoid' })).toBe(3202 - 17);
    // fusion 'first' drops the control widths of the other layers from eq. 3: 9-6-6-1 with 9-8-(6+2) vs 9-8-(12+2)
    expect(countAxnetParameters(9, 1, [6, 6], [8], 'first') + 6 * 9).toBe(countAxnetParameters(9, 1, [6, 6], [8], 'all'));
  });

  it.each([
    ['jpeg 64-16-64 / 64-16-2', 64, 64, [16], [16]],
    ['bessel defaults 2-4-4-1 / 2-4-2', 2, 1, [4, 4], [4]],
    ['sobel 9-8-1 / 9-8-2', 9, 1, [8], [8]],
    ['inversek2j 2-8-2 / 2-8-2', 2, 2, [8], [8]],
    ['two-layer predictor', 6, 1, [8, 4], [8, 4]],
  ] as const)('%s: AXNet within 3%% of the baseline, same depths', (_name, n, m, a, p) => {
    const result = matchAxnetParameters({ inputDim: n, outputDim: m, approximatorHidden: a, predictorHidden: p });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.approximatorHidden).toHaveLength(a.length);
    expect(result.predictorHidden).toHaveLength(p.length);
    expect(result.baselineParams).toBe(countBaselineParameters({ inputDim: n, outputDim: m, approximatorHidden: a, predictorHidden: p }));
    expect(result.axnetParams).toBe(countAxnetParameters(n, m, result.approximatorHidden, result.predictorHidden));
    expect(Math.abs(result.ratio - 1)).toBeLessThanOrEqual(MATCH_TOLERANCE);
    expect(result.ratio).toBeCloseTo(result.axnetParams / result.baselineParams, 12);
  });

  it('prefers the config proportions: equal config widths stay (nearly) equal', () => {
    const result = matchAxnetParameters({ inputDim: 64, outputDim: 64, approximatorHidden: [16], predictorHidden: [16] });
    if (!result.ok) throw new Error(result.reason);
    // AXNet's predictor output is 16 + 2 wider than the classifier's, so both widths shrink a little, together.
    expect(Math.abs(result.approximatorHidden[0] - result.predictorHidden[0])).toBeLessThanOrEqual(1);
    expect(result.approximatorHidden[0]).toBeLessThan(16);
  });

  it('returns a reason when no width can match, and throws for fusion second with one hidden layer', () => {
    // Baseline far smaller than the smallest AXNet with these widths limits.
    const tooSmall = matchAxnetParameters({ inputDim: 2, outputDim: 1, approximatorHidden: [1, 1], predictorHidden: [1], minWidth: 5 });
    expect(tooSmall.ok).toBe(false);
    if (!tooSmall.ok) expect(tooSmall.reason).toMatch(/above the baseline/);
    const tooBig = matchAxnetParameters({ inputDim: 2, outputDim: 1, approximatorHidden: [100], predictorHidden: [100], maxWidth: 10 });
    expect(tooBig.ok).toBe(false);
    expect(() => matchAxnetParameters({ inputDim: 2, outputDim: 1, approximatorHidden: [4], predictorHidden: [4], fusion: 'second' })).toThrow(/second/);
  });
});
