/**
 * The bookkeeping every NAS search shares (SMAC, random search, enumeration): the budget, the candidates handed out
 * and not yet told (pending), the evaluations, and the rule that no configuration is handed out twice (B.3: the lab's
 * seeded training is deterministic, so one evaluation per configuration suffices, 'interpretation').
 */
import type { Rng } from '../rng';
import { configKey, countConfigurations, enumerateSpace, type NasSpaceOptions, sampleConfig } from './space';
import type { NasAsk, NasConfig, NasEvaluation, NasProposer, NasSearch } from './types';

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

/**
 * The ask/tell interface (types.ts NasSearch) over a ledger: ask(q) takes up to q candidates from `next`, one after
 * another (so each sees the ones handed out before it), and hands each out; tell records the cost. Every search (SMAC,
 * random search, the enumeration) is this with its own `next`; `extra` adds a search's own read-outs (getters kept).
 */
export function createLedgerSearch<Extra extends object = Record<never, never>>(ledger: SearchLedger, next: () => NasAsk | null, extra?: Extra): NasSearch & Extra {
  const search: NasSearch = {
    budget: ledger.budget,
    evaluations: ledger.evaluations,
    get pendingCount() {
      return ledger.pending.size;
    },
    get remaining() {
      return ledger.remaining();
    },
    ask(q = 1) {
      const out: NasAsk[] = [];
      const count = Math.max(0, Math.min(Math.round(q), ledger.remaining()));
      for (let i = 0; i < count; i++) {
        const ask = next();
        if (!ask) break;
        ledger.hand(ask.config, ask.proposer);
        out.push(ask);
      }
      return out;
    },
    tell: (config, cost) => {
      ledger.tell(config, cost);
    },
  };
  return Object.defineProperties(search, Object.getOwnPropertyDescriptors(extra ?? {})) as NasSearch & Extra;
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
