import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { DRUM_K_PRESETS, DRUM_K_PRESETS_SOURCE, drumMultiply, drumOperand, drumStats, explainDrumOperand, resolveDrumPresets } from './drum';

/** The hand-computed golden products of reference A.4.1: [k, a, b, ã, b̃, DRUM, exact]. */
const GOLDEN: [k: number, a: number, b: number, aTilde: number | null, bTilde: number | null, drum: number, exact: number][] = [
  [4, 100, 100, 104, 104, 10816, 10000],
  [4, 182, 7, 176, 7, 1232, 1274],
  [4, 255, 255, 240, 240, 57600, 65025],
  [4, 15, 200, 15, 208, 3120, 3000],
  [6, 1000, 3, 1008, 3, 3024, 3000],
  [4, -100, 100, null, null, -10816, -10000],
  [6, 12345, 54321, null, null, 680787968, 670592745],
  [1, 5, 9, 4, 8, 32, 45],
  [2, 5, 9, 6, 12, 72, 45],
  [3, 1, 1, 1, 1, 1, 1],
];

/**
 * The authors' Verilog (scale-lab/DRUM DRUMk_M_N_s.v, unsigned core) written out literally: LOD k1, the k−2 bits m
 * below it, p = k1 > k−1 ? k1 − (k−1) : 0, mm = k1 > k−1 ? {1, m, 1} : a[k−1:0]; product (mm·nn) << (p+q). k ≥ 3.
 */
function verilogOperand(a: number, k: number): [mm: number, p: number] {
  const k1 = a === 0 ? 0 : 31 - Math.clz32(a);
  if (k1 > k - 1) {
    const m = (a >>> (k1 - k + 2)) & ((1 << (k - 2)) - 1);
    return [(1 << (k - 1)) | (m << 1) | 1, k1 - (k - 1)];
  }
  return [a & ((1 << k) - 1), 0];
}
function verilogProduct(a: number, b: number, k: number): number {
  const [mm, p] = verilogOperand(a, k);
  const [nn, q] = verilogOperand(b, k);
  return mm * nn * 2 ** (p + q);
}

describe('drumMultiply', () => {
  it('reproduces every hand-computed golden product of A.4.1 exactly', () => {
    for (const [k, a, b, aTilde, bTilde, drum, exact] of GOLDEN) {
      if (aTilde !== null) expect(drumOperand(a, k), `ã of ${a}, k ${k}`).toBe(aTilde);
      if (bTilde !== null) expect(drumOperand(b, k), `b̃ of ${b}, k ${k}`).toBe(bTilde);
      expect(drumMultiply(a, b, k), `DRUM${k}(${a}, ${b})`).toBe(drum);
      expect(a * b).toBe(exact);
    }
  });

  it('equals the literal Verilog (mm·nn) << (p+q) on a sampled 16-bit grid for k = 3…8', () => {
    const rng = createRng(11, 'drum-grid');
    const operands = [0, 1, 2, 3, 255, 256, 4095, 4096, 32767, 32768, 65535, ...Array.from({ length: 300 }, () => rng.int(65536))];
    for (let k = 3; k <= 8; k++) {
      let mismatches = 0;
      for (const a of operands) for (const b of operands) if (drumMultiply(a, b, k) !== verilogProduct(a, b, k)) mismatches++;
      expect(mismatches, `k = ${k}`).toBe(0);
    }
  });

  it('is exact when both operands are below 2^k, sign-symmetric and commutative', () => {
    const rng = createRng(5, 'drum-props');
    for (let k = 1; k <= 8; k++) {
      const failures: string[] = [];
      for (let a = 0; a < 2 ** k; a++) for (let b = 0; b < 2 ** k; b++) if (drumMultiply(a, -b, k) !== (-a * b || 0)) failures.push(`exact ${a}·${-b}`);
      for (let i = 0; i < 2000; i++) {
        const a = rng.int(1 << 16);
        const b = rng.int(1 << 16);
        const p = drumMultiply(a, b, k);
        if (drumMultiply(b, a, k) !== p) failures.push(`commutative ${a}, ${b}`);
        if (drumMultiply(-a, b, k) !== (-p || 0) || drumMultiply(a, -b, k) !== (-p || 0) || drumMultiply(-a, -b, k) !== p) failures.push(`sign ${a}, ${b}`);
      }
      expect(failures, `k = ${k}`).toEqual([]);
    }
    expect(Object.is(drumMultiply(-3, 0, 4), 0)).toBe(true); // no −0
  });

  it('keeps a k-bit segment with its last bit set, so x̃ has at most k significant bits', () => {
    const failures: number[][] = [];
    for (let k = 1; k <= 8; k++) {
      for (let x = 2 ** k; x < 5000; x += 7) {
        const e = explainDrumOperand(x, k);
        const ok = e.segment % 2 === 1 && e.segment >= 2 ** (k - 1) && e.segment < 2 ** k && e.result === drumOperand(x, k) && e.segment * 2 ** e.shift === e.result;
        if (!ok) failures.push([k, x]);
      }
    }
    expect(failures).toEqual([]);
  });

  it('handles operands beyond 32 bits arithmetically', () => {
    // x = 2^40 + 2^38 + 5: t = 40, k = 4 → s = 37, x >> s = 0b1010, | 1 = 0b1011.
    expect(drumOperand(2 ** 40 + 2 ** 38 + 5, 4)).toBe(11 * 2 ** 37);
    expect(drumOperand(2 ** 52, 3)).toBe(2 ** 52 + 2 ** 50);
  });

  it('rejects non-integers, negative magnitudes, NaN, ±Inf and bad k', () => {
    expect(() => drumOperand(-1, 4)).toThrow(RangeError);
    expect(() => drumOperand(1.5, 4)).toThrow(RangeError);
    expect(() => drumOperand(Number.NaN, 4)).toThrow(RangeError);
    expect(() => drumMultiply(Number.POSITIVE_INFINITY, 1, 4)).toThrow(RangeError);
    expect(() => drumOperand(3, 0)).toThrow(RangeError);
    expect(() => drumOperand(3, 2.5)).toThrow(RangeError);
  });
});

