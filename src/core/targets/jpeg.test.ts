import { describe, expect, it } from 'vitest';
import { buildQuantizers, computeJpegBlock, computeQ15Reciprocal, transformBlockDct, ZIGZAG_POSITION } from './jpeg';

describe('jpeg encoder block', () => {
  it('zigzag positions are the standard JPEG scan', () => {
    // Natural index of each scan position (ITU T.81 Figure A.6).
    const scanToNatural = [0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28];
    scanToNatural.forEach((natural, scan) => expect(ZIGZAG_POSITION[natural]).toBe(scan));
    expect([...ZIGZAG_POSITION].sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i));
    expect(ZIGZAG_POSITION[63]).toBe(63);
  });

  it('Q15 reciprocals are ≈ 2^15 / q', () => {
    for (const q of [1, 2, 10, 16, 99, 121, 255]) {
      expect(Math.abs(computeQ15Reciprocal(q) - 0x8000 / q)).toBeLessThanOrEqual(1);
    }
    expect(buildQuantizers(1024).slice(0, 4)).toEqual([16, 11, 10, 16]);
    expect(buildQuantizers(1)).toEqual(new Array(64).fill(1));
  });

  it('the fixed-point DCT of a flat block is 8 × level at DC and 0 elsewhere', () => {
    const block = new Int32Array(64).fill(-100);
    transformBlockDct(block);
    expect(block[0]).toBe(-800);
    expect([...block.slice(1)].every((v) => v === 0)).toBe(true);
  });

  it('maps a flat block to round(8·level/16)/256 at DC', () => {
    const output = new Float64Array(64);
    computeJpegBlock(new Array(64).fill(-100 / 256), output);
    expect(output[0]).toBe(-50 / 256);
    expect([...output.slice(1)].every((v) => v === 0)).toBe(true);
  });
});
