import { describe, expect, it } from 'vitest';
import { getTarget, listTargets } from '.';
import { createRng } from '../rng';
import { TARGET_DOMAINS, findDomainViolation } from './domains';

describe('target input domains (issue 12 item 8)', () => {
  it('has one domain per target, with a source and a status, and one interval per input or one for all', () => {
    for (const target of listTargets()) {
      const domain = TARGET_DOMAINS[target.id];
      expect(domain.source.length, target.id).toBeGreaterThan(10);
      expect(['paper', 'verified', 'unverified', 'estimate', 'interpretation']).toContain(domain.status);
      expect([1, target.inputDim]).toContain(domain.intervals.length);
    }
  });

  it('contains every row each target samples (train and test), and its exact outputs there are finite', async () => {
    const rng = createRng(7);
    for (const target of listTargets()) {
      await target.loadData?.();
      const input = new Float64Array(target.inputDim);
      const output = new Float64Array(target.outputDim);
      for (let k = 0; k < 400; k++) {
        target.sampleInput(rng, input, k % 2 === 0 ? 'train' : 'test');
        expect(findDomainViolation(target.id, input, target.inputNames), `${target.id} ${Array.from(input)}`).toBeNull();
        target.evaluate(input, output);
        expect(output.every(Number.isFinite)).toBe(true);
      }
    }
  });

  it('names the input and the interval it leaves, and the reason of a row rule', () => {
    const bessel = getTarget('bessel_Jnu');
    expect(findDomainViolation('bessel_Jnu', [-5, 0.5], bessel.inputNames)).toBe('ν (order) = -5 is outside [0, 1]');
    expect(findDomainViolation('bessel_Jnu', [0.5, 1.5], bessel.inputNames)).toBe('x = 1.5 is outside [0, 1]');
    expect(findDomainViolation('inversek2j', [0.9, 0.9])).toMatch(/out of the arm’s reach/);
    expect(findDomainViolation('inversek2j', [0.6, 0.8])).toBeNull(); // exactly at the reach, 1
    expect(findDomainViolation('blackscholes', [0.5, 0.5, 0.05, 0.2, 1, 0.5])).toMatch(/type must be 0 \(call\) or 1 \(put\)/);
    expect(findDomainViolation('blackscholes', [0, 0.5, 0.05, 0.2, 1, 0], getTarget('blackscholes').inputNames)).toMatch(/S \(spot\) = 0 is outside \(0, ∞\)/);
    expect(findDomainViolation('sobel', [0, 0, 0, 0, 2, 0, 0, 0, 0])).toMatch(/input 5 = 2 is outside \[0, 1\]/);
    expect(findDomainViolation('fft', [123.4])).toBeNull();
  });

  it('refuses NaN and ±Infinity in any input, even where the interval is unbounded', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(findDomainViolation('fft', [bad])).toMatch(/not a finite number/);
      expect(
        findDomainViolation(
          'jmeint',
          Array.from({ length: 18 }, (_, i) => (i === 3 ? bad : 0.5)),
        ),
      ).toMatch(/input 4 is not a finite number/);
    }
  });
});
