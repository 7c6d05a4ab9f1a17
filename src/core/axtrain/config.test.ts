import { describe, expect, it } from 'vitest';
import { formatHash, parseLink, problemsText } from '../link';
import type { Message } from '../messages';
import { DEFAULT_CONFIG } from '../config';
import { AXTRAIN_LINK_FIELDS, computeEpochSteps, createAxtrainConfig, formatAxtrainLink, readAxtrainDatasetDefaults, readAxtrainLink } from './config';

const read = (hash: string) => {
  const problems: Message[] = [];
  const params = new URLSearchParams(hash);
  const config = readAxtrainLink((key) => params.get(key) ?? undefined, problems);
  return { config, problems: problemsText(problems) };
};

describe('AxTrain config and link part', () => {
  it('is absent without ax= and reports stray ax.* keys', () => {
    expect(read('seed=3').config).toBeNull();
    const { config, problems } = read('ax.epochs=3');
    expect(config).toBeNull();
    expect(problems.join(' ')).toMatch(/ax\.epochs without ax=/);
  });

  it('a data set named alone brings its Tab. 1 defaults', () => {
    const { config, problems } = read('ax=breastcancer');
    expect(problems).toEqual([]);
    expect(config).toEqual(createAxtrainConfig('breastcancer'));
    expect(config?.hidden).toEqual([64, 64]);
    expect(config?.ntvVoltageMv).toBe(400);
    expect(read('ax=digits').config?.ntvVoltageMv).toBe(660);
    // An AxBench target: the lab's approximator topology and bound.
    const sobel = read('ax=sobel').config!;
    expect(sobel.hidden).toEqual(readAxtrainDatasetDefaults('sobel').hidden);
    expect(sobel.errorBound).toBe(readAxtrainDatasetDefaults('sobel').errorBound);
  });

  it('round-trips every field through the link, writing only non-defaults', () => {
    const config = {
      ...createAxtrainConfig('digits'),
      methods: ['bp' as const, 'pas' as const],
      hidden: [32],
      epochs: 7,
      drumK: 3,
      hardware: 'drum' as const,
      steThreshold: 0,
      evalRuns: 5,
    };
    const parts = formatAxtrainLink(config);
    expect(parts[0]).toBe('ax=digits');
    expect(parts).toContain('ax.k=3');
    expect(parts).not.toContain('ax.lr=0.001');
    const parsed = parseLink(formatHash(DEFAULT_CONFIG, { axtrain: config }));
    expect(parsed.problems).toEqual([]);
    expect(parsed.axtrain).toEqual(config);
    expect(formatAxtrainLink(createAxtrainConfig('breastcancer'))).toEqual(['ax=breastcancer']);
  });

  it('clamps absurd values and names each problem; unknown data sets fall back', () => {
    const { config, problems } = read('ax=mnist&ax.epochs=1e9&ax.k=0&ax.lr=abc&ax.hidden=9999-3&ax.methods=bp,zz,bp&ax.mv=500&ax.sbias=maybe');
    expect(config!.dataset).toBe('breastcancer');
    expect(config!.epochs).toBe(2000);
    expect(config!.drumK).toBe(1);
    expect(config!.learningRate).toBe(1e-3);
    expect(config!.hidden).toEqual([256, 3]);
    expect(config!.methods).toEqual(['bp']);
    expect(config!.ntvVoltageMv).toBe(400);
    expect(config!.sensitivityBiases).toBe(false);
    expect(problems.length).toBe(8);
  });

  it('never takes keys from outside its table (hostile keys are unknown settings)', () => {
    const parsed = parseLink('#v=1&ax=breastcancer&__proto__=1&ax.constructor=2&ax.__proto__=3');
    expect(parsed.axtrain).toEqual(createAxtrainConfig('breastcancer'));
    expect(problemsText(parsed.problems).filter((p) => /Unknown setting/.test(p)).length).toBe(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.axtrain)).toBe(Object.prototype);
  });

  it('fuzzed values never yield NaN, out-of-range or wrongly typed fields', () => {
    const junk = ['', '-1', '1e400', 'NaN', 'Infinity', '0x10', '3.5', '1,2', '-', '64--64', '%00', '1e-9', '99999999999'];
    for (const spec of AXTRAIN_LINK_FIELDS) {
      for (const raw of junk) {
        const { config } = read(`ax=breastcancer&${spec.key}=${encodeURIComponent(raw)}`);
        const value = (config as unknown as Record<string, unknown>)[spec.field];
        if (spec.kind === 'int' || spec.kind === 'float') {
          expect(Number.isFinite(value)).toBe(true);
          expect(value as number).toBeGreaterThanOrEqual(spec.min);
          expect(value as number).toBeLessThanOrEqual(spec.max);
          if (spec.kind === 'int') expect(Number.isInteger(value)).toBe(true);
        }
        if (spec.kind === 'widths') for (const w of value as number[]) expect(w).toBeGreaterThanOrEqual(spec.min);
        if (spec.kind === 'enum') expect(spec.values).toContain(value);
      }
    }
  });

  it('an epoch is ⌈train/batch⌉ steps', () => {
    expect(computeEpochSteps(455, 64)).toBe(8);
    expect(computeEpochSteps(448, 64)).toBe(7);
    expect(computeEpochSteps(10, 0)).toBe(10);
  });
});
