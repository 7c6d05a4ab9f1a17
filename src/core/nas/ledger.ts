/**
 * The bookkeeping every NAS search shares (SMAC, random search, enumeration): the budget, the candidates handed out
 * and not yet told (pending), the evaluations, and the rule that no configuration is handed out twice (B.3: the lab's
 * seeded training is deterministic, so one evaluation per configuration suffices, 'interpretation').
 */
import type { Rng } from '../rng';
import { configKey, countConfigurations, enumerateSpace, type NasSpaceOptions, sampleConfig } from './space';
import type { NasConfig, NasEvaluation, NasProposer } from './types';

export const NAS_BUDGET_LIMITS = { min: 1, max: 500 } as const; // DATE'20 §III-B: "at most 500 evaluations" ('paper')

export interface SearchLedger {
  readonly budget: number;
  readonly evaluations: NasEvaluation[];
  readonly pending: Map<string, { config: NasConfig; proposer: NasProposer }>;
  /** Evaluated or pending. */
  isTaken(key: string): boolean;
  remaining(): number;
  /** Records a candidate as handed out; throws if it was handed out before. */
  hand(config: NasConfig, proposer: NasProposer): void;
  /** Records the cost of a pending candidate; throws for one never asked, told twice, or a non-finite cost. */
  tell(config: NasConfig, cost: number): NasEvaluation;
}

/** A budget clamped to 1..500 and to the size of the space. */
export function clampBudget(budget: number, space: NasSpaceOptions): number {
  const rounded = Number.isFinite(budget) ? Math.round(budget) : NAS_BUDGET_LIMITS.min;
  return Math.max(NAS_BUDGET_LIMITS.min, Math.min(NAS_BUDGET_LIMITS.max, countConfigurations(space), rounded));
}

export function createSearchLedger(budget: number): SearchLedger {
  const evaluations: NasEvaluation[] = [];
  const pending = new Map<string, { config: NasConfig; proposer: NasProposer }>();
  const evaluated = new Set<string>();
  return {
    budget,
    evaluations,
    pending,
    isTaken: (key) => evaluated.has(key) || pending.has(key),
    remaining: () => budget - evaluations.length - pending.size,
    hand(config, proposer) {
      const key = configKey(config);
      if (evaluated.has(key) || pending.has(key)) throw new Error(`NAS candidate ${key} was handed out before`);
      if (budget - evaluations.length - pending.size <= 0) throw new Error('NAS budget exhausted');
      pending.set(key, { config, proposer });
    },
    tell(config, cost) {
      const key = configKey(config);
      const entry = pending.get(key);
      if (!entry) throw new Error(evaluated.has(key) ? `NAS candidate ${key} was told twice` : `NAS candidate ${key} was never asked`);
      if (!Number.isFinite(cost)) throw new Error(`NAS candidate ${key}: cost must be finite, got ${cost}`);
      pending.delete(key);
      evaluated.add(key);
      const evaluation = { config: entry.config, cost, proposer: entry.proposer };
      evaluations.push(evaluation);
      return evaluation;
    },
  };
}

const SAMPLE_TRIES = 256;

/**
 * A uniform sample (space.ts `sampleConfig`) not yet taken: up to 256 draws, then a uniform pick among the untaken
 * configurations of the enumerated space (only reached when the space is nearly exhausted). Null when all are taken.
 */
export function sampleUntaken(rng: Rng, space: NasSpaceOptions, ledger: SearchLedger): NasConfig | null {
  for (let i = 0; i < SAMPLE_TRIES; i++) {
    const config = sampleConfig(rng, space);
    if (!ledger.isTaken(configKey(config))) return config;
  }
  const free: NasConfig[] = [];
  for (const config of enumerateSpace(space)) if (!ledger.isTaken(configKey(config))) free.push(config);
  return free.length > 0 ? free[rng.int(free.length)] : null;
}
