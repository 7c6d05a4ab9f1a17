/**
 * The baselines SMAC is compared with at the same budget (DATE'20 §IV-A/B; reference B.6):
 * - the fixed topology enumeration of the MICRO'12 NPU (Esmaeilzadeh et al.): "two hidden layers", "number of neurons
 *   of every layer to powers of two". The width set and whether one-layer nets count are 'unverified'; the lab takes
 *   widths {2, 4, …, 128} with 1 or 2 hidden layers, 7 + 49 = 56 nets (49 with twoLayersOnly), one activation for all
 *   (default sigmoid, the MICRO'12 NPU's: 'unverified');
 * - AXNet-NAS (issue 10 §5): every net above (ReLU, as every lab AXNet) × a one-layer predictor of 4, 8, 16 or 32
 *   neurons, approximator-major (224 candidates; at a budget of 56, the first 14 approximators with all four
 *   predictors). 'interpretation': MICRO'12 has no predictor; these widths span the lab's predictors (3–16,
 *   src/core/targets/labDefaults.ts) and the AXNet paper's (4–12, Fig. 9/10c) in powers of two, as its approximators;
 * - random search: uniform samples of the space (space.ts), never one twice.
 * Both have SMAC's ask/tell interface (types.ts NasSearch).
 */
import { createRng } from '../rng';
import { clampBudget, createLedgerSearch, createSearchLedger, sampleUntaken } from './ledger';
import { configKey, createNasSpace, type NasSpaceOptions } from './space';
import type { NasActivation, NasConfig, NasSearch } from './types';

/** Powers of two up to 128 (B.6, 'interpretation' of MICRO'12's "powers of two"). */
export const ENUMERATION_WIDTHS = [2, 4, 8, 16, 32, 64, 128] as const;

/** The AXNet-NAS enumeration's one-layer predictors ('interpretation', above). */
export const ENUMERATION_PREDICTOR_WIDTHS = [4, 8, 16, 32] as const;

export interface EnumerationOptions {
  /** One activation for every hidden layer (default sigmoid, 'unverified': the MICRO'12 NPU's). */
  activation: NasActivation;
  /** Only the 49 two-layer nets. */
  twoLayersOnly: boolean;
  /** Widths above this are left out (the search space's maxWidth). */
  maxWidth: number;
  /** AXNet-NAS: each net paired with a one-layer predictor of each of these widths (approximator-major); null = lone nets. */
  predictorWidths: readonly number[] | null;
}

export const DEFAULT_ENUMERATION_OPTIONS: Readonly<EnumerationOptions> = Object.freeze({ activation: 'sigmoid', twoLayersOnly: false, maxWidth: 128, predictorWidths: null });

/** The enumeration in a fixed order: one-layer nets by width, then two-layer nets by (n_1, n_2). 56 by default. */
export function enumerationConfigs(options: Partial<EnumerationOptions> = {}): NasConfig[] {
  const o = { ...DEFAULT_ENUMERATION_OPTIONS, ...options };
  const widths = ENUMERATION_WIDTHS.filter((w) => w <= o.maxWidth);
  const layer = (width: number) => ({ width, activation: o.activation });
  const one = o.twoLayersOnly ? [] : widths.map((w) => ({ layers: [layer(w)] }));
  const two = widths.flatMap((w1) => widths.map((w2) => ({ layers: [layer(w1), layer(w2)] })));
  const nets: NasConfig[] = [...one, ...two];
  const predictors = o.predictorWidths;
  return predictors ? nets.flatMap(({ layers }) => predictors.map((p) => ({ layers, predictor: [p] }))) : nets;
}

/** Random search: `budget` distinct uniform samples of `space` from the seeded stream 'nas-random-search'. */
export function createRandomSearch(space: NasSpaceOptions, budget: number, seed: number): NasSearch {
  const ledger = createSearchLedger(clampBudget(budget, space));
  const rng = createRng(seed, 'nas-random-search');
  return createLedgerSearch(ledger, () => {
    const config = sampleUntaken(rng, space, ledger);
    return config ? { config, proposer: 'random', ei: null, mu: null, sigma: null, searchMs: 0 } : null;
  });
}

/** The enumeration as a search: its configurations in order, at most `budget` of them (default all). */
export function createEnumerationSearch(options: Partial<EnumerationOptions> = {}, budget?: number): NasSearch {
  const configs = enumerationConfigs(options);
  const unique = configs.filter((c, i) => configs.findIndex((d) => configKey(d) === configKey(c)) === i);
  const predictorWidths = options.predictorWidths ?? null;
  const space = createNasSpace({
    maxWidth: options.maxWidth ?? DEFAULT_ENUMERATION_OPTIONS.maxWidth,
    predictor: predictorWidths ? { maxHiddenLayers: 1, maxWidth: Math.max(1, ...predictorWidths) } : null,
  });
  const ledger = createSearchLedger(Math.min(unique.length, budget === undefined ? unique.length : clampBudget(budget, space)));
  let index = 0;
  return createLedgerSearch(ledger, () => {
    const config = unique[index++];
    return config ? { config, proposer: 'enumeration', ei: null, mu: null, sigma: null, searchMs: 0 } : null;
  });
}
