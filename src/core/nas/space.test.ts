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
