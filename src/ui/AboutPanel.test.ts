import { describe, expect, it } from 'vitest';
import { listTargets } from '../core/targets/index';
import { describeBenchmarkView, listInputs } from './AboutPanel';

describe('About text', () => {
  it('lists inputs in a sentence, shortening long lists', () => {
    expect(listInputs(['x'])).toBe('x');
    expect(listInputs(['ν (order)', 'x'])).toBe('ν (order) and x');
    expect(listInputs(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listInputs(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a, b and 4 more');
    expect(listInputs([])).toBe('');
  });

  it('speaks of each target in its own words, and only Bessel’s of Bessel', () => {
    for (const spec of listTargets()) {
      const text = describeBenchmarkView(spec);
      if (spec.id !== 'bessel_Jnu') expect(text, spec.id).not.toMatch(/Bessel|J_ν/);
      if (spec.inputDim === 2 && !['jpeg', 'sobel', 'kmeans'].includes(spec.id)) expect(text, spec.id).toContain(spec.inputNames.join(', '));
    }
    expect(describeBenchmarkView(listTargets().find((spec) => spec.id === 'bessel_Jnu')!)).toContain('Bessel');
  });
});
