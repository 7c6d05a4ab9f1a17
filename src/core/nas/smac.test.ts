/**
 * SMAC's loop on the frozen synthetic objective (fixtures/syntheticObjective.ts), D.2.7 items 5–8: budget 56, 10 seeds.
 * These tests use 500 random challengers per pick (the default is 2,000) to keep the file well under 30 s on this
 * 2-core machine; the acceptance numbers at 2,000 are in the branch report.
 */
import { describe, expect, it } from 'vitest';
import { createEnumerationSearch, createRandomSearch } from './baselines';
import { syntheticFperf, syntheticOptimum } from './fixtures/syntheticObjective';
import { type SmacOptions, computeInitialCount, createSmac } from './smac';
import { DEFAULT_NAS_SPACE, configKey, createNasSpace, isInSpace } from './space';
import type { NasAsk, NasSearch } from './types';

const BUDGET = 56;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const TEST_CHALLENGERS = 500;

/** Runs a search to its budget on the synthetic objective, q candidates per round; returns every ask and the best f_perf. */
function runSearch(search: NasSearch, q = 1): { asks: NasAsk[]; best: number } {
  const asks: NasAsk[] = [];
  let best = Number.NEGATIVE_INFINITY;
  for (let round = 0; search.remaining > 0 && round < 10_000; round++) {
    const batch = search.ask(q);
    expect(batch.length).toBeGreaterThan(0);
    expect(batch.length).toBeLessThanOrEqual(q);
    expect(search.pendingCount).toBe(batch.length);
    for (const ask of batch) {
      const f = syntheticFperf(ask.config);
      best = Math.max(best, f);
      search.tell(ask.config, -f); // cost c = −f_perf
      asks.push(ask);
    }
  }
  return { asks, best };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 === 0 ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[Math.floor(mid)];
};

const smac = (seed: number, extra: Partial<SmacOptions> = {}) => createSmac({ space: DEFAULT_NAS_SPACE, budget: BUDGET, seed, challengers: TEST_CHALLENGERS, ...extra });

