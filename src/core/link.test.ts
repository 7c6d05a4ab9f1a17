import { DEFAULT_CUSTOM_FUNCTION, cloneCustomFunction } from './targets/customDefaults';
import { applyCrossFieldRules } from './linkRules';
import { describe, expect, it } from 'vitest';
import {
  BACKEND_CHOICES,
  CHOOSE_TYPES,
  CONFIG_LIMITS,
  CONTROL_PLACEMENTS,
  DEFAULT_CONFIG,
  FUSION_CHOICES,
  INITIALIZATIONS,
  METHOD_IDS,
  PREDICTION_OUTPUTS,
  applyTargetDefaults,
  cloneConfig,
  type LabConfig,
} from './config';
import { TARGET_LAB_DEFAULTS } from './targets/labDefaults';
import { createRng, type Rng } from './rng';
import { TARGET_IDS } from './targets/types';
import { MAX_HASH_LENGTH, URL_PARAMS, buildShareUrl, formatHash, parseLink, problemsText } from './link';
import { MESSAGES, type Message } from './messages';

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

function randomWidths(rng: Rng): number[] {
  return Array.from({ length: 1 + rng.int(CONFIG_LIMITS.hiddenLayers.max) }, () => 1 + rng.int(CONFIG_LIMITS.hiddenWidth.max));
}

function randomConfig(rng: Rng): LabConfig {
  const logUniform = (min: number, max: number) => Math.exp(rng.uniform(Math.log(min), Math.log(max)));
  return {
    target: pick(rng, TARGET_IDS),
    customFunction: cloneCustomFunction(DEFAULT_CUSTOM_FUNCTION),
    approximatorHidden: randomWidths(rng),
    predictorHidden: randomWidths(rng),
    learningRate: logUniform(CONFIG_LIMITS.learningRate.min, CONFIG_LIMITS.learningRate.max),
    batchSize: 1 + rng.int(CONFIG_LIMITS.batchSize.max),
    errorBound: logUniform(CONFIG_LIMITS.errorBound.min, CONFIG_LIMITS.errorBound.max),
    seed: rng.int(CONFIG_LIMITS.seed.max),
    steps: 1 + rng.int(100000),
    backend: pick(rng, BACKEND_CHOICES),
    trainLone: rng.next() < 0.5,
    trainSize: CONFIG_LIMITS.trainSize.min + rng.int(10000),
    testSize: CONFIG_LIMITS.testSize.min + rng.int(10000),
    evalEvery: 1 + rng.int(1000),
    methods: METHOD_IDS.filter(() => rng.next() < 0.5).concat(),
    fusion: pick(rng, FUSION_CHOICES),
    predictionOutput: pick(rng, PREDICTION_OUTPUTS),
    rounds: 1 + rng.int(CONFIG_LIMITS.rounds.max),
    chooseType: pick(rng, CHOOSE_TYPES),
    matchParameters: rng.next() < 0.5,
    initialization: pick(rng, INITIALIZATIONS),
    controlPlacement: pick(rng, CONTROL_PLACEMENTS),
  };
}

function ensureSomeMethod(config: LabConfig): LabConfig {
  if (config.methods.length === 0) config.methods = ['axnet'];
  return config;
}

function expectWithinLimits(config: LabConfig): void {
  expect(TARGET_IDS).toContain(config.target);
  expect(BACKEND_CHOICES).toContain(config.backend);
  expect(typeof config.trainLone).toBe('boolean');
  expect(typeof config.matchParameters).toBe('boolean');
  expect(FUSION_CHOICES).toContain(config.fusion);
  expect(PREDICTION_OUTPUTS).toContain(config.predictionOutput);
  expect(CHOOSE_TYPES).toContain(config.chooseType);
  expect(INITIALIZATIONS).toContain(config.initialization);
  expect(CONTROL_PLACEMENTS).toContain(config.controlPlacement);
  expect(config.methods.length).toBeGreaterThan(0);
  for (const method of config.methods) expect(METHOD_IDS).toContain(method);
  expect(new Set(config.methods).size).toBe(config.methods.length);
  for (const widths of [config.approximatorHidden, config.predictorHidden]) {
    expect(Array.isArray(widths)).toBe(true);
    expect(widths.length).toBeGreaterThanOrEqual(CONFIG_LIMITS.hiddenLayers.min);
    expect(widths.length).toBeLessThanOrEqual(CONFIG_LIMITS.hiddenLayers.max);
    for (const w of widths) {
      expect(Number.isInteger(w)).toBe(true);
      expect(w).toBeGreaterThanOrEqual(CONFIG_LIMITS.hiddenWidth.min);
      expect(w).toBeLessThanOrEqual(CONFIG_LIMITS.hiddenWidth.max);
    }
  }
  const numeric = ['learningRate', 'batchSize', 'errorBound', 'seed', 'steps', 'trainSize', 'testSize', 'evalEvery', 'rounds'] as const;
  for (const field of numeric) {
    const value = config[field];
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(CONFIG_LIMITS[field].min);
    expect(value).toBeLessThanOrEqual(CONFIG_LIMITS[field].max);
  }
  expect(Object.keys(config).sort()).toEqual(Object.keys(DEFAULT_CONFIG).sort());
}

