import { describe, expect, it } from 'vitest';
import { createDataset } from '../../core/dataset';
import { computeInvocationMetrics, computeSampleErrors } from '../../core/metrics';
import { createRng } from '../../core/rng';
import { buildNasData, computeNasAccuracy, computeNasMse, NAS_VALIDATION_FRACTION } from './evaluate';

const rowsOf = (values: Float32Array, width: number) => Array.from({ length: values.length / width }, (_, r) => Array.from(values.subarray(r * width, (r + 1) * width)).join(','));

describe('buildNasData', () => {
  it('carves a seeded validation split out of the lab’s training rows and keeps the lab’s test split', () => {
    const data = buildNasData({ target: 'inversek2j', seed: 5, trainSize: 500, testSize: 128 });
    const full = createDataset({ target: 'inversek2j', seed: 5, trainSize: 500, testSize: 128 });
    expect(data.validation.size).toBe(Math.ceil(NAS_VALIDATION_FRACTION * 500));
    expect(data.dataset.trainSize).toBe(500 - data.validation.size);
    expect(data.dataset.testX).toEqual(full.testX);
    expect(data.test.y).toEqual(full.testY);
    // Train ∪ validation = the lab's training rows (x and y together), disjoint.
    const pair = (x: Float32Array, y: Float32Array) => {
      const yRows = rowsOf(y, 2);
      return rowsOf(x, 2).map((row, r) => `${row}|${yRows[r]}`);
    };
    const train = pair(data.dataset.trainX, data.dataset.trainY);
    const validation = pair(data.validation.x, data.validation.y);
    expect([...train, ...validation].sort()).toEqual(pair(full.trainX, full.trainY).sort());
    expect(new Set(train).size + new Set(validation).size).toBe(new Set([...train, ...validation]).size);
    // Kept training rows stay in their order.
    const fullRows = pair(full.trainX, full.trainY);
    const index = new Map(fullRows.map((row, r) => [row, r]));
    const positions = train.map((row) => index.get(row)!);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('is deterministic by seed, another seed holds out other rows', () => {
    const a = buildNasData({ target: 'blackscholes', seed: 1, trainSize: 400, testSize: 64 });
    const b = buildNasData({ target: 'blackscholes', seed: 1, trainSize: 400, testSize: 64 });
    const c = buildNasData({ target: 'blackscholes', seed: 2, trainSize: 400, testSize: 64 });
    expect(b.validation.x).toEqual(a.validation.x);
    expect(c.validation.x).not.toEqual(a.validation.x);
    expect(a.scoring).toBe('relative');
    expect(buildNasData({ target: 'jmeint', seed: 1, trainSize: 200, testSize: 64 }).scoring).toBe('classification');
  });

  it('defaults to the target’s lab sizes and rejects a fraction outside (0, 1)', () => {
    const data = buildNasData({ target: 'fft', seed: 1, validationFraction: 0.25 });
    expect(data.dataset.trainSize + data.validation.size).toBeGreaterThan(1000);
    expect(() => buildNasData({ target: 'fft', seed: 1, trainSize: 100, validationFraction: 1 })).toThrow(RangeError);
    expect(() => buildNasData({ target: 'nope', seed: 1 })).toThrow('Unsupported target: nope');
  });
});

describe('computeNasAccuracy (DATE’20 eq. 5)', () => {
  it('equals the engine’s true invocation (every sample approximated) with the worst-output error', () => {
    const rng = createRng(4, 'misc');
    for (const metric of ['relative', 'absolute', 'rms'] as const) {
      const y = Float32Array.from({ length: 300 * 2 }, () => rng.uniform(-1, 1));
      const h = Float32Array.from(y, (v) => v + 0.05 * rng.normal());
      for (const bound of [0.01, 0.05, 0.2]) {
        const errors = computeSampleErrors(metric, h, y, 2);
        const expected = computeInvocationMetrics(errors, new Uint8Array(300).fill(1), bound).trueInvocation;
        expect(computeNasAccuracy(metric, h, y, 2, bound)).toBe(expected);
      }
    }
  });

  it('counts Err < bound (strict), NaN as wrong, and the mean-over-outputs option', () => {
    const y = [1, 1, 1, 1];
    expect(computeNasAccuracy('absolute', [1.1, 1, 1.2, 1], y, 1, 0.1 + 1e-9)).toBe(0.75);
    expect(computeNasAccuracy('absolute', [1.5, 1, Number.NaN, 1], y, 1, 0.2)).toBe(0.5);
    // Two outputs: errors (0.3, 0) → worst 0.3, mean 0.15.
    expect(computeNasAccuracy('absolute', [1.3, 1], [1, 1], 2, 0.2)).toBe(0);
    expect(computeNasAccuracy('absolute', [1.3, 1], [1, 1], 2, 0.2, 'meanOverOutputs')).toBe(1);
    expect(computeNasAccuracy('relative', [], [], 1, 0.1)).toBeNaN();
  });

  it('scores jmeint by the classification rate: argmax of H(x) against the one-hot code', () => {
    const y = [0.8, 0.2, 0.2, 0.8, 0.8, 0.2, 0.2, 0.8];
    const h = [0.6, 0.5, 0.1, 0.9, 0.3, 0.31, Number.NaN, 0.1];
    expect(computeNasAccuracy('classification', h, y, 2, 0)).toBe(0.5);
  });

  it('computes the MSE over samples and outputs', () => {
    expect(computeNasMse([1, 2, 3, 4], [1, 0, 3, 6])).toBe(2);
    expect(computeNasMse([], [])).toBeNaN();
  });
});