describe('SMAC ask/tell loop', () => {
  it('the initial design is max(5, ⌊10% of the budget⌋), at most the budget', () => {
    expect(computeInitialCount(56, 0.1, 5)).toBe(5);
    expect(computeInitialCount(200, 0.1, 5)).toBe(20);
    expect(computeInitialCount(3, 0.1, 5)).toBe(3);
  });

  it('hands out exactly `budget` distinct candidates inside the space, then nothing; proposers as SMAC runs', () => {
    const search = smac(11);
    const { asks } = runSearch(search);
    expect(asks.length).toBe(BUDGET);
    expect(search.evaluations.length).toBe(BUDGET);
    expect(new Set(asks.map((a) => configKey(a.config))).size).toBe(BUDGET);
    for (const a of asks) expect(isInSpace(a.config, DEFAULT_NAS_SPACE)).toBe(true);
    expect(search.ask(4)).toEqual([]);
    expect(search.remaining).toBe(0);
    // The first 5 are the initial design; later ones are EI picks (random list or local search) or ~20% interleaved.
    expect(asks.slice(0, 5).every((a) => a.proposer === 'smac-initial')).toBe(true);
    const later = asks.slice(5);
    expect(later.some((a) => a.proposer === 'smac-initial')).toBe(false);
    const interleaved = later.filter((a) => a.proposer === 'smac-interleave').length;
    expect(interleaved).toBeGreaterThan(2);
    expect(interleaved).toBeLessThan(20);
    const eiPicks = later.filter((a) => a.proposer === 'smac-ei' || a.proposer === 'smac-local');
    expect(eiPicks.length).toBe(later.length - interleaved);
    for (const a of eiPicks) {
      expect(a.ei).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(a.mu)).toBe(true);
      expect(a.sigma).toBeGreaterThan(0);
      expect(a.searchMs).toBeGreaterThanOrEqual(0);
    }
    for (const a of [...asks.slice(0, 5), ...later.filter((x) => x.proposer === 'smac-interleave')]) expect(a.ei).toBeNull();
    expect(search.surrogate?.featureImportance().method).toBe('MDI');
  });

  it('same seed ⇒ the same sequence of asks; another seed ⇒ another', () => {
    const strip = (asks: NasAsk[]) => asks.map((a) => ({ key: configKey(a.config), proposer: a.proposer, ei: a.ei, mu: a.mu, sigma: a.sigma }));
    const a = strip(runSearch(smac(3)).asks);
    const b = strip(runSearch(smac(3)).asks);
    expect(a).toEqual(b);
    expect(strip(runSearch(smac(4)).asks).map((x) => x.key)).not.toEqual(a.map((x) => x.key));
    // ask() and ask(1) are the sequential loop.
    const search = smac(3);
    const seq: NasAsk[] = [];
    while (search.remaining > 0) {
      const [ask] = search.ask();
      search.tell(ask.config, -syntheticFperf(ask.config));
      seq.push(ask);
    }
    expect(strip(seq)).toEqual(a);
  });

  it('rejects tells for candidates never asked, told twice, or with a non-finite cost', () => {
    const search = smac(1);
    const [ask] = search.ask(1);
    expect(() => search.tell({ layers: [{ width: 3, activation: 'relu' }] }, -0.5)).toThrow(/never asked/);
    expect(() => search.tell(ask.config, Number.NaN)).toThrow(/finite/);
    search.tell(ask.config, -0.5);
    expect(() => search.tell(ask.config, -0.5)).toThrow(/told twice/);
    expect(search.ask(0)).toEqual([]);
    expect(search.ask(Number.NaN)).toEqual([]);
  });

  it('a space smaller than the budget: the budget shrinks to it and every configuration is asked once', () => {
    const tiny = createNasSpace({ maxHiddenLayers: 2, maxWidth: 2, activations: ['relu'] }); // 2 + 4 configurations
    const search = createSmac({ space: tiny, budget: 56, seed: 1, challengers: 20 });
    expect(search.budget).toBe(6);
    const { asks } = runSearch(search, 2);
    expect(new Set(asks.map((a) => configKey(a.config))).size).toBe(6);
  });

  it('batches (q = 4, constant liar and kriging believer): no duplicates, exactly the budget, at most q pending', () => {
    for (const batchStrategy of ['constant-liar', 'kriging-believer'] as const) {
      const search = smac(5, { batchStrategy });
      const { asks } = runSearch(search, 4);
      expect(asks.length).toBe(BUDGET);
      expect(new Set(asks.map((a) => configKey(a.config))).size).toBe(BUDGET);
    }
    // A first batch larger than the initial design: the extra candidates are more initial samples (nothing to fit yet).
    const big = smac(6);
    expect(big.ask(8).map((a) => a.proposer)).toEqual(new Array(8).fill('smac-initial'));
  });

  it('runs on the ml-random-forest surrogate too (same interface)', () => {
    const search = createSmac({ space: DEFAULT_NAS_SPACE, budget: 20, seed: 2, challengers: 200, surrogate: { kind: 'ml-random-forest' } });
    const { asks } = runSearch(search, 2);
    expect(new Set(asks.map((a) => configKey(a.config))).size).toBe(20);
    expect(search.surrogate?.kind).toBe('ml-random-forest');
  });

  it('beats random search and the enumeration on regret (budget 56, 10 seeds; D.2.7 items 5, 6), sequentially and in batches of 4', () => {
    const optimum = syntheticOptimum().fperf;
    const enumerationRegret = optimum - runSearch(createEnumerationSearch()).best;
    const randomRegret = SEEDS.map((seed) => optimum - runSearch(createRandomSearch(DEFAULT_NAS_SPACE, BUDGET, seed)).best);
    for (const q of [1, 4]) {
      const smacRegret = SEEDS.map((seed) => optimum - runSearch(smac(seed), q).best);
      const winsOverRandom = smacRegret.filter((r, i) => r < randomRegret[i]).length;
      const winsOverEnumeration = smacRegret.filter((r) => r < enumerationRegret).length;
      console.info(
        `q=${q}: SMAC median regret ${median(smacRegret).toFixed(4)} vs random ${median(randomRegret).toFixed(4)} (SMAC better in ${winsOverRandom}/10); ` +
          `enumeration ${enumerationRegret.toFixed(4)} (SMAC better in ${winsOverEnumeration}/10)`,
      );
      expect(median(smacRegret)).toBeLessThan(median(randomRegret));
      if (q === 1) expect(winsOverRandom).toBeGreaterThanOrEqual(7);
      expect(winsOverEnumeration).toBeGreaterThanOrEqual(9);
    }
  });
});