describe('formatHash', () => {
  it('writes only the version for the defaults', () => {
    expect(formatHash(DEFAULT_CONFIG)).toBe('#v=1');
  });

  it('writes only the values that differ from the defaults', () => {
    const config = cloneConfig(DEFAULT_CONFIG);
    config.steps = 200;
    config.backend = 'cpu';
    config.approximatorHidden = [8, 3];
    expect(formatHash(config)).toBe('#v=1&approx=8-3&steps=200&backend=cpu');
  });
});

/** `m` is in MESSAGES and has a value for every placeholder of its template, and so has every Message among its values. */
function expectFilled(m: Message): void {
  const template: string | undefined = MESSAGES[m.id]?.en;
  expect(template, m.id).toBeTypeOf('string');
  for (const [, name] of (template ?? '').matchAll(/\{(\w+)\}/g)) expect(m.values && Object.hasOwn(m.values, name), `${m.id}.${name}`).toBe(true);
  for (const value of Object.values(m.values ?? {})) if (typeof value === 'object') expectFilled(value);
}

describe('parseLink', () => {
  it('round-trips 500 random valid configs exactly and without problems', () => {
    const rng = createRng(11, 'url-roundtrip');
    for (let i = 0; i < 500; i++) {
      // Valid: the cross-field rules (linkRules.ts) hold, as for every config a link can give.
      const config = applyCrossFieldRules(ensureSomeMethod(randomConfig(rng)), null).config;
      const parsed = parseLink(formatHash(config));
      expect(parsed.problems).toEqual([]);
      expect(parsed.config).toEqual(config);
    }
  });

  it('accepts a full URL, a hash and a bare query', () => {
    const expected = { ...cloneConfig(DEFAULT_CONFIG), steps: 40, seed: 9 };
    expect(parseLink('http://localhost:5173/#v=1&steps=40&seed=9').config).toEqual(expected);
    expect(parseLink('#steps=40&seed=9').config).toEqual(expected);
    expect(parseLink('steps=40&seed=9').config).toEqual(expected);
    expect(parseLink('http://localhost:5173/').config).toEqual(cloneConfig(DEFAULT_CONFIG));
  });

  it('clamps absurd numbers and says so', () => {
    const parsed = parseLink('#lr=1e9&batch=0&steps=-5&bound=1e-300&approx=999-0&seed=3.5');
    expect(parsed.config.learningRate).toBe(CONFIG_LIMITS.learningRate.max);
    expect(parsed.config.batchSize).toBe(CONFIG_LIMITS.batchSize.min);
    expect(parsed.config.steps).toBe(CONFIG_LIMITS.steps.min);
    expect(parsed.config.errorBound).toBe(CONFIG_LIMITS.errorBound.min);
    expect(parsed.config.approximatorHidden).toEqual([CONFIG_LIMITS.hiddenWidth.max, CONFIG_LIMITS.hiddenWidth.min]);
    expect(parsed.config.seed).toBe(4);
    expect(parsed.problems.length).toBe(6);
  });

  it('rejects non-numbers, unknown keys, unknown enums and bad versions with a message each', () => {
    const parsed = parseLink('#v=99&lr=abc&steps=NaN&bound=Infinity&target=doom&backend=cuda&lone=maybe&approx=4,4&x=1');
    expect(parsed.config).toEqual(cloneConfig(DEFAULT_CONFIG));
    expect(parsed.problems.length).toBe(9);
  });

  it("reads the initialization and the place of ⊙c, writes them only when they differ from today's defaults, refuses unknown values", () => {
    expect(DEFAULT_CONFIG.initialization).toBe('bias0.1');
    expect(DEFAULT_CONFIG.controlPlacement).toBe('afterActivation');
    const faithful = { ...cloneConfig(DEFAULT_CONFIG), initialization: 'authorsZeroBias' as const, controlPlacement: 'insideActivation' as const };
    expect(formatHash(faithful)).toBe('#v=1&init=authorsZeroBias&ctrl=insideActivation');
    expect(parseLink('#v=1&init=authorsZeroBias&ctrl=insideActivation')).toMatchObject({ config: faithful, problems: [] });
    expect(formatHash(parseLink('#v=1&init=bias0.1&ctrl=afterActivation').config)).toBe('#v=1');
    const bad = parseLink('#init=zeros&ctrl=__proto__');
    expect(bad.config).toEqual(cloneConfig(DEFAULT_CONFIG));
    expect(bad.problems).toHaveLength(2);
    expect(problemsText(bad.problems)[0]).toMatch(/init=.*expected one of authorsZeroBias, bias0\.1/);
  });

  it('reads compare-mode method lists and drops unknown or repeated methods', () => {
    expect(parseLink('#methods=axnet,onepass,iterative').config.methods).toEqual(['axnet', 'onepass', 'iterative']);
    const parsed = parseLink('#methods=axnet,__proto__,axnet,weightsharing');
    expect(parsed.config.methods).toEqual(['axnet', 'weightsharing']);
    expect(parsed.problems).toHaveLength(1);
    expect(parseLink('#methods=,').config.methods).toEqual(['axnet']);
    expect(parseLink('#choose=7').config.chooseType).toBe(DEFAULT_CONFIG.chooseType);
  });

  it('never lets the link touch prototypes', () => {
    const hostile = [
      '#__proto__[polluted]=1',
      '#__proto__=1&constructor=2&prototype=3',
      '#constructor[prototype][polluted]=yes',
      '#%5F%5Fproto%5F%5F=1&toString=1&hasOwnProperty=1',
    ];
    for (const hash of hostile) {
      const parsed = parseLink(hash);
      expect(parsed.problems.length).toBeGreaterThan(0);
      expect(parsed.config).toEqual(cloneConfig(DEFAULT_CONFIG));
      expect(Object.getPrototypeOf(parsed.config)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('refuses links that are far too long', () => {
    const parsed = parseLink(`#steps=5&${'a'.repeat(MAX_HASH_LENGTH)}`);
    expect(parsed.config).toEqual(cloneConfig(DEFAULT_CONFIG));
    expect(parsed.problems).toHaveLength(1);
  });

  it('survives 2000 random and garbage hashes: never throws, always yields a config within limits', () => {
    const rng = createRng(5, 'url-fuzz');
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789=&#%-_.+e[]{}"\'<>\\/ ~\u0000\u00e9\u4e2d\ud83d';
    const keys = [...URL_PARAMS.map((p) => p.key), 'v', '__proto__', 'constructor', '', '%', 'prototype'];
    const values = ['', '-', '1e999', '-0', '0x10', '1_000', 'NaN', '%E0%A4%A', '4-4-4-4-4-4', '0-0', '1e-400', 'true', ' 5', '５'];
    for (let i = 0; i < 2000; i++) {
      let hash: string;
      if (i % 2 === 0) {
        const length = rng.int(120);
        hash = Array.from({ length }, () => alphabet[rng.int(alphabet.length)]).join('');
      } else {
        const parts = Array.from({ length: 1 + rng.int(8) }, () => {
          const value = rng.next() < 0.5 ? pick(rng, values) : String(rng.uniform(-1e6, 1e6));
          return `${pick(rng, keys)}=${value}`;
        });
        hash = `#${parts.join('&')}`;
      }
      const parsed = parseLink(hash);
      expectWithinLimits(parsed.config);
      expect(Array.isArray(parsed.problems)).toBe(true);
      // Every problem is a Message of the registry with a value for each of its placeholders.
      for (const problem of parsed.problems) expectFilled(problem);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a link that names a target', () => {
  it("gets that target's lab defaults and round-trips to the short link, for every target", () => {
    for (const target of TARGET_IDS) {
      const defaults = TARGET_LAB_DEFAULTS[target];
      const parsed = parseLink(`#v=1&target=${target}`);
      expect(parsed.problems).toEqual([]);
      expect(parsed.config).toMatchObject({
        target,
        errorBound: defaults.errorBound,
        approximatorHidden: [...defaults.approximatorHidden],
        predictorHidden: [...defaults.predictorHidden],
        learningRate: defaults.learningRate,
        batchSize: defaults.batchSize,
        steps: defaults.steps,
        trainSize: defaults.trainSize,
        testSize: defaults.testSize,
      });
      // Fields no target sets keep DEFAULT_CONFIG's values.
      expect(parsed.config).toEqual(applyTargetDefaults(DEFAULT_CONFIG, target));
      expect(formatHash(parsed.config)).toBe(target === DEFAULT_CONFIG.target ? '#v=1' : `#v=1&target=${target}`);
      expect(parseLink(formatHash(parsed.config)).config).toEqual(parsed.config);
    }
  });

  it("blackscholes gets its own bound and topology, not Bessel's", () => {
    const { config } = parseLink('#v=1&target=blackscholes');
    expect(config.errorBound).toBe(TARGET_LAB_DEFAULTS.blackscholes.errorBound);
    expect(config.approximatorHidden).toEqual([...TARGET_LAB_DEFAULTS.blackscholes.approximatorHidden]);
    expect(config.trainSize).toBe(TARGET_LAB_DEFAULTS.blackscholes.trainSize);
  });

  it("lets explicit link values win over the target's defaults, wherever they stand in the link", () => {
    const expected = { ...applyTargetDefaults(DEFAULT_CONFIG, 'fft'), steps: 77, learningRate: 0.004, approximatorHidden: [3], seed: 9 };
    expect(parseLink('#v=1&target=fft&steps=77&lr=0.004&approx=3&seed=9').config).toEqual(expected);
    expect(parseLink('#v=1&steps=77&lr=0.004&approx=3&seed=9&target=fft').config).toEqual(expected);
    expect(formatHash(expected)).toBe('#v=1&target=fft&approx=3&lr=0.004&seed=9&steps=77');
  });

  it("writes a value that equals DEFAULT_CONFIG's but not the target's default", () => {
    const config = { ...applyTargetDefaults(DEFAULT_CONFIG, 'sobel'), errorBound: DEFAULT_CONFIG.errorBound, approximatorHidden: [...DEFAULT_CONFIG.approximatorHidden] };
    const hash = formatHash(config);
    expect(hash).toContain(`bound=${DEFAULT_CONFIG.errorBound}`);
    expect(hash).toContain(`approx=${DEFAULT_CONFIG.approximatorHidden.join('-')}`);
    expect(parseLink(hash).config).toEqual(config);
  });

  it('still clamps hostile values on a target link, and an unknown target keeps the defaults', () => {
    const parsed = parseLink('#target=jpeg&lr=1e9&steps=-5&train=1e12&approx=999');
    expect(parsed.config.target).toBe('jpeg');
    expect(parsed.config.learningRate).toBe(CONFIG_LIMITS.learningRate.max);
    expect(parsed.config.steps).toBe(CONFIG_LIMITS.steps.min);
    expect(parsed.config.trainSize).toBe(CONFIG_LIMITS.trainSize.max);
    expect(parsed.config.approximatorHidden).toEqual([CONFIG_LIMITS.hiddenWidth.max]);
    expect(parsed.config.errorBound).toBe(TARGET_LAB_DEFAULTS.jpeg.errorBound);
    expect(parsed.problems).toHaveLength(4);
    for (const hostile of ['#target=__proto__&bound=0.5', '#target=constructor&bound=0.5', '#target=Sobel&bound=0.5']) {
      const bad = parseLink(hostile);
      expect(bad.problems).toHaveLength(1);
      expect(bad.config).toEqual({ ...cloneConfig(DEFAULT_CONFIG), errorBound: 0.5 });
    }
  });
});

describe('buildShareUrl', () => {
  it('replaces any existing hash with the config projection', () => {
    const config = { ...cloneConfig(DEFAULT_CONFIG), seed: 42 };
    expect(buildShareUrl('http://127.0.0.1:4173/#v=1&seed=3', config)).toBe('http://127.0.0.1:4173/#v=1&seed=42');
    expect(buildShareUrl('http://127.0.0.1:4173/index.html', config)).toBe('http://127.0.0.1:4173/index.html#v=1&seed=42');
  });
});

describe('the interface language in the link', () => {
  it('reads lang=zh and lang=en, and reports anything else without throwing', () => {
    expect(parseLink('#v=1&lang=zh').language).toBe('zh');
    expect(parseLink('#v=1&lang=en').language).toBe('en');
    expect(parseLink('#v=1').language).toBeNull();
    for (const raw of ['fr', 'ZH', '__proto__', '%3Cscript%3E', '']) {
      const parsed = parseLink(`#v=1&lang=${raw}`);
      expect(parsed.language).toBeNull();
      expect(problemsText(parsed.problems).join(' ')).toMatch(/not a language of the lab/);
    }
  });

  it('writes lang only when it is not English, and the link round-trips', () => {
    expect(formatHash(DEFAULT_CONFIG, { language: 'en' })).not.toContain('lang=');
    const hash = formatHash(DEFAULT_CONFIG, { language: 'zh' });
    expect(hash).toContain('lang=zh');
    expect(parseLink(hash).language).toBe('zh');
    expect(parseLink(hash).problems).toEqual([]);
  });
});
