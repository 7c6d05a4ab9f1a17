import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import {
  DRUM_OPERAND_MIN_INT_BITS,
  FIXED_POINT_INT_BITS_MAX,
  FIXED_POINT_INT_BITS_MIN,
  applyFlipMasks,
  chooseFormat,
  dequantize,
  describeFormatRange,
  drawFlipMasks,
  flipBits,
  quantize,
  roundHalfToEven,
} from './fixedPoint';

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}

describe('chooseFormat', () => {
  it('takes the smallest I ≥ minIntBits with max|v| < 2^I, and f = W − 1 − I', () => {
    expect(chooseFormat([0.05, -0.02], 8)).toEqual({ wordBits: 8, intBits: 0, fracBits: 7 }); // stored weights: I ≥ 0
    expect(chooseFormat([0.05, -0.02], 16, { minIntBits: DRUM_OPERAND_MIN_INT_BITS })).toEqual({ wordBits: 16, intBits: -4, fracBits: 19 }); // 2^−5 ≤ 0.05 < 2^−4
    expect(chooseFormat([0.5], 8, { minIntBits: -10 }).intBits).toBe(0); // 0.5 < 2^0, not < 2^−1
    expect(chooseFormat([-1], 8).intBits).toBe(1); // |−1| is not < 2^0
    expect(chooseFormat([3.99, -2], 16).intBits).toBe(2);
    expect(chooseFormat([200], 8)).toEqual({ wordBits: 8, intBits: 8, fracBits: -1 });
    expect(chooseFormat([2 ** 30 - 1], 16).intBits).toBe(30);
    expect(chooseFormat([2 ** 30], 16).intBits).toBe(31);
  });

  it('handles empty and all-zero layers, ±Inf and NaN', () => {
    expect(chooseFormat([], 8).intBits).toBe(0);
    expect(chooseFormat([0, 0], 16, { minIntBits: DRUM_OPERAND_MIN_INT_BITS }).intBits).toBe(FIXED_POINT_INT_BITS_MIN);
    expect(chooseFormat([1e-30], 16, { minIntBits: Number.NEGATIVE_INFINITY }).intBits).toBe(FIXED_POINT_INT_BITS_MIN);
    expect(chooseFormat([Number.NEGATIVE_INFINITY], 8).intBits).toBe(FIXED_POINT_INT_BITS_MAX);
    expect(() => chooseFormat([1, Number.NaN], 8)).toThrow(RangeError);
    expect(() => chooseFormat([1], 1)).toThrow(RangeError);
    expect(() => chooseFormat([1], 25)).toThrow(RangeError);
    expect(() => chooseFormat([1], 8, { minIntBits: 0.5 })).toThrow(RangeError);
  });
});

describe('quantize / dequantize', () => {
  it('is within LSB/2 inside the range and saturates outside it', () => {
    const rng = createRng(3, 'fixed-point');
    for (const wordBits of [4, 8, 16]) {
      const values = Array.from({ length: 5000 }, () => rng.uniform(-0.9, 0.9));
      const format = chooseFormat(values, wordBits);
      const { lsb, minValue, maxValue, minWord, maxWord } = describeFormatRange(format);
      const back = dequantize(quantize(values, format), format);
      let worst = 0;
      for (let i = 0; i < values.length; i++) if (values[i] >= minValue && values[i] <= maxValue) worst = Math.max(worst, Math.abs(back[i] - values[i]));
      expect(worst, `W = ${wordBits}`).toBeLessThanOrEqual(lsb / 2);
      expect(worst, `W = ${wordBits}`).toBeGreaterThan(lsb / 4); // the test can see rounding at all
      expect(Array.from(quantize([maxValue + lsb, 5, Number.POSITIVE_INFINITY, minValue - lsb, -5, Number.NEGATIVE_INFINITY], format))).toEqual([
        maxWord,
        maxWord,
        maxWord,
        minWord,
        minWord,
        minWord,
      ]);
    }
  });

  it('rounds ties to even, reads words back exactly and rejects NaN', () => {
    const format = { wordBits: 8, intBits: 7, fracBits: 0 };
    expect(Array.from(quantize([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, -127.5], format))).toEqual([0, 2, 2, 0, -2, -2, 2, -128]);
    expect([0.49999999999999994, 3.5, -3.5].map(roundHalfToEven)).toEqual([0, 4, -4]);
    const q = Int32Array.from([-128, -1, 0, 1, 127]);
    expect(Array.from(dequantize(q, { wordBits: 8, intBits: 0, fracBits: 7 }))).toEqual([-1, -1 / 128, 0, 1 / 128, 127 / 128]);
    expect(() => quantize([Number.NaN], format)).toThrow(RangeError);
  });

  it('puts a value just below 2^I one LSB below it (the edge of the rule)', () => {
    const format = chooseFormat([0.999], 8);
    expect(format.intBits).toBe(0);
    expect(Array.from(quantize([0.999], format))).toEqual([127]); // 0.999 · 128 = 127.87 → 128 → saturates
  });
});

