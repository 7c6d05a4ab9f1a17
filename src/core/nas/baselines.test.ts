import { describe, expect, it } from 'vitest';
import { ENUMERATION_PREDICTOR_WIDTHS, ENUMERATION_WIDTHS, createEnumerationSearch, createRandomSearch, enumerationConfigs } from './baselines';
import { DEFAULT_NAS_SPACE, configKey, createNasSpace, isInSpace } from './space';
import type { NasSearch } from './types';

function drain(search: NasSearch, q: number): string[] {
  const keys: string[] = [];
  while (search.remaining > 0) {
    const batch = search.ask(q);
    if (batch.length === 0) break;
    for (const a of batch) {
      keys.push(configKey(a.config));
      search.tell(a.config, 0);
    }
  }
  return keys;
}

describe('enumeration baseline (MICRO’12 NPU, B.6)', () => {
  it('is 7 + 49 = 56 sigmoid nets of power-of-two widths in a fixed order; 49 two-layers only', () => {
    const configs = enumerationConfigs();
    expect(configs.length).toBe(56);
    expect(ENUMERATION_WIDTHS).toEqual([2, 4, 8, 16, 32, 64, 128]);
    expect(configs.slice(0, 8).map(configKey)).toEqual(['2s', '4s', '8s', '16s', '32s', '64s', '128s', '2s-2s']);
    expect(configKey(configs[55])).toBe('128s-128s');
    expect(new Set(configs.map(configKey)).size).toBe(56);
    for (const c of configs) expect(isInSpace(c, DEFAULT_NAS_SPACE)).toBe(true);
    expect(enumerationConfigs({ twoLayersOnly: true }).length).toBe(49);
    expect(enumerationConfigs({ activation: 'relu' }).every((c) => c.layers.every((l) => l.activation === 'relu'))).toBe(true);
    expect(enumerationConfigs({ maxWidth: 16 }).length).toBe(4 + 16);
  });

  it('as a search: the 56 in order, any batch size, then nothing', () => {
    const expected = enumerationConfigs().map(configKey);
    expect(drain(createEnumerationSearch(), 1)).toEqual(expected);
    expect(drain(createEnumerationSearch(), 5)).toEqual(expected);
    expect(drain(createEnumerationSearch({}, 10), 3)).toEqual(expected.slice(0, 10));
    const search = createEnumerationSearch();
    drain(search, 8);
    expect(search.ask(1)).toEqual([]);
    expect(search.evaluations.every((e) => e.proposer === 'enumeration')).toBe(true);
  });
});

describe('random search baseline', () => {
  it('exactly `budget` distinct uniform samples, deterministic per seed, with SMAC’s interface', () => {
    const a = drain(createRandomSearch(DEFAULT_NAS_SPACE, 56, 1), 1);
    expect(a.length).toBe(56);
    expect(new Set(a).size).toBe(56);
    expect(drain(createRandomSearch(DEFAULT_NAS_SPACE, 56, 1), 7)).toEqual(a);
    expect(drain(createRandomSearch(DEFAULT_NAS_SPACE, 56, 2), 1)).not.toEqual(a);
    const search = createRandomSearch(DEFAULT_NAS_SPACE, 10, 3);
    const [ask] = search.ask(1);
    expect(ask.proposer).toBe('random');
    expect(ask.ei).toBeNull();
  });

  it('never repeats even when the space is nearly exhausted', () => {
    const tiny = createNasSpace({ maxHiddenLayers: 1, maxWidth: 5, activations: ['tanh'] });
    const search = createRandomSearch(tiny, 100, 4);
    expect(search.budget).toBe(5);
    expect(drain(search, 2).sort()).toEqual(['1t', '2t', '3t', '4t', '5t']);
  });
});

describe('the AXNet-NAS enumeration (issue 10 §5)', () => {
  it('pairs every ReLU net with a one-layer predictor of 4, 8, 16, 32, approximator-major, all in the AXNet space', () => {
    const configs = enumerationConfigs({ activation: 'relu', predictorWidths: ENUMERATION_PREDICTOR_WIDTHS });
    expect(configs.length).toBe(56 * 4);
    expect(configs.slice(0, 6).map(configKey)).toEqual(['2r|p4', '2r|p8', '2r|p16', '2r|p32', '4r|p4', '4r|p8']);
    expect(configKey(configs[configs.length - 1])).toBe('128r-128r|p32');
    expect(new Set(configs.map(configKey)).size).toBe(configs.length);
    const space = createNasSpace({ predictor: { maxHiddenLayers: 2, maxWidth: 32 } });
    for (const c of configs) expect(isInSpace(c, space)).toBe(true);
    // As a search its budget is clamped to its own size, not the lone 56.
    expect(drain(createEnumerationSearch({ activation: 'relu', predictorWidths: ENUMERATION_PREDICTOR_WIDTHS }, 500), 8)).toEqual(configs.map(configKey));
    expect(drain(createEnumerationSearch({ activation: 'relu', predictorWidths: [4, 8] }, 3), 2)).toEqual(['2r|p4', '2r|p8', '4r|p4']);
  });
});
