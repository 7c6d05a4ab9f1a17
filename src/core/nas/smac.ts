/**
 * SMAC as a seeded, deterministic ask/tell loop (DATE'20 §III-B, Hutter et al. LION 2011; reference B.3 and D.2.1),
 * with SMAC3's HPO-facade defaults where they fit:
 * 1. Initial design: `initialCount` = max(5, ⌊initFraction·budget⌋) uniform samples (SMAC3: Sobol, at most 10% of
 *    the trials; no Sobol package exists here, reference C.4, so a seeded uniform design: 'interpretation').
 * 2. Then each candidate is, with probability `interleave` (SMAC3 ProbabilityRandomDesign 0.2), a uniform random
 *    configuration ('smac-interleave'); otherwise the maximizer of EI (acquisition.ts; cost c = −f_perf) under the
 *    random-forest surrogate (surrogate.ts) fitted on every evaluation:
 *    SMAC3's LocalAndSortedRandomSearch: `challengers` uniform samples sorted by EI, plus a steepest-ascent
 *    hill-climb on EI over the one-exchange neighbours (space.ts) from `localSearchStarts` points (half the best
 *    observed by cost, the rest the best challengers by EI); every configuration either part scored is merged and the
 *    best not yet taken wins ('smac-ei' from the random list, 'smac-local' from local search; ties: the random list
 *    first, then the order scored).
 * Never a configuration twice (evaluated or pending: ledger.ts), exactly `budget` candidates in all.
 *
 * Batches: ask(q) picks q candidates one after another; each later pick treats the pending ones (asked, not told)
 * as fantasy evaluations and refits the surrogate with them (Ginsbourger et al. 2010):
 * - 'constant-liar' (default): each pending candidate's cost is the lowest observed cost (CL-min);
 * - 'kriging-believer': its cost is the surrogate's mean, fitted on the observations alone.
 * With q = 1 and a tell after each ask nothing is pending, which is SMAC's sequential loop exactly.
 * When the initial design is handed out but nothing has been told (a first batch larger than it), the extra
 * candidates are more initial-design samples ('interpretation': there is no data to fit).
 *
 * Randomness: one named stream each (src/core/rng.ts) for the initial design, the interleaving coin and its samples,
 * and the challengers, all from `seed`; the forest is seeded with `seed` too. Same seed and same tells ⇒ same asks.
 */
import { createRng } from '../rng';
import { expectedImprovement } from './acquisition';
import { clampBudget, createLedgerSearch, createSearchLedger, sampleUntaken } from './ledger';
import { configKey, encode, neighbours, type NasSpaceOptions, sampleConfig } from './space';
import { createSurrogate, type SurrogateOptions } from './surrogate';
import type { NasAsk, NasConfig, NasProposer, NasSearch } from './types';

export const SMAC_BATCH_STRATEGIES = ['constant-liar', 'kriging-believer'] as const;
export type SmacBatchStrategy = (typeof SMAC_BATCH_STRATEGIES)[number];

export interface SmacOptions {
  space: NasSpaceOptions;
  budget: number;
  seed: number;
  /** Share of the budget for the initial design (SMAC3 max_ratio 0.1). */
  initFraction: number;
  /** Least initial-design size (D.2.1: at least 5). */
  minInitial: number;
  /** Probability of a random candidate after the initial design (SMAC3: 0.2). */
  interleave: number;
  /** Random challengers per pick (SMAC3: 10,000; the browser default 2,000, D.2.1). */
  challengers: number;
  /** Local-search starting points (SMAC3: 10). */
  localSearchStarts: number;
  /** Most hill-climb moves from one start. */
  localSearchSteps: number;
  /** EI's ξ (SMAC3: 0). */
  xi: number;
  batchStrategy: SmacBatchStrategy;
  surrogate: Partial<Omit<SurrogateOptions, 'seed'>>;
  /** Clock for `searchMs` (not part of the determinism). */
  now: () => number;
}

export const DEFAULT_SMAC_OPTIONS = {
  initFraction: 0.1,
  minInitial: 5,
  interleave: 0.2,
  challengers: 2000,
  localSearchStarts: 10,
  localSearchSteps: 50,
  xi: 0,
  batchStrategy: 'constant-liar' as SmacBatchStrategy,
  surrogate: {},
  now: () => performance.now(),
} as const satisfies Omit<SmacOptions, 'space' | 'budget' | 'seed'>;

/** Initial-design size: max(minInitial, ⌊initFraction·budget⌋), at most the budget. */
export function computeInitialCount(budget: number, initFraction: number, minInitial: number): number {
  return Math.min(budget, Math.max(Math.round(minInitial), Math.floor(initFraction * budget)));
}

interface Scored {
  config: NasConfig;
  key: string;
  ei: number;
  mu: number;
  sigma: number;
  proposer: NasProposer;
}

export interface SmacSearch extends NasSearch {
  readonly initialCount: number;
  /** The surrogate of the last EI pick (for feature importance), or null before the first. */
  readonly surrogate: ReturnType<typeof createSurrogate> | null;
}

