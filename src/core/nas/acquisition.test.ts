import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { expectedImprovement, normalCdf, normalPdf } from './acquisition';

/** ∫_{-12}^{x} φ by composite Simpson with n intervals. */
function integratePdf(x: number, n = 20_000): number {
  const a = -12;
  const h = (x - a) / n;
  let sum = normalPdf(a) + normalPdf(x);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * normalPdf(a + i * h);
  return (sum * h) / 3;
}

describe('normal CDF and PDF', () => {
  it('match published values to 1e-12', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(Math.abs(normalCdf(1) - 0.8413447460685429)).toBeLessThan(1e-12);
    expect(Math.abs(normalCdf(-2) - 0.022750131948179195)).toBeLessThan(1e-12);
    expect(Math.abs(normalCdf(3) - 0.9986501019683699)).toBeLessThan(1e-12);
    expect(Math.abs(normalCdf(-8) - 6.22096057427178e-16)).toBeLessThan(1e-20);
    expect(Math.abs(normalPdf(0) - 0.3989422804014327)).toBeLessThan(1e-15);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('equals the integral of the PDF within 1e-7 on [−6, 6] and is symmetric', () => {
    for (let x = -6; x <= 6; x += 0.37) {
      expect(Math.abs(normalCdf(x) - integratePdf(x))).toBeLessThan(1e-7);
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-14);
    }
  });
});

describe('expected improvement (eq. 3 with the sign fixed: minimize cost)', () => {
  it('equals a 10⁶-sample Monte-Carlo estimate of E[max(0, c_best − C)] within 1%', () => {
    const cases = [
      { mu: 0, sigma: 1, best: 0 },
      { mu: -0.5, sigma: 0.2, best: -0.6 },
      { mu: 0.3, sigma: 0.5, best: 0.1 },
      { mu: -0.8, sigma: 0.05, best: -0.78 },
    ];
    const rng = createRng(7, 'nas-ei-mc');
    for (const { mu, sigma, best } of cases) {
      let sum = 0;
      const n = 1_000_000;
      for (let i = 0; i < n; i++) sum += Math.max(0, best - (mu + sigma * rng.normal()));
      const mc = sum / n;
      const closed = expectedImprovement(mu, sigma, best);
      expect(Math.abs(closed - mc) / closed).toBeLessThan(0.01);
    }
  });

  it('rewards a lower predicted cost (the sign of the fix): μ below c_best beats μ above', () => {
    expect(expectedImprovement(-1, 0.1, 0)).toBeGreaterThan(expectedImprovement(1, 0.1, 0));
    expect(expectedImprovement(-1, 0.1, 0)).toBeCloseTo(1, 6);
  });

  it('is never negative, grows with σ at fixed μ, and tends to max(0, c_best − μ) as σ → 0', () => {
    const rng = createRng(8, 'nas-ei');
    for (let i = 0; i < 20_000; i++) {
      const mu = rng.uniform(-3, 3);
      const best = rng.uniform(-3, 3);
      const sigma = 10 ** rng.uniform(-6, 1);
      const ei = expectedImprovement(mu, sigma, best);
      expect(ei).toBeGreaterThanOrEqual(0);
      // Monotone up to rounding (at σ → 0 both sides equal c_best − μ to the last bits).
      expect(expectedImprovement(mu, sigma * 1.5, best)).toBeGreaterThanOrEqual(ei - 1e-14);
      if (Math.abs(best - mu) < 5 * sigma) expect(expectedImprovement(mu, sigma * 1.5, best)).toBeGreaterThan(ei);
    }
    for (const [mu, best] of [
      [0.2, 0.5],
      [0.5, 0.2],
    ]) {
      expect(Math.abs(expectedImprovement(mu, 1e-9, best) - Math.max(0, best - mu))).toBeLessThan(1e-8);
      expect(expectedImprovement(mu, 0, best)).toBe(Math.max(0, best - mu));
    }
  });

  it('ξ shifts the target; NaN inputs give 0', () => {
    expect(expectedImprovement(0, 1, 0, 0.5)).toBeCloseTo(expectedImprovement(0.5, 1, 0), 12);
    expect(expectedImprovement(Number.NaN, 1, 0)).toBe(0);
    expect(expectedImprovement(0, 1, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});
