import { describe, expect, it } from 'vitest';
import { NAS_WEIGHT_PRESETS, computeAccuracyFraction, computeFperf, normalizeRatio, resolveWeights } from './objective';

describe('NAS objective (eq. 4, eq. 5)', () => {
  it('P_acc counts samples strictly below the bound; NaN never counts; empty is 0', () => {
    expect(computeAccuracyFraction([0, 0.005, 0.01, 0.02], 0.01)).toBe(0.5);
    expect(computeAccuracyFraction(Float64Array.from([0.001, Number.NaN, 0.5, 0.002]), 0.01)).toBe(0.5);
    expect(computeAccuracyFraction([], 0.01)).toBe(0);
    expect(computeAccuracyFraction([Number.POSITIVE_INFINITY], 0.01)).toBe(0);
  });

  it('presets are Fig. 3’s weights', () => {
    expect(resolveWeights('accuracy')).toEqual({ alpha: 0.9, beta: 0.05, eps: 0.01 });
    expect(resolveWeights('tradeoff')).toEqual({ alpha: 0.85, beta: 0.01, eps: 0.1 });
    expect(NAS_WEIGHT_PRESETS.tradeoff.status).toBe('paper');
    expect(resolveWeights({ alpha: 1, beta: 0, eps: 0 })).toEqual({ alpha: 1, beta: 0, eps: 0 });
    expect(() => resolveWeights('nope' as 'accuracy')).toThrow(/Unknown/);
  });

  it('f_perf = α·P_acc + β·P_speed + ε·P_energy under each normalization', () => {
    const m = { accuracy: 0.9, speedup: 4, energyReduction: 6 };
    const w = resolveWeights('tradeoff');
    const scale = { maxSpeedup: 8, maxEnergyReduction: 12 };
    expect(computeFperf(m, w, 'max', scale)).toBeCloseTo(0.85 * 0.9 + 0.01 * 0.5 + 0.1 * 0.5, 12);
    expect(computeFperf(m, w, 'none')).toBeCloseTo(0.85 * 0.9 + 0.01 * 4 + 0.1 * 6, 12);
    expect(computeFperf(m, w, 'log')).toBeCloseTo(0.85 * 0.9 + 0.01 * Math.log(4) + 0.1 * Math.log(6), 12);
    expect(normalizeRatio(1, 'log')).toBe(0);
    expect(() => computeFperf(m, w, 'max')).toThrow(/scale/);
    expect(() => normalizeRatio(2, 'max', 0)).toThrow(/scale/);
    expect(computeFperf({ ...m, accuracy: Number.NaN }, w, 'none')).toBe(Number.NEGATIVE_INFINITY);
    expect(computeFperf({ ...m, speedup: 0 }, w, 'log')).toBe(Number.NEGATIVE_INFINITY);
    // Higher ε favours energy reduction (B.4): the trade-off preset ranks the frugal net higher, the accuracy one the accurate net.
    const accurate = { accuracy: 0.95, speedup: 2, energyReduction: 2 };
    const frugal = { accuracy: 0.9, speedup: 6, energyReduction: 10 };
    expect(computeFperf(frugal, w, 'max', scale)).toBeGreaterThan(computeFperf(accurate, w, 'max', scale));
    expect(computeFperf(accurate, resolveWeights('accuracy'), 'max', scale)).toBeGreaterThan(computeFperf(frugal, resolveWeights('accuracy'), 'max', scale));
  });
});