export function createSmac(options: Pick<SmacOptions, 'space' | 'budget' | 'seed'> & Partial<SmacOptions>): SmacSearch {
  const o: SmacOptions = { ...DEFAULT_SMAC_OPTIONS, ...options };
  const { space } = o;
  const budget = clampBudget(o.budget, space);
  const ledger = createSearchLedger(budget);
  const initialCount = computeInitialCount(budget, o.initFraction, o.minInitial);
  const initialRng = createRng(o.seed, 'nas-smac-initial');
  const interleaveRng = createRng(o.seed, 'nas-smac-interleave');
  const challengerRng = createRng(o.seed, 'nas-smac-challengers');
  const challengers = Math.max(1, Math.round(o.challengers));
  const starts = Math.max(0, Math.round(o.localSearchStarts));
  let lastSurrogate: ReturnType<typeof createSurrogate> | null = null;

  /** Training rows: the evaluations, then one fantasy row per pending candidate. */
  const trainingRows = () => {
    const X = ledger.evaluations.map((e) => encode(e.config, space));
    const y = ledger.evaluations.map((e) => e.cost);
    const pendingConfigs = [...ledger.pending.values()].map((p) => p.config);
    if (pendingConfigs.length === 0) return { X, y };
    const pendingX = pendingConfigs.map((c) => encode(c, space));
    let fantasies: number[];
    if (o.batchStrategy === 'kriging-believer') {
      const believer = createSurrogate({ ...o.surrogate, seed: o.seed });
      believer.fit(X, y);
      fantasies = [...believer.predict(pendingX).mean];
    } else {
      const lie = Math.min(...y);
      fantasies = pendingX.map(() => lie);
    }
    return { X: [...X, ...pendingX], y: [...y, ...fantasies] };
  };

  const maximizeEi = (): Scored | null => {
    const { X, y } = trainingRows();
    const surrogate = createSurrogate({ ...o.surrogate, seed: o.seed });
    surrogate.fit(X, y);
    lastSurrogate = surrogate;
    const costBest = Math.min(...y);
    const score = (configs: readonly NasConfig[], proposer: NasProposer): Scored[] => {
      if (configs.length === 0) return [];
      const { mean, variance } = surrogate.predict(configs.map((c) => encode(c, space)));
      return configs.map((config, i) => {
        const sigma = Math.sqrt(variance[i]);
        return { config, key: configKey(config), mu: mean[i], sigma, ei: expectedImprovement(mean[i], sigma, costBest, o.xi), proposer };
      });
    };

    const random = score(
      Array.from({ length: challengers }, () => sampleConfig(challengerRng, space)),
      'smac-ei',
    );
    const byEi = [...random].sort((a, b) => b.ei - a.ei);
    const observedBest = [...ledger.evaluations]
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.cost - b.e.cost || a.i - b.i)
      .map(({ e }) => e.config);
    const startConfigs: NasConfig[] = [];
    const startKeys = new Set<string>();
    const addStart = (config: NasConfig) => {
      const key = configKey(config);
      if (startConfigs.length >= starts || startKeys.has(key)) return;
      startKeys.add(key);
      startConfigs.push(config);
    };
    for (const config of observedBest.slice(0, Math.ceil(starts / 2))) addStart(config);
    for (const s of byEi) {
      if (startConfigs.length >= starts) break;
      addStart(s.config);
    }

    const local: Scored[] = [];
    for (const start of startConfigs) {
      let current = score([start], 'smac-local')[0];
      local.push(current);
      for (let step = 0; step < o.localSearchSteps; step++) {
        const scored = score(neighbours(current.config, space), 'smac-local');
        local.push(...scored);
        let best: Scored | null = null;
        for (const s of scored) if (best === null || s.ei > best.ei) best = s;
        if (best === null || !(best.ei > current.ei)) break;
        current = best;
      }
    }

    let pick: Scored | null = null;
    for (const s of [...random, ...local]) {
      if (ledger.isTaken(s.key)) continue;
      if (pick === null || s.ei > pick.ei) pick = s;
    }
    if (pick) return pick;
    const fallback = sampleUntaken(challengerRng, space, ledger);
    return fallback ? score([fallback], 'smac-ei')[0] : null;
  };

  const askOne = (): NasAsk | null => {
    const t0 = o.now();
    const handed = ledger.evaluations.length + ledger.pending.size;
    let result: Omit<NasAsk, 'searchMs'> | null = null;
    if (handed < initialCount || ledger.evaluations.length === 0) {
      const config = sampleUntaken(initialRng, space, ledger);
      if (config) result = { config, proposer: 'smac-initial', ei: null, mu: null, sigma: null };
    } else if (interleaveRng.next() < o.interleave) {
      const config = sampleUntaken(interleaveRng, space, ledger);
      if (config) result = { config, proposer: 'smac-interleave', ei: null, mu: null, sigma: null };
    } else {
      const pick = maximizeEi();
      if (pick) result = { config: pick.config, proposer: pick.proposer, ei: pick.ei, mu: pick.mu, sigma: pick.sigma };
    }
    return result ? { ...result, searchMs: o.now() - t0 } : null;
  };

  return createLedgerSearch(ledger, askOne, {
    initialCount,
    get surrogate() {
      return lastSurrogate;
    },
  });
}
