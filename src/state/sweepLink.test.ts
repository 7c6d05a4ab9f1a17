/** The sweep fields through the link codec (url.ts hands the raw sweep keys to src/core/sweep.ts). */
import { describe, expect, it } from 'vitest';
import { CONFIG_LIMITS, DEFAULT_CONFIG, cloneConfig } from '../core/config';
import { createRng } from '../core/rng';
import { MAX_SWEEP_VARIANTS, SWEEP_LINK_KEYS, planSweep, type SweepSpec } from '../core/sweep';
import { formatHash, parseLink } from '../core/link';

const CONFIG = cloneConfig(DEFAULT_CONFIG);
const bound = (values: SweepSpec['values'], seeds: SweepSpec['seeds'] = { kind: 'count', count: 1 }): SweepSpec => ({ parameter: 'errorBound', layer: 0, values, seeds });

describe('sweep fields in the link', () => {
  it('goes through the link codec: parseLink reads what formatHash writes, and the config is unchanged by sweep keys', () => {
    const spec = bound({ kind: 'range', from: 0.005, to: 0.05, count: 16, scale: 'log' }, { kind: 'count', count: 2 });
    const hash = formatHash({ ...CONFIG, steps: 300 }, { sweep: spec });
    expect(hash).toContain('sweep=errorBound');
    expect(hash).toContain('sweepRange=0.005%3A0.05%3A16%3Alog');
    const parsed = parseLink(hash);
    expect(parsed.problems).toEqual([]);
    expect(parsed.sweep).toEqual(spec);
    expect(parsed.config.steps).toBe(300);
    expect(parseLink('#steps=300').sweep).toBeNull();
  });

  it('fuzzed links never throw, never pollute prototypes, and give a valid spec or null', () => {
    const random = createRng(42);
    const rng = () => random.next();
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
    const fragments = [
      'errorBound',
      'learningRate',
      'seed',
      'approximatorWidth',
      'predictorWidth',
      '__proto__',
      'constructor',
      '0.01',
      '-1',
      '1e400',
      'NaN',
      ':',
      '::',
      ',',
      ',,',
      '%',
      '%E0%A4%A',
      '0.005:0.05:16:log',
      '1:9:3',
      '2,4,8',
      '9999',
      '',
      'log',
      'x',
    ];
    for (let trial = 0; trial < 2000; trial++) {
      const parts: string[] = [];
      const count = 1 + Math.floor(rng() * 6);
      for (let k = 0; k < count; k++) {
        const key = rng() < 0.85 ? pick(SWEEP_LINK_KEYS) : pick(['__proto__', 'sweep.x', 'constructor']);
        let value = '';
        const pieces = Math.floor(rng() * 4);
        for (let p = 0; p < pieces; p++) value += pick(fragments);
        parts.push(`${key}=${value}`);
      }
      const hash = `#v=1&${parts.join('&')}`;
      const parsed = parseLink(hash);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const spec = parsed.sweep;
      if (spec === null) continue;
      expect(Object.getPrototypeOf(spec)).toBe(Object.prototype);
      const { plan, problems } = planSweep(spec, parsed.config);
      if (plan) {
        expect(plan.variants.length).toBeGreaterThan(0);
        expect(plan.variants.length).toBeLessThanOrEqual(MAX_SWEEP_VARIANTS);
        for (const v of plan.variants) {
          expect(v.config.errorBound).toBeGreaterThanOrEqual(CONFIG_LIMITS.errorBound.min);
          expect(v.config.errorBound).toBeLessThanOrEqual(CONFIG_LIMITS.errorBound.max);
          expect(v.config.learningRate).toBeGreaterThanOrEqual(CONFIG_LIMITS.learningRate.min);
          expect(v.config.learningRate).toBeLessThanOrEqual(CONFIG_LIMITS.learningRate.max);
          for (const w of [...v.config.approximatorHidden, ...v.config.predictorHidden]) {
            expect(Number.isInteger(w) && w >= 1 && w <= 128).toBe(true);
          }
          expect(Number.isInteger(v.config.seed)).toBe(true);
        }
      } else {
        expect(problems.length).toBeGreaterThan(0);
      }
      // What parsed reads back the same.
      expect(parseLink(formatHash(parsed.config, { sweep: spec })).sweep).toEqual(spec);
    }
  });
});
