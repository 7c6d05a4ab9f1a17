/**
 * One NAS run as the lab runs it (issue 10): SMAC, random search and the MICRO'12 enumeration at the same budget,
 * side by side, in rounds. Each round every search that still has budget asks for up to q candidates; the union of
 * the candidates not measured before trains as one batch (a candidate two searches propose is trained once: the
 * lab's training is seeded by (seed, configuration), so its numbers do not depend on who asked, 'interpretation' of
 * SMAC3's one call per deterministic configuration, B.3); then every search is told its costs c = −f_perf.
 *
 * What a search sees: f_perf of eq. 4 with P_acc of eq. 5 on the VALIDATION split. What the report shows (front,
 * picks, Fig. 4b/5): P_acc on the held-out TEST split (reference D.2.3; the paper does not separate them, 'interpretation').
 * Pure: the caller hands in `measure` (training plus the hardware model), so the driver runs in a worker, in the
 * CLI and in tests with a synthetic objective alike.
 */
import { computeFperf, type NasNormalization, type NasObjectiveScale, type NasWeights } from './objective';
import { configKey } from './space';
import type { NasAsk, NasConfig, NasProposer, NasSearch } from './types';

export const NAS_SEARCH_IDS = ['smac', 'random', 'enumeration'] as const;
export type NasSearchId = (typeof NAS_SEARCH_IDS)[number];

export const NAS_SEARCH_LABELS: Readonly<Record<NasSearchId, string>> = {
  smac: 'SMAC (RF + EI)',
  random: 'random search',
  enumeration: 'enumeration (MICRO’12)',
};

/** What measuring one candidate gives: accuracies on both splits, the NPU ratios, and the time of each part. */
export interface NasMeasure {
  /** P_acc on the validation split (eq. 5): what the search optimizes. */
  valAccuracy: number;
  /** P_acc on the held-out test split: what the front, the picks and the figures report. */
  testAccuracy: number;
  /** t_CPU / t_NPU per invocation (the lone approximator on the NPU model, src/core/npu). */
  speedup: number;
  /** E_CPU / E_NPU per invocation. */
  energyReduction: number;
  /** Training MSE at the end (mean of the last steps), for the table. */
  finalMse: number;
  /** Wall time of this candidate's share of its batch's training and validation, ms (Table 3, first column). */
  trainMs: number;
  /** Wall time of its hardware simulation, ms (Table 3, second column). */
  hardwareMs: number;
  /** Set when its training diverged (its accuracies are then those of the last finite weights, or 0). */
  diverged?: string;
  /**
   * AXNet-NAS (a candidate with a predictor, src/ml/nas/axnetMeasure.ts): the invocations and the whole system's
   * cost on each split. valAccuracy / testAccuracy are then invokedWithinBound, speedup / energyReduction the
   * validation split's.
   */
  invocation?: { validation: NasInvocationSplit; test: NasInvocationSplit };
}

/** One split of an AXNet-NAS measure (fractions of the split's inputs; ratios against the CPU running everything). */
export interface NasInvocationSplit {
  /** Sent to the approximator AND within the bound (computeInvocationMetrics' predictionAccuracy): the accuracy axis. */
  invokedWithinBound: number;
  /** Within the bound, whatever the predictor says (the AXNet paper's §V "true invocation"; the lab's trueInvocation). */
  withinBound: number;
  /** Sent to the approximator (predicted invocation f). */
  predicted: number;
  /** E_cpu-only / (f · E_npu-path + (1 − f) · E_cpu-path). */
  energyReduction: number;
  /** t_cpu-only / (f · t_npu-path + (1 − f) · t_cpu-path). */
  speedup: number;
}

/** One evaluation of one search, in the order told. */
export interface NasRecord {
  /** Position in the run (over all searches). */
  index: number;
  search: NasSearchId;
  /** Its search's evaluation count after this one (1-based): the x of the history plots. */
  evaluation: number;
  round: number;
  config: NasConfig;
  key: string;
  proposer: NasProposer;
  /** SMAC's acquisition of the pick (null elsewhere). */
  ei: number | null;
  mu: number | null;
  sigma: number | null;
  /** Time the search spent choosing it, ms (Table 3, third column). */
  searchMs: number;
  /** Whether its measure came from an earlier evaluation of the same configuration (by another search). */
  reused: boolean;
  measure: NasMeasure;
  /** f_perf (eq. 4) on the validation split, as the search was told it (cost = −fperf). */
  fperf: number;
}

export interface NasObjective {
  weights: NasWeights;
  normalization: NasNormalization;
  /** The 'max' normalization's scale (largest ratios over the space); ignored by the others. */
  scale: NasObjectiveScale;
}

/** f_perf (eq. 4) of a measure on one split. */
export function scoreMeasure(measure: NasMeasure, objective: NasObjective, split: 'validation' | 'test' = 'validation'): number {
  const accuracy = split === 'validation' ? measure.valAccuracy : measure.testAccuracy;
  return computeFperf({ accuracy, speedup: measure.speedup, energyReduction: measure.energyReduction }, objective.weights, objective.normalization, objective.scale);
}

