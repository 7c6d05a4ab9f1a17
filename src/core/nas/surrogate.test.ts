import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { DEFAULT_NAS_SPACE, encode, sampleConfig } from './space';
import { SURROGATE_KINDS, SURROGATE_VARIANCE_FLOOR, createSurrogate } from './surrogate';

function randomRows(count: number, seed: number): { X: number[][]; y: number[] } {
  const rng = createRng(seed, 'nas-surrogate-test');
  const X = Array.from({ length: count }, () => encode(sampleConfig(rng, DEFAULT_NAS_SPACE), DEFAULT_NAS_SPACE));
  // A cost that depends on the first width (feature 1) and the layer count (feature 0) only.
  const y = X.map((row) => Math.sin(row[1] / 20) + 0.3 * row[0] + 0.01 * rng.next());
  return { X, y };
}

describe.each(SURROGATE_KINDS)('random-forest surrogate (%s)', (kind) => {
  it('same seed ⇒ same predictions; another seed ⇒ another forest', () => {
    const { X, y } = randomRows(60, 1);
    const probe = randomRows(200, 2).X;
    const a = createSurrogate({ kind, seed: 5 });
    const b = createSurrogate({ kind, seed: 5 });
    const c = createSurrogate({ kind, seed: 6 });
    a.fit(X, y);
    b.fit(X, y);
    c.fit(X, y);
    expect(a.predict(probe)).toEqual(b.predict(probe));
    expect(a.predict(probe).mean).not.toEqual(c.predict(probe).mean);
    // Refitting the same data reproduces the fit.
    const first = a.predict(probe);
    a.fit(X, y);
    expect(a.predict(probe)).toEqual(first);
  });

  it('fits 1, 2 and 3 rows without throwing (ml-random-forest #44/#47 regression); one row predicts its cost with σ² at the floor', () => {
    for (let seed = 0; seed < 60; seed++) {
      for (const count of [1, 2, 3]) {
        const { X, y } = randomRows(count, 100 + seed);
        const surrogate = createSurrogate({ kind, seed });
        expect(() => surrogate.fit(X, y)).not.toThrow();
        const { mean, variance } = surrogate.predict(randomRows(5, seed).X);
        for (let i = 0; i < 5; i++) {
          expect(Number.isFinite(mean[i])).toBe(true);
          expect(variance[i]).toBeGreaterThanOrEqual(SURROGATE_VARIANCE_FLOOR);
        }
        if (count === 1) {
          for (const m of mean) expect(m).toBeCloseTo(y[0], 12);
          for (const v of variance) expect(v).toBe(SURROGATE_VARIANCE_FLOOR);
        }
      }
    }
  });

  it('the mean is the per-tree mean, the variance the across-tree variance (≥ the floor)', () => {
    const { X, y } = randomRows(80, 3);
    const probe = randomRows(100, 4).X;
    const surrogate = createSurrogate({ kind, seed: 2 });
    surrogate.fit(X, y);
    const perTree = surrogate.predictTrees(probe);
    const { mean, variance } = surrogate.predict(probe);
    perTree.forEach((values, i) => {
      expect(values.length).toBe(10);
      const m = values.reduce((a, b) => a + b, 0) / values.length;
      const v = values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length;
      expect(mean[i]).toBeCloseTo(m, 12);
      expect(variance[i]).toBeCloseTo(Math.max(v, SURROGATE_VARIANCE_FLOOR), 12);
      expect(variance[i]).toBeGreaterThanOrEqual(SURROGATE_VARIANCE_FLOOR);
    });
  });

  it('learns the cost: small error on held-out rows, and MDI names the features the cost depends on', () => {
    const { X, y } = randomRows(300, 5);
    const test = randomRows(200, 6);
    const surrogate = createSurrogate({ kind, seed: 3 });
    surrogate.fit(X, y);
    const { mean } = surrogate.predict(test.X);
    const rmse = Math.sqrt(test.y.reduce((s, t, i) => s + (t - mean[i]) ** 2, 0) / test.y.length);
    const spread = Math.sqrt(test.y.reduce((s, t) => s + (t - test.y.reduce((a, b) => a + b, 0) / test.y.length) ** 2, 0) / test.y.length);
    expect(rmse).toBeLessThan(0.25 * spread);
    const importance = surrogate.featureImportance();
    expect(importance.method).toBe('MDI');
    expect(importance.label).toMatch(/mean decrease in impurity/);
    expect(importance.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // Features 0 (L) and 1 (n_1) carry the cost; the activations and n_2 far less.
    expect(importance.values[0] + importance.values[1]).toBeGreaterThan(0.6);
  });

  it('rejects empty or non-finite training data and predicting before a fit', () => {
    const surrogate = createSurrogate({ kind });
    expect(() => surrogate.predict([[1, 2, 0, -1, -1]])).toThrow(/before fit/);
    expect(() => surrogate.fit([], [])).toThrow(/rows/);
    expect(() => surrogate.fit([[1, 2, 0, -1, -1]], [Number.NaN])).toThrow(/finite/);
  });
});

describe('surrogate timing (500 rows × 5 features, 10 trees; 2,000 candidates)', () => {
  it('is measured for both forests; the presorted one fits in well under 0.5 s', () => {
    const { X, y } = randomRows(500, 7);
    const candidates = randomRows(2000, 8).X;
    const timings: Record<string, { fitMs: number; predictMs: number }> = {};
    for (const kind of SURROGATE_KINDS) {
      const surrogate = createSurrogate({ kind, seed: 1 });
      surrogate.fit(X.slice(0, 50), y.slice(0, 50)); // warm-up (JIT)
      let fitMs = Number.POSITIVE_INFINITY;
      let predictMs = Number.POSITIVE_INFINITY;
      for (let repeat = 0; repeat < 2; repeat++) {
        const t0 = performance.now();
        surrogate.fit(X, y);
        const t1 = performance.now();
        surrogate.predict(candidates);
        const t2 = performance.now();
        fitMs = Math.min(fitMs, t1 - t0);
        predictMs = Math.min(predictMs, t2 - t1);
      }
      timings[kind] = { fitMs: Math.round(fitMs), predictMs: Math.round(predictMs) };
    }
    console.info(`surrogate timing: ${JSON.stringify(timings)}`);
    expect(timings.presorted.fitMs).toBeLessThan(500);
    expect(timings.presorted.predictMs).toBeLessThan(500);
  });
});
