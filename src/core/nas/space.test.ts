import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import {
  DEFAULT_NAS_SPACE,
  NAS_INACTIVE,
  configKey,
  countConfigurations,
  createNasSpace,
  decode,
  describeConfig,
  encode,
  enumerateSpace,
  isInSpace,
  neighbours,
  parseConfigKey,
  sampleConfig,
} from './space';
import { NAS_ACTIVATIONS, type NasConfig } from './types';

/** Pearson's χ² of observed counts against equal expected counts. */
function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

// χ² critical values at p = 0.001 (tables): df 1 → 10.83, df 2 → 13.82, df 127 → 181.99.
const CHI2_999 = { 1: 10.83, 2: 13.82, 127: 181.99 } as const;

const cfg = (...layers: [number, NasConfig['layers'][number]['activation']][]): NasConfig => ({ layers: layers.map(([width, activation]) => ({ width, activation })) });

describe('NAS search space', () => {
  it('has 147,840 configurations per layer and 49,536 shared (B.2)', () => {
    expect(countConfigurations(DEFAULT_NAS_SPACE)).toBe(147_840);
    expect(countConfigurations(createNasSpace({ sharedActivation: true }))).toBe(49_536);
    expect(countConfigurations(createNasSpace({ maxHiddenLayers: 1 }))).toBe(384);
    expect(countConfigurations(createNasSpace({ maxWidth: 2, activations: ['relu'] }))).toBe(2 + 4);
  });

  it('counts what it enumerates on a small space', () => {
    const space = createNasSpace({ maxWidth: 3, activations: ['relu', 'tanh'] });
    const keys = new Set<string>();
    const rng = createRng(1, 'nas-test');
    for (let i = 0; i < 20_000; i++) keys.add(configKey(sampleConfig(rng, space)));
    expect(keys.size).toBe(countConfigurations(space));
  });

  it('clamps hostile options', () => {
    const space = createNasSpace({ maxHiddenLayers: 9, maxWidth: Number.NaN, activations: [] });
    expect(space).toEqual({ maxHiddenLayers: 2, maxWidth: 128, activations: [...NAS_ACTIVATIONS], sharedActivation: false });
    expect(createNasSpace({ maxHiddenLayers: 0, maxWidth: 500.4 }).maxHiddenLayers).toBe(1);
    expect(createNasSpace({ maxWidth: 500.4 }).maxWidth).toBe(128);
  });

  it('encode/decode round-trips, with −1 for the inactive second layer', () => {
    const rng = createRng(2, 'nas-test');
    for (const space of [DEFAULT_NAS_SPACE, createNasSpace({ sharedActivation: true }), createNasSpace({ maxHiddenLayers: 1 })]) {
      for (let i = 0; i < 2000; i++) {
        const config = sampleConfig(rng, space);
        const vector = encode(config, space);
        expect(vector.length).toBe(1 + 2 * space.maxHiddenLayers);
        expect(decode(vector, space)).toEqual(config);
        expect(parseConfigKey(configKey(config))).toEqual(config);
      }
    }
    expect(encode(cfg([16, 'sigmoid']), DEFAULT_NAS_SPACE)).toEqual([1, 16, 1, NAS_INACTIVE, NAS_INACTIVE]);
    expect(encode(cfg([16, 'sigmoid'], [8, 'tanh']), DEFAULT_NAS_SPACE)).toEqual([2, 16, 1, 8, 2]);
  });

  it('decode rejects vectors outside the space', () => {
    expect(() => decode([1, 16, 1, 4, 0], DEFAULT_NAS_SPACE)).toThrow(/inactive but set/);
    expect(() => decode([1, 200, 1, -1, -1], DEFAULT_NAS_SPACE)).toThrow(/outside/);
    expect(() => decode([1, 16, 7, -1, -1], DEFAULT_NAS_SPACE)).toThrow(/activation/);
    expect(() => decode([1, 16, 1], DEFAULT_NAS_SPACE)).toThrow(/length/);
    expect(() => decode([2, 16, 1, 8, 2], createNasSpace({ sharedActivation: true }))).toThrow(/outside/);
  });

  it('keys and descriptions are stable and readable', () => {
    expect(configKey(cfg([16, 'sigmoid'], [8, 'tanh']))).toBe('16s-8t');
    expect(configKey(cfg([128, 'relu']))).toBe('128r');
    expect(describeConfig(cfg([16, 'sigmoid'], [8, 'tanh']))).toBe('2 layers: 16 sigmoid → 8 tanh');
    expect(describeConfig(cfg([32, 'relu']))).toBe('1 layer: 32 relu');
    expect(parseConfigKey('16x')).toBeNull();
    expect(parseConfigKey('')).toBeNull();
  });

  it('samples L uniformly, widths and activations uniformly given L (χ² on 10⁵ draws), never setting a second layer when L = 1', () => {
    const rng = createRng(3, 'nas-test');
    const layerCounts = [0, 0];
    const widthCounts = [new Array(128).fill(0), new Array(128).fill(0)];
    const activationCounts = [
      [0, 0, 0],
      [0, 0, 0],
    ];
    for (let i = 0; i < 100_000; i++) {
      const config = sampleConfig(rng, DEFAULT_NAS_SPACE);
      const L = config.layers.length;
      layerCounts[L - 1]++;
      const vector = encode(config, DEFAULT_NAS_SPACE);
      if (L === 1) expect(vector.slice(3)).toEqual([NAS_INACTIVE, NAS_INACTIVE]);
      for (const layer of config.layers) {
        widthCounts[L - 1][layer.width - 1]++;
        activationCounts[L - 1][NAS_ACTIVATIONS.indexOf(layer.activation)]++;
      }
    }
    expect(chiSquare(layerCounts)).toBeLessThan(CHI2_999[1]);
    for (let L = 0; L < 2; L++) {
      expect(chiSquare(widthCounts[L])).toBeLessThan(CHI2_999[127]);
      expect(chiSquare(activationCounts[L])).toBeLessThan(CHI2_999[2]);
    }
    // The test can fail: a skewed sampler is rejected.
    expect(chiSquare([60_000, 40_000])).toBeGreaterThan(CHI2_999[1]);
  });

  it('shared activation: every layer of a sample has the same activation', () => {
    const space = createNasSpace({ sharedActivation: true });
    const rng = createRng(4, 'nas-test');
    for (let i = 0; i < 1000; i++) {
      const c = sampleConfig(rng, space);
      expect(new Set(c.layers.map((l) => l.activation)).size).toBe(1);
    }
  });

  it('neighbours are the one-exchange moves, inside the space, without duplicates or the config itself', () => {
    const config = cfg([16, 'sigmoid'], [8, 'tanh']);
    const keys = neighbours(config, DEFAULT_NAS_SPACE).map(configKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('16s-8t');
    for (const k of ['8s-8t', '15s-8t', '17s-8t', '24s-8t', '16s-1t', '16s-7t', '16s-9t', '16s-16t', '16r-8t', '16t-8t', '16s-8r', '16s-8s', '16s', '8t'])
      expect(keys).toContain(k);
    expect(keys.length).toBe(14);
    // One layer: widths clamped at 1, activation changes, a second layer added; no removal.
    const one = neighbours(cfg([1, 'relu']), DEFAULT_NAS_SPACE).map(configKey);
    expect(one).toEqual(['2r', '9r', '1s', '1t', '1r-1r']);
    // At the top width and the layer limit.
    expect(neighbours(cfg([128, 'tanh']), createNasSpace({ maxHiddenLayers: 1 })).map(configKey)).toEqual(['120t', '127t', '128r', '128s']);
    // Shared: an activation change moves every layer.
    const shared = createNasSpace({ sharedActivation: true });
    const sharedKeys = neighbours(cfg([4, 'relu'], [4, 'relu']), shared).map(configKey);
    expect(sharedKeys).toContain('4s-4s');
    expect(sharedKeys).not.toContain('4s-4r');
    for (const n of neighbours(cfg([4, 'relu'], [4, 'relu']), shared)) expect(isInSpace(n, shared)).toBe(true);
  });
});

describe('enumerateSpace', () => {
  it('yields every configuration once, as many as countConfigurations', () => {
    for (const space of [createNasSpace({ maxWidth: 4 }), createNasSpace({ maxWidth: 3, sharedActivation: true }), createNasSpace({ maxHiddenLayers: 1, activations: ['tanh'] })]) {
      const keys = [...enumerateSpace(space)].map(configKey);
      expect(keys.length).toBe(countConfigurations(space));
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) expect(isInSpace(parseConfigKey(k)!, space)).toBe(true);
    }
  });
});

