import { describe, expect, it } from 'vitest';
import { computeBesselJ } from './bessel';

describe('computeBesselJ', () => {
  it('J_0(0) = 1 and J_ν(0) = 0 for ν > 0', () => {
    expect(computeBesselJ(0, 0)).toBe(1);
    for (const nu of [1e-4, 0.1, 0.5, 0.9999, 1]) expect(computeBesselJ(nu, 0)).toBe(0);
  });

  it('matches known values of J_0 and J_1', () => {
    expect(computeBesselJ(0, 1)).toBeCloseTo(0.7651976865579666, 14);
    expect(computeBesselJ(1, 1)).toBeCloseTo(0.44005058574493355, 14);
    expect(computeBesselJ(0, 0.5)).toBeCloseTo(0.938469807240813, 14);
  });

  it('J_½(x) = √(2/(πx)) sin x', () => {
    for (const x of [1e-3, 0.1, 0.37, 0.5, 0.99, 1, 2.5, 5]) {
      expect(Math.abs(computeBesselJ(0.5, x) - Math.sqrt(2 / (Math.PI * x)) * Math.sin(x))).toBeLessThan(1e-14);
    }
  });

  it('satisfies the recurrence J_{ν−1}(x) + J_{ν+1}(x) = (2ν/x) J_ν(x)', () => {
    for (const nu of [1.25, 1.5, 1.75]) {
      for (const x of [0.2, 0.6, 1]) {
        const lhs = computeBesselJ(nu - 1, x) + computeBesselJ(nu + 1, x);
        expect(Math.abs(lhs - ((2 * nu) / x) * computeBesselJ(nu, x))).toBeLessThan(1e-14);
      }
    }
  });
});
