import { describe, expect, it } from 'vitest';
import { problemsText } from '../link';
import type { Message } from '../messages';
import { createRng } from '../rng';
import { TARGET_IDS } from '../targets/types';
import {
  NAS_LINK_FIELDS,
  NAS_LINK_KEYS,
  NAS_METHODS,
  createNasRunConfig,
  hasNasPredictor,
  nasAccuracyLabel,
  formatNasLink,
  readNasLink,
  resolveNasErrorBound,
  resolveNasWeights,
} from './config';

const read = (hash: string) => {
  const problems: Message[] = [];
  const params = new URLSearchParams(hash);
  const config = readNasLink((key) => params.get(key) ?? undefined, problems);
  return { config, problems: problemsText(problems) };
};

describe('NAS settings and link part', () => {
  it('defaults: budget 56, 2000 steps, trade-off, max normalization, group 1, q = 8, Fig. 4a constraints', () => {
    const c = createNasRunConfig();
    expect(c).toMatchObject({
      target: 'blackscholes',
      budget: 56,
      stepsPerCandidate: 2000,
      weights: 'tradeoff',
      normalization: 'max',
      boundGroup: 1,
      batch: 8,
      cAcc: 0.9,
      cEnergy: 2.5,
      cSpeed: 0,
      theta: 0.5,
    });
    expect(c.enumerationActivation).toBe('sigmoid');
    expect(resolveNasWeights(c)).toEqual({ alpha: 0.85, beta: 0.01, eps: 0.1 });
    expect(resolveNasWeights({ ...c, weights: 'accuracy' })).toEqual({ alpha: 0.9, beta: 0.05, eps: 0.01 });
    expect(resolveNasWeights({ ...c, weights: 'custom', alpha: 1, beta: 0, eps: 0.5 })).toEqual({ alpha: 1, beta: 0, eps: 0.5 });
  });

  it('Table 2 bounds per group; jmeint has none; custom uses errorBound', () => {
    const bound = (target: (typeof TARGET_IDS)[number], boundGroup: 1 | 2 | 'custom', errorBound = 0.3) => resolveNasErrorBound({ target, boundGroup, errorBound }).bound;
    expect(bound('blackscholes', 1)).toBe(0.01);
    expect(bound('blackscholes', 2)).toBe(0.015);
    expect(bound('fft', 1)).toBe(0.0001);
    expect(bound('fft', 2)).toBe(0.001);
    expect(bound('inversek2j', 2)).toBe(0.05);
    expect(bound('jpeg', 1)).toBe(0.002);
    expect(bound('kmeans', 2)).toBe(0.1);
    expect(bound('sobel', 1)).toBe(0.01);
    expect(bound('jmeint', 1)).toBeNull();
    expect(bound('sobel', 'custom')).toBe(0.3);
    expect(resolveNasErrorBound({ target: 'fft', boundGroup: 1, errorBound: 1 }).source).toMatch(/absolute/);
  });

  it('is absent without nas= and reports stray nas.* keys', () => {
    expect(read('seed=3').config).toBeNull();
    const { config, problems } = read('nas.budget=3');
    expect(config).toBeNull();
    expect(problems.join(' ')).toMatch(/nas\.budget without nas=/);
  });

  it('round-trips every field, writing only non-defaults', () => {
    const config = {
      ...createNasRunConfig('sobel'),
      budget: 100,
      weights: 'custom' as const,
      alpha: 0.7,
      boundGroup: 'custom' as const,
      errorBound: 0.02,
      sharedActivation: true,
      mode: 'energy' as const,
      cSpeed: 1.5,
      enumerationActivation: 'relu' as const,
    };
    const clean = config;
    const parts = formatNasLink(clean);
    expect(parts[0]).toBe('nas=sobel');
    expect(parts).toContain('nas.budget=100');
    expect(parts).toContain('nas.group=custom');
    expect(parts).not.toContain('nas.steps=2000');
    const { config: parsed, problems } = read(parts.join('&'));
    expect(problems).toEqual([]);
    expect(parsed).toEqual(clean);
    expect(formatNasLink(createNasRunConfig('fft'))).toEqual(['nas=fft']);
    expect(read('nas=jpeg&nas.group=2').config?.boundGroup).toBe(2);
    expect(formatNasLink(null)).toEqual([]);
  });

  it('nas.method picks the searched method (default lone, written only when it differs); an unknown one is a named problem', () => {
    expect(createNasRunConfig('jpeg').method).toBe('lone');
    expect(read('nas=jpeg').config?.method).toBe('lone');
    expect(read('nas=jpeg&nas.method=axnet').config?.method).toBe('axnet');
    expect(read('nas=jpeg&nas.method=onepass').config?.method).toBe('onepass');
    expect(formatNasLink({ ...createNasRunConfig('jpeg'), method: 'iterative' })).toEqual(['nas=jpeg', 'nas.method=iterative']);
    const { config, problems } = read('nas=jpeg&nas.method=weightsharing');
    expect(config?.method).toBe('lone');
    expect(problems.join(' ')).toMatch(/nas\.method/);
    // Only the lone search has no predictor; its axis is P_acc, the others' safe-and-approximated fraction.
    expect(NAS_METHODS.filter(hasNasPredictor)).toEqual(['axnet', 'onepass', 'iterative']);
    expect(NAS_METHODS.map(nasAccuracyLabel)).toEqual(['P_acc', 'safe & approximated', 'safe & approximated', 'safe & approximated']);
  });

  it('clamps absurd values and names each problem; unknown targets fall back', () => {
    const { config, problems } = read('nas=mnist&nas.budget=1e9&nas.steps=0&nas.theta=abc&nas.group=3&nas.shared=maybe&nas.batch=2.5');
    expect(config!.target).toBe('blackscholes');
    expect(config!.budget).toBe(500);
    expect(config!.stepsPerCandidate).toBe(10);
    expect(config!.theta).toBe(0.5);
    expect(config!.boundGroup).toBe(1);
    expect(config!.sharedActivation).toBe(false);
    expect(config!.batch).toBe(3);
    expect(problems.length).toBe(7);
  });

  it('fuzz: hostile values never throw, never leave the limits, never pollute prototypes', () => {
    const junk = ['', '-1', '1e400', 'NaN', 'Infinity', '0x10', '3.5', '1,2', '-', '%00', '1e-9', '99999999999', '__proto__', 'constructor', '{"a":1}', 'toString'];
    const rng = createRng(9, 'nas-config-fuzz');
    for (let t = 0; t < 500; t++) {
      const parts = [`nas=${encodeURIComponent(t % 7 === 0 ? junk[rng.int(junk.length)] : TARGET_IDS[rng.int(TARGET_IDS.length)])}`];
      for (const spec of NAS_LINK_FIELDS) if (rng.next() < 0.4) parts.push(`${spec.key}=${encodeURIComponent(junk[rng.int(junk.length)])}`);
      parts.push('__proto__=1', 'nas.__proto__=2', 'nas.constructor=3', 'constructor.prototype.polluted=4');
      let result: ReturnType<typeof read> | null = null;
      expect(() => {
        result = read(parts.join('&'));
      }).not.toThrow();
      const config = (result as unknown as ReturnType<typeof read>).config as unknown as Record<string, unknown>;
      expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
      expect(Object.keys(config).sort()).toEqual(Object.keys(createNasRunConfig()).sort());
      for (const spec of NAS_LINK_FIELDS) {
        const value = config[spec.field];
        if (spec.kind === 'int' || spec.kind === 'float') {
          expect(Number.isFinite(value)).toBe(true);
          expect(value as number).toBeGreaterThanOrEqual(spec.min);
          expect(value as number).toBeLessThanOrEqual(spec.max);
          if (spec.kind === 'int') expect(Number.isInteger(value)).toBe(true);
        }
        if (spec.kind === 'enum') expect(spec.values).toContain(value);
        if (spec.kind === 'flag') expect(typeof value).toBe('boolean');
      }
      expect(() => formatNasLink(config as never)).not.toThrow();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(NAS_LINK_KEYS).toContain('nas');
  });
});
