import { describe, expect, it } from 'vitest';
import { listTargets } from '../core/targets/index';
import { SUPPRESSION_RULE, SUPPRESSION_THRESHOLD } from '../core/axnetMath';
import { describeBenchmarkView, listInputs } from './AboutPanel';
import { startI18n } from './i18n';
import { en } from './i18n/locales/en';

startI18n();

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

describe('About text in Chinese', () => {
  it('lists inputs with the Chinese separators', () => {
    expect(listInputs(['ν（阶）', 'x'], 3, 'zh')).toBe('ν（阶） 和 x');
    expect(listInputs(['a', 'b', 'c', 'd', 'e', 'f'], 3, 'zh')).toBe('a、b 等另外 4 个');
  });

  it('describes every benchmark view in Chinese, with the target’s Chinese title', () => {
    for (const spec of listTargets()) expect(describeBenchmarkView(spec, 'zh'), spec.id).toMatch(/[\u3400-\u9fff]/);
    expect(describeBenchmarkView(listTargets().find((spec) => spec.id === 'bessel_Jnu')!, 'zh')).toContain('Bessel 函数');
  });

  it('states the suppression rule as core/axnetMath.ts does', () => {
    expect(en.about.suppression.replace('{{threshold}}', String(SUPPRESSION_THRESHOLD))).toBe(SUPPRESSION_RULE);
  });
});