describe('flipBits', () => {
  const allWords = (wordBits: number) => Int32Array.from({ length: 2 ** wordBits }, (_, i) => i - 2 ** (wordBits - 1));

  it('is the identity at p = 0 and inverts every bit (q → −q − 1) at p = 1', () => {
    for (const wordBits of [2, 8, 16]) {
      const words = allWords(wordBits);
      expect(flipBits(words, wordBits, 0, createRng(1))).toEqual(words);
      expect(flipBits(words, wordBits, 1, createRng(1))).toEqual(words.map((q) => -q - 1));
    }
  });

  it('decodes the flipped word in two’s complement', () => {
    // 5 = 0000 0101; flipping bit 7 gives 1000 0101 = −123; −1 = 1111 1111, flipping bit 0 gives −2.
    expect(Array.from(applyFlipMasks(Int32Array.from([5, -1, -128, 3]), Int32Array.from([0x80, 1, 0x80, 0x1ff]), 8))).toEqual([-123, -2, 0, -4]);
    expect(() => applyFlipMasks(Int32Array.from([128]), Int32Array.from([0]), 8)).toThrow(RangeError);
    expect(() => applyFlipMasks(Int32Array.from([1, 2]), Int32Array.from([0]), 8)).toThrow(RangeError);
  });

  it('flips each of 10⁶ bits i.i.d. with probability p: total, per bit position and per-word counts within 4σ', () => {
    const wordBits = 8;
    const count = 125_000; // 10⁶ bits
    for (const p of [0.001, 0.01, 0.1, 0.5, 0.9]) {
      const masks = drawFlipMasks(count, wordBits, p, createRng(7, 'ntv'));
      const bits = count * wordBits;
      let flips = 0;
      const perPosition = new Array<number>(wordBits).fill(0);
      const perWord = new Array<number>(wordBits + 1).fill(0);
      for (const mask of masks) {
        flips += popcount(mask);
        perWord[popcount(mask)]++;
        for (let b = 0; b < wordBits; b++) if (mask & (1 << b)) perPosition[b]++;
      }
      const sigma = Math.sqrt(bits * p * (1 - p));
      expect(Math.abs(flips - bits * p), `p = ${p}: ${flips} flips`).toBeLessThanOrEqual(4 * sigma);
      for (const n of perPosition) expect(Math.abs(n - count * p), `p = ${p}, one bit position`).toBeLessThanOrEqual(4 * Math.sqrt(count * p * (1 - p)));
      // Words with j flipped bits: Binomial(W, p), so the bits are independent within a word, not just at the right rate.
      for (let j = 0; j <= wordBits; j++) {
        const pj = binomial(wordBits, j) * p ** j * (1 - p) ** (wordBits - j);
        expect(Math.abs(perWord[j] - count * pj), `p = ${p}, words with ${j} flips`).toBeLessThanOrEqual(4 * Math.sqrt(count * pj * (1 - pj)) + 1e-9);
      }
    }
  });

  it('draws the same masks for the same seed and different ones for another', () => {
    const words = allWords(8);
    expect(flipBits(words, 8, 0.1, createRng(2, 'ntv'))).toEqual(flipBits(words, 8, 0.1, createRng(2, 'ntv')));
    expect(flipBits(words, 8, 0.1, createRng(2, 'ntv'))).not.toEqual(flipBits(words, 8, 0.1, createRng(3, 'ntv')));
    expect(() => drawFlipMasks(4, 8, 1.5, createRng(1))).toThrow(RangeError);
    expect(() => drawFlipMasks(4, 8, Number.NaN, createRng(1))).toThrow(RangeError);
  });
});

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c;
}
