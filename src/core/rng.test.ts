import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

describe('createRng', () => {
  it('gives the same sequence for the same seed and stream', () => {
    const a = createRng(42, 'batches');
    const b = createRng(42, 'batches');
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });

  it('gives different sequences for different seeds and for different streams', () => {
    const first = Array.from({ length: 8 }, createRng(1, 'batches').next);
    const otherSeed = Array.from({ length: 8 }, createRng(2, 'batches').next);
    const otherStream = Array.from({ length: 8 }, createRng(1, 'axnet-init').next);
    expect(first).not.toEqual(otherSeed);
    expect(first).not.toEqual(otherStream);
  });

  it('stays in range and is roughly uniform', () => {
    const rng = createRng(7);
    const buckets = new Array(10).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < 100000; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outOfRange++;
      else buckets[Math.floor(u * 10)]++;
    }
    expect(outOfRange).toBe(0);
    for (const count of buckets) expect(Math.abs(count - 10000)).toBeLessThan(500);
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(5);
      expect(Number.isInteger(k) && k >= 0 && k < 5).toBe(true);
    }
  });

  it('draws normals with mean 0 and variance 1', () => {
    const rng = createRng(3, 'axnet-init');
    let sum = 0,
      sumSq = 0;
    const n = 50000;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.03);
  });

  it('continues exactly from a saved state, including the spare Box–Muller normal', () => {
    const original = createRng(9, 'batches');
    for (let i = 0; i < 37; i++) original.next();
    original.normal(); // leaves a spare normal
    const state = original.getState();
    expect(state.spareNormal).not.toBeNull();
    const copy = createRng(1, 'misc');
    copy.setState(structuredClone(state));
    expect(Array.from({ length: 5 }, copy.normal)).toEqual(Array.from({ length: 5 }, original.normal));
    expect(Array.from({ length: 50 }, () => copy.int(1000))).toEqual(Array.from({ length: 50 }, () => original.int(1000)));
    expect(() => copy.setState({ words: [0, 0, 0, 0], spareNormal: null })).toThrow();
  });
});
