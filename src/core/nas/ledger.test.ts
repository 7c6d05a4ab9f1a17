import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { NAS_BUDGET_LIMITS, clampBudget, createSearchLedger, sampleUntaken } from './ledger';
import { DEFAULT_NAS_SPACE, configKey, createNasSpace } from './space';

const one = { layers: [{ width: 4, activation: 'relu' as const }] };

describe('search ledger', () => {
  it('clamps the budget to 1..500 and to the space', () => {
    expect(clampBudget(56, DEFAULT_NAS_SPACE)).toBe(56);
    expect(clampBudget(1e9, DEFAULT_NAS_SPACE)).toBe(NAS_BUDGET_LIMITS.max);
    expect(clampBudget(-3, DEFAULT_NAS_SPACE)).toBe(1);
    expect(clampBudget(Number.NaN, DEFAULT_NAS_SPACE)).toBe(1);
    expect(clampBudget(56, createNasSpace({ maxHiddenLayers: 1, maxWidth: 3, activations: ['relu'] }))).toBe(3);
  });

  it('hands each configuration out once and tells it once', () => {
    const ledger = createSearchLedger(2);
    ledger.hand(one, 'random');
    expect(ledger.isTaken('4r')).toBe(true);
    expect(() => ledger.hand(one, 'random')).toThrow(/before/);
    expect(ledger.remaining()).toBe(1);
    expect(ledger.tell(one, -0.5)).toEqual({ config: one, cost: -0.5, proposer: 'random' });
    expect(() => ledger.hand(one, 'random')).toThrow(/before/);
    ledger.hand({ layers: [{ width: 5, activation: 'relu' }] }, 'random');
    expect(() => ledger.hand({ layers: [{ width: 6, activation: 'relu' }] }, 'random')).toThrow(/exhausted/);
  });

  it('samples untaken configurations until none is left', () => {
    const space = createNasSpace({ maxHiddenLayers: 1, maxWidth: 3, activations: ['relu', 'tanh'] });
    const ledger = createSearchLedger(6);
    const rng = createRng(1, 'nas-ledger-test');
    const keys = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const config = sampleUntaken(rng, space, ledger);
      expect(config).not.toBeNull();
      keys.add(configKey(config!));
      ledger.hand(config!, 'random');
    }
    expect(keys.size).toBe(6);
    expect(sampleUntaken(rng, space, ledger)).toBeNull();
  });
});