describe('the AXNet-NAS space (approximator × predictor, issue 10 §5)', () => {
  const axnetSpace = createNasSpace({ maxWidth: 4, predictor: { maxHiddenLayers: 2, maxWidth: 3 } });
  const withPredictor = (config: NasConfig, predictor: number[]): NasConfig => ({ ...config, predictor });

  it('is ReLU only, clamps the predictor space, and keeps the lone space without a predictor key', () => {
    expect(axnetSpace.activations).toEqual(['relu']);
    expect(createNasSpace({ predictor: { maxHiddenLayers: 7, maxWidth: 900 } }).predictor).toEqual({ maxHiddenLayers: 2, maxWidth: 128 });
    expect(createNasSpace({ predictor: { maxHiddenLayers: Number.NaN, maxWidth: 0 } }).predictor).toEqual({ maxHiddenLayers: 2, maxWidth: 1 });
    expect('predictor' in createNasSpace({ predictor: null })).toBe(false);
  });

  it('counts |χ_approximator| · Σ W_p^{L_p} and enumerates exactly that many distinct configurations', () => {
    expect(countConfigurations(axnetSpace)).toBe((4 + 16) * (3 + 9));
    expect(countConfigurations(createNasSpace({ predictor: { maxHiddenLayers: 2, maxWidth: 32 } }))).toBe((128 + 128 ** 2) * (32 + 32 ** 2));
    const keys = [...enumerateSpace(axnetSpace)].map(configKey);
    expect(keys.length).toBe(countConfigurations(axnetSpace));
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(isInSpace(parseConfigKey(k)!, axnetSpace)).toBe(true);
    expect(keys.slice(0, 4)).toEqual(['1r|p1', '1r|p2', '1r|p3', '1r|p1-1']);
  });

  it('keys, descriptions and the lone keys unchanged', () => {
    const config = withPredictor(cfg([16, 'relu'], [8, 'relu']), [8, 8]);
    expect(configKey(config)).toBe('16r-8r|p8-8');
    expect(configKey(cfg([16, 'relu'], [8, 'relu']))).toBe('16r-8r');
    expect(parseConfigKey('16r-8r|p8-8')).toEqual(config);
    expect(parseConfigKey('16r|p')).toBeNull();
    expect(parseConfigKey('16r|p0')).toBeNull();
    expect(parseConfigKey('16r|p4-x')).toBeNull();
    expect(describeConfig(config)).toBe('2 layers: 16 relu → 8 relu; predictor 8 → 8');
  });

  it('encode appends L_p and the predictor widths (−1 inactive); decode inverts it and rejects set inactive widths', () => {
    const space = createNasSpace({ predictor: { maxHiddenLayers: 2, maxWidth: 32 } });
    expect(encode(withPredictor(cfg([16, 'relu']), [8]), space)).toEqual([1, 16, 0, NAS_INACTIVE, NAS_INACTIVE, 1, 8, NAS_INACTIVE]);
    expect(encode(withPredictor(cfg([16, 'relu'], [4, 'relu']), [8, 2]), space)).toEqual([2, 16, 0, 4, 0, 2, 8, 2]);
    const rng = createRng(5, 'nas-test');
    for (let i = 0; i < 2000; i++) {
      const config = sampleConfig(rng, space);
      expect(isInSpace(config, space)).toBe(true);
      expect(decode(encode(config, space), space)).toEqual(config);
      expect(parseConfigKey(configKey(config))).toEqual(config);
    }
    expect(() => decode([1, 16, 0, -1, -1, 1, 8, 3], space)).toThrow(/predictor layer 2 is inactive but set/);
    expect(() => decode([1, 16, 0, -1, -1, 1, 40, -1], space)).toThrow(/outside/);
    expect(() => decode([1, 16, 0, -1, -1], space)).toThrow(/length/);
    // A lone configuration is not in a predictor space, and a predictor is not in the lone space.
    expect(isInSpace(cfg([16, 'relu']), space)).toBe(false);
    expect(isInSpace(withPredictor(cfg([16, 'relu']), [8]), DEFAULT_NAS_SPACE)).toBe(false);
  });

  it('samples L_p uniformly and predictor widths uniformly given L_p (χ² on 4·10⁴ draws); the approximator drawn first', () => {
    const space = createNasSpace({ maxWidth: 8, predictor: { maxHiddenLayers: 2, maxWidth: 3 } });
    const rng = createRng(6, 'nas-test');
    const depthCounts = [0, 0];
    const widthCounts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const predictor = sampleConfig(rng, space).predictor!;
      depthCounts[predictor.length - 1]++;
      for (const w of predictor) widthCounts[w - 1]++;
    }
    expect(chiSquare(depthCounts)).toBeLessThan(CHI2_999[1]);
    expect(chiSquare(widthCounts)).toBeLessThan(CHI2_999[2]);
    const lone = createNasSpace({ maxWidth: 8, activations: ['relu'] });
    // The approximator is drawn first, as in the lone space: a fresh stream gives the same approximator.
    for (let seed = 0; seed < 50; seed++) expect(sampleConfig(createRng(seed, 'nas-test'), space).layers).toEqual(sampleConfig(createRng(seed, 'nas-test'), lone).layers);
  });

  it('neighbours: the approximator moves keep the predictor, then the predictor moves keep the approximator', () => {
    const space = createNasSpace({ predictor: { maxHiddenLayers: 2, maxWidth: 32 } });
    const keys = neighbours(withPredictor(cfg([16, 'relu']), [8]), space).map(configKey);
    expect(keys).toEqual(['8r|p8', '15r|p8', '17r|p8', '24r|p8', '16r-16r|p8', '16r|p1', '16r|p7', '16r|p9', '16r|p16', '16r|p8-8']);
    const two = neighbours(withPredictor(cfg([2, 'relu']), [32, 4]), space).map(configKey);
    for (const k of ['2r|p24-4', '2r|p31-4', '2r|p32-3', '2r|p32-5', '2r|p32-12', '2r|p4', '2r|p32']) expect(two).toContain(k);
    expect(two).not.toContain('2r|p33-4');
    expect(new Set(two).size).toBe(two.length);
  });
});
