import { describe, expect, it } from 'vitest';
import { comparePaired, formatSpread, mean, separatesAtBound, signTestPValue, standardDeviation, summarize } from './stats';

describe('seed statistics', () => {
  it('mean and sample std of finite values', () => {
    expect(mean([1, 2, 3, Number.NaN])).toBe(2);
    expect(standardDeviation([1, 2, 3])).toBeCloseTo(1, 12);
    expect(standardDeviation([5])).toBe(0);
    expect(mean([])).toBeNaN();
    const spread = summarize([0.2, 0.4]);
    expect(spread.mean).toBeCloseTo(0.3, 12);
    expect(spread.std).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(spread.n).toBe(2);
    expect(
      formatSpread(
        { mean: 0.5, std: 0.1, n: 3 },
        (v) => v.toFixed(2),
        (v) => v.toFixed(2),
      ),
    ).toBe('0.50 ± 0.10');
    expect(formatSpread({ mean: -0.2, std: -0.05, n: 3 }, (v) => `${(100 * v).toFixed(0)} %`)).toBe('-20 % ± 5.0 %');
    expect(formatSpread({ mean: Number.NaN, std: 0, n: 0 }, String)).toBe('n/a');
  });
});

describe('paired comparison', () => {
  it('the exact two-sided sign test', () => {
    expect(signTestPValue(3, 3)).toBeCloseTo(0.25, 12);
    expect(signTestPValue(6, 6)).toBeCloseTo(2 / 64, 12);
    expect(signTestPValue(9, 10)).toBeCloseTo((2 * 11) / 1024, 12);
    expect(signTestPValue(0, 0)).toBe(1);
  });

  it('calls a method higher only when the sign test over non-tied pairs is significant', () => {
    // 6 of 6 pairs above the tie: p = 1/32 < 0.05.
    expect(comparePaired([0.1, 0.2, 0.05, 0.3, 0.01, 0.02]).direction).toBe('higher');
    // 3 seeds at one bound can never separate (p = 0.25).
    expect(comparePaired([0.3, 0.4, 0.5]).direction).toBe('no separation');
    // Ties (|d| ≤ 0.005) count for neither side: 5 wins, 0 losses, 2 ties → p = 1/16 > 0.05.
    const tied = comparePaired([0.1, 0.1, 0.1, 0.1, 0.1, 0.004, -0.003]);
    expect(tied).toMatchObject({ wins: 5, losses: 0, ties: 2, direction: 'no separation' });
    expect(comparePaired([-0.1, -0.2, -0.1, -0.3, -0.2, -0.1, 0.004]).direction).toBe('lower');
    // 6 losses and 1 win: p = 2 · 8/128 = 0.125, no separation.
    expect(comparePaired([-0.1, -0.2, -0.1, -0.3, -0.2, -0.1, 0.01])).toMatchObject({ wins: 1, losses: 6, direction: 'no separation' });
  });

  it('marks a bound as separating only when every seed agrees in sign beyond the seed spread', () => {
    expect(separatesAtBound([0.2, 0.25, 0.3])).toBe(true);
    expect(separatesAtBound([0.2, -0.1, 0.3])).toBe(false);
    expect(separatesAtBound([0.01, 0.3, 0.02])).toBe(false); // same sign, but |mean| < std
    expect(separatesAtBound([0.001, 0.002, 0.003])).toBe(false); // within the tie
  });
});