describe('explainDrumOperand', () => {
  it('breaks 182 (10110110₂) at k = 4 into leading one, kept bits, forced bit and dropped bits', () => {
    const e = explainDrumOperand(182, 4);
    expect(e).toMatchObject({ exact: false, leadingOne: 7, shift: 4, keptBitCount: 2, forcedBit: 4, forcedBitWasSet: true, droppedValue: 6, segment: 11, result: 176, error: -6 });
    // bit 7 … 0 of 1011 0110
    expect(e.bits.slice().reverse()).toEqual(['leading', 'kept', 'kept', 'forced', 'dropped', 'dropped', 'dropped', 'dropped']);
  });

  it('marks small operands exact and puts the forced bit on the leading one for k = 1', () => {
    expect(explainDrumOperand(7, 4)).toMatchObject({ exact: true, forcedBit: null, result: 7, bits: ['exact', 'exact', 'exact'] });
    expect(explainDrumOperand(0, 2)).toMatchObject({ exact: true, leadingOne: -1, result: 0, bits: ['exact'] });
    const k1 = explainDrumOperand(5, 1);
    expect(k1).toMatchObject({ leadingOne: 2, shift: 2, forcedBit: 2, keptBitCount: 0, result: 4 });
    expect(k1.bits).toEqual(['dropped', 'dropped', 'leading']);
  });
});

describe('drumStats', () => {
  // 16-bit row of A.4.1 (2M pairs, verified): mean and std of the relative error, %.
  const TABLE: Record<number, [mean: number, std: number]> = { 4: [0.54, 7.25], 5: [0.14, 3.61], 6: [0.04, 1.8], 7: [0.02, 0.9], 8: [0.01, 0.45] };

  it('matches the 16-bit table for k = 4…8 within ±0.05 pp (mean) and ±0.1 pp (std) on 200k pairs; mean |error| falls with k', () => {
    let previousMeanAbs = Number.POSITIVE_INFINITY;
    for (let k = 1; k <= 8; k++) {
      const stats = drumStats(k, 16, 200_000, 1);
      expect(stats.n).toBe(200_000);
      if (k >= 4) {
        const [mean, std] = TABLE[k];
        expect(Math.abs(stats.mean * 100 - mean), `mean at k = ${k}: ${stats.mean * 100}`).toBeLessThanOrEqual(0.05);
        expect(Math.abs(stats.std * 100 - std), `std at k = ${k}: ${stats.std * 100}`).toBeLessThanOrEqual(0.1);
      }
      expect(stats.meanAbs, `k = ${k}`).toBeLessThanOrEqual(previousMeanAbs);
      previousMeanAbs = stats.meanAbs;
    }
  });

  it('shows k = 1 strongly biased (about −52 %) and is deterministic per seed', () => {
    const k1 = drumStats(1, 16, 20_000, 3);
    expect(k1.mean).toBeGreaterThan(-0.55);
    expect(k1.mean).toBeLessThan(-0.49);
    expect(drumStats(5, 8, 1000, 3)).toEqual(drumStats(5, 8, 1000, 3));
    expect(drumStats(5, 8, 1000, 3)).not.toEqual(drumStats(5, 8, 1000, 4));
    expect(drumStats(8, 8, 1000, 3).maxAbs).toBe(0); // 8-bit operands are exact at k = 8
  });
});

describe('K presets', () => {
  it('map K1…K4 to k 1…4 as an interpretation, and take a remapping', () => {
    expect(DRUM_K_PRESETS).toEqual({ K1: 1, K2: 2, K3: 3, K4: 4 });
    expect(DRUM_K_PRESETS_SOURCE.status).toBe('interpretation');
    expect(resolveDrumPresets({ K1: 3, K4: 8 })).toEqual({ K1: 3, K2: 2, K3: 3, K4: 8 });
    expect(resolveDrumPresets()).toEqual(DRUM_K_PRESETS);
    expect(() => resolveDrumPresets({ K2: 0 })).toThrow(RangeError);
    expect(() => resolveDrumPresets({ K5: 2 } as never)).toThrow(/Unknown DRUM preset/);
  });
});