export interface DriveOptions {
  searches: readonly { id: NasSearchId; search: NasSearch }[];
  /** Candidates each search asks for per round (q = 1: SMAC's sequential loop). */
  batch: number;
  objective: NasObjective;
  /**
   * Measures the given candidates (new keys only); resolves with one measure per candidate, same order, or with null
   * when a stop interrupted it (the round's candidates are then measured again on resume, never asked again).
   */
  measure(configs: readonly NasConfig[]): Promise<NasMeasure[] | null>;
  /** Called after every round with that round's records (in the order told). */
  onRound?(records: readonly NasRecord[], round: number): void;
  /** Asked before each round; true ends the run (pause keeps the state: call driveNasRun again with the same state). */
  shouldStop?(): boolean;
}

type RoundAsk = { id: NasSearchId; search: NasSearch; ask: NasAsk };

/** The state of a run between rounds, so that a paused run goes on where it stopped. */
export interface NasRunState {
  records: NasRecord[];
  round: number;
  /** Measures by configuration key. */
  measured: Map<string, NasMeasure>;
  /** The asks of a round a stop interrupted: measured first on resume (they are pending in their searches). */
  interrupted: RoundAsk[] | null;
}

export function createNasRunState(): NasRunState {
  return { records: [], round: 0, measured: new Map(), interrupted: null };
}

/**
 * The measures of a run's told records by configuration key: the `measured` of fresh searches that continue the run
 * (after a fault). driveNasRun then replays it: each search asks what it asked before (its seeded stream and its tells
 * are the same), every asked candidate's measure is already here (none is trained), and each is told the same f_perf,
 * so the searches reach the state they had after the last of these records and go on as an uninterrupted run would.
 */
export function replayNasMeasures(records: readonly NasRecord[]): Map<string, NasMeasure> {
  const measured = new Map<string, NasMeasure>();
  for (const record of records) measured.set(record.key, record.measure);
  return measured;
}

/** The first position where a replay's records differ from the run's (search, candidate or f_perf), or null. */
export function findReplayMismatch(replayed: readonly NasRecord[], original: readonly NasRecord[]): number | null {
  const n = Math.min(replayed.length, original.length);
  for (let i = 0; i < n; i++) {
    const a = replayed[i];
    const b = original[i];
    if (a.search !== b.search || a.key !== b.key || a.fperf !== b.fperf) return i;
  }
  return null;
}

/** Whether every search has spent its budget (nothing pending). */
export function isNasRunDone(searches: DriveOptions['searches'], state: NasRunState): boolean {
  return state.interrupted === null && searches.every(({ search }) => search.remaining <= 0 && search.pendingCount === 0);
}

/**
 * Runs rounds until every budget is spent or `shouldStop` says so; returns the state. A search whose ask returns
 * nothing while budget remains (its space exhausted) is done.
 */
export async function driveNasRun(options: DriveOptions, state: NasRunState = createNasRunState()): Promise<NasRunState> {
  const exhausted = new Set<NasSearchId>();
  for (;;) {
    if (options.shouldStop?.()) return state;
    const asks: RoundAsk[] = state.interrupted ?? [];
    state.interrupted = null;
    if (asks.length === 0) {
      for (const { id, search } of options.searches) {
        if (exhausted.has(id) || search.remaining <= 0) continue;
        const batch = search.ask(options.batch);
        if (batch.length === 0) exhausted.add(id);
        for (const ask of batch) asks.push({ id, search, ask });
      }
    }
    if (asks.length === 0) return state;
    const fresh: NasConfig[] = [];
    const freshKeys = new Set<string>();
    for (const { ask } of asks) {
      const key = configKey(ask.config);
      if (!state.measured.has(key) && !freshKeys.has(key)) {
        freshKeys.add(key);
        fresh.push(ask.config);
      }
    }
    const measures = fresh.length > 0 ? await options.measure(fresh) : [];
    if (measures === null) {
      state.interrupted = asks;
      return state;
    }
    if (measures.length !== fresh.length) throw new Error(`NAS: measure returned ${measures.length} results for ${fresh.length} candidates`);
    fresh.forEach((config, i) => state.measured.set(configKey(config), measures[i]));
    state.round++;
    const roundRecords: NasRecord[] = [];
    const counts = new Map<NasSearchId, number>();
    for (const record of state.records) counts.set(record.search, (counts.get(record.search) ?? 0) + 1);
    for (const { id, search, ask } of asks) {
      const key = configKey(ask.config);
      const measure = state.measured.get(key) as NasMeasure;
      const fperf = scoreMeasure(measure, options.objective);
      // A diverged or unscorable candidate is told the worst finite cost the objective can give (accuracy 0).
      const told = Number.isFinite(fperf) ? fperf : 0;
      search.tell(ask.config, -told);
      const evaluation = (counts.get(id) ?? 0) + 1;
      counts.set(id, evaluation);
      const record: NasRecord = {
        index: state.records.length,
        search: id,
        evaluation,
        round: state.round,
        config: ask.config,
        key,
        proposer: ask.proposer,
        ei: ask.ei,
        mu: ask.mu,
        sigma: ask.sigma,
        searchMs: ask.searchMs,
        reused: !freshKeys.has(key) || roundRecords.some((r) => r.key === key),
        measure,
        fperf: told,
      };
      state.records.push(record);
      roundRecords.push(record);
    }
    options.onRound?.(roundRecords, state.round);
  }
}
