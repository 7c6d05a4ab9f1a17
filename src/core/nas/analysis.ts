/**
 * What a NAS run's records show (the view, the CLI and the Paper view read these): each search's Pareto set S_pare
 * over (P_acc ↑, energy reduction ↑) built from every evaluation (reference B.5), its 2-D hypervolume with reference
 * point (0, 0), the best-so-far f_perf and hypervolume after each evaluation, the three online picks (Table 1, eq. 6),
 * the per-round timing of Table 3, and the exports.
 *
 * Splits: histories are what the search saw (validation P_acc, f_perf as told); the front, its hypervolume and the
 * picks are reported on the held-out test split by default (reference D.2.3), with the validation split offered.
 */
import { hypervolume2d, nonDominated } from './pareto';
import { selectOnline, type NasSelection, type NasSelectionMode } from './select';
import { describeConfig } from './space';
import type { NasRecord, NasSearchId } from './run';
import { NAS_SEARCH_IDS } from './run';

export type NasSplit = 'validation' | 'test';

export const NAS_SPLIT_LABELS: Readonly<Record<NasSplit, string>> = {
  validation: 'validation split (what the search saw)',
  test: 'held-out test split (reported)',
};

/** P_acc of a record on a split. */
export function readAccuracy(record: NasRecord, split: NasSplit): number {
  return split === 'validation' ? record.measure.valAccuracy : record.measure.testAccuracy;
}

/**
 * Speedup and energy reduction of a record on a split: a lone approximator's do not depend on the inputs; an
 * AXNet-NAS candidate's do (the predicted invocation f of the split's inputs), so its test split reads
 * `invocation.test`. (The view's front keeps the measure's validation ratios, what the search saw.)
 */
export function readRatios(record: NasRecord, split: NasSplit): { speedup: number; energyReduction: number } {
  const invocation = record.measure.invocation;
  if (invocation) return split === 'validation' ? invocation.validation : invocation.test;
  return { speedup: record.measure.speedup, energyReduction: record.measure.energyReduction };
}

/** Distinct configurations of one search (a search never repeats one, but its records are filtered by search). */
export function recordsOf(records: readonly NasRecord[], search: NasSearchId): NasRecord[] {
  return records.filter((r) => r.search === search);
}

/** Indices into `records` of the non-dominated ones over (P_acc, energy reduction) on `split` (ties kept). */
export function computeFront(records: readonly NasRecord[], split: NasSplit): number[] {
  const points = records.map((r) => [readAccuracy(r, split), r.measure.energyReduction]);
  return nonDominated(points, 2);
}

/** 2-D hypervolume of the records' (P_acc, energy reduction) on `split`, reference (0, 0). */
export function computeHypervolume(records: readonly NasRecord[], split: NasSplit): number {
  return hypervolume2d(
    records.map((r) => [readAccuracy(r, split), r.measure.energyReduction]),
    [0, 0],
  );
}

export interface NasSearchHistory {
  search: NasSearchId;
  /** After evaluation n (index n − 1): the best f_perf told so far. */
  bestFperf: number[];
  /** After evaluation n: the hypervolume of the first n evaluations on the validation split. */
  hypervolume: number[];
}

/** Best-so-far f_perf and hypervolume after every evaluation, per search (what the search saw: validation). */
export function computeHistories(records: readonly NasRecord[]): NasSearchHistory[] {
  return NAS_SEARCH_IDS.map((search) => {
    const own = recordsOf(records, search);
    const bestFperf: number[] = [];
    const hypervolume: number[] = [];
    let best = Number.NEGATIVE_INFINITY;
    // Incremental 2-D hypervolume: recomputed on the running front (small: a front of n points is O(n log n)).
    let front: number[][] = [];
    for (const record of own) {
      best = Math.max(best, record.fperf);
      bestFperf.push(best);
      front = [...front, [record.measure.valAccuracy, record.measure.energyReduction]];
      const keep = nonDominated(front, 2);
      front = keep.map((i) => front[i]);
      hypervolume.push(hypervolume2d(front, [0, 0]));
    }
    return { search, bestFperf, hypervolume };
  }).filter((history) => history.bestFperf.length > 0);
}

export interface NasConstraints {
  cAcc: number;
  cEnergy: number;
  cSpeed?: number;
  theta: number;
}

export interface NasPick {
  mode: NasSelectionMode;
  /** Index into the records given (null when no front point is feasible). */
  record: number | null;
  reason: string;
}

/** The three modes' picks from the front of `records` on `split` (indices into `records`). */
export function computePicks(records: readonly NasRecord[], split: NasSplit, constraints: NasConstraints): NasPick[] {
  const front = computeFront(records, split);
  const points = front.map((i) => ({ accuracy: readAccuracy(records[i], split), energyReduction: records[i].measure.energyReduction, speedup: records[i].measure.speedup }));
  return (['quality', 'energy', 'integrated'] as const).map((mode) => {
    const selection: NasSelection = selectOnline(points, { mode, cAcc: constraints.cAcc, cEnergy: constraints.cEnergy, cSpeed: constraints.cSpeed, theta: constraints.theta });
    return { mode, record: selection.pick === null ? null : front[selection.pick], reason: selection.reason };
  });
}

/** Whether a record meets the accuracy and energy constraints (and speed, when set) on `split`: drawn in colour, else grey. */
export function isFeasible(record: NasRecord, split: NasSplit, constraints: Pick<NasConstraints, 'cAcc' | 'cEnergy' | 'cSpeed'>): boolean {
  return (
    readAccuracy(record, split) >= constraints.cAcc &&
    record.measure.energyReduction >= constraints.cEnergy &&
    (constraints.cSpeed === undefined || record.measure.speedup >= constraints.cSpeed)
  );
}

export interface NasSearchSummary {
  search: NasSearchId;
  evaluations: number;
  bestFperf: number;
  /** The configuration of the best f_perf. */
  best: NasRecord | null;
  bestTestAccuracy: number;
  frontSize: number;
  hypervolume: number;
  /** Best energy reduction and speedup among evaluations with test P_acc ≥ cAcc (Fig. 5), null if none. */
  energyAtAccuracy: number | null;
  speedupAtAccuracy: number | null;
}

/** One line per search: the numbers the note and Fig. 4b/5 compare. */
export function summarizeSearches(records: readonly NasRecord[], split: NasSplit, cAcc: number): NasSearchSummary[] {
  return NAS_SEARCH_IDS.map((search) => {
    const own = recordsOf(records, search);
    let best: NasRecord | null = null;
    for (const r of own) if (!best || r.fperf > best.fperf) best = r;
    const feasible = own.filter((r) => readAccuracy(r, split) >= cAcc);
    return {
      search,
      evaluations: own.length,
      bestFperf: best ? best.fperf : Number.NaN,
      best,
      bestTestAccuracy: own.length ? Math.max(...own.map((r) => readAccuracy(r, split))) : Number.NaN,
      frontSize: computeFront(own, split).length,
      hypervolume: computeHypervolume(own, split),
      energyAtAccuracy: feasible.length ? Math.max(...feasible.map((r) => r.measure.energyReduction)) : null,
      speedupAtAccuracy: feasible.length ? Math.max(...feasible.map((r) => r.measure.speedup)) : null,
    };
  }).filter((s) => s.evaluations > 0);
}

export interface NasRoundTiming {
  round: number;
  candidates: number;
  /** Σ training (and scoring) ms of the round's newly measured candidates. */
  trainMs: number;
  hardwareMs: number;
  /** Σ SMAC (or baseline) search ms of the round's asks. */
  searchMs: number;
}

/** Table 3's columns per round (reused measures cost nothing again). */
export function computeRoundTimings(records: readonly NasRecord[]): NasRoundTiming[] {
  const rounds = new Map<number, NasRoundTiming>();
  for (const r of records) {
    const row = rounds.get(r.round) ?? { round: r.round, candidates: 0, trainMs: 0, hardwareMs: 0, searchMs: 0 };
    row.searchMs += r.searchMs;
    if (!r.reused) {
      row.candidates++;
      row.trainMs += r.measure.trainMs;
      row.hardwareMs += r.measure.hardwareMs;
    }
    rounds.set(r.round, row);
  }
  return [...rounds.values()].sort((a, b) => a.round - b.round);
}

/** Names of `encode`'s columns (space.ts): L, then width and activation per possible layer; then L_p and the predictor widths (AXNet-NAS). */
export function listEncodedFeatureNames(maxHiddenLayers: number, predictorMaxHiddenLayers = 0): string[] {
  const names = ['L (hidden layers)'];
  for (let i = 1; i <= maxHiddenLayers; i++) names.push(`n${i} (width)`, `A${i} (activation)`);
  if (predictorMaxHiddenLayers > 0) names.push('L_p (predictor layers)');
  for (let i = 1; i <= predictorMaxHiddenLayers; i++) names.push(`p${i} (predictor width)`);
  return names;
}

const CSV_COLUMNS = [
  'index',
  'search',
  'evaluation',
  'round',
  'proposer',
  'topology',
  'hidden_layers',
  'n1',
  'a1',
  'n2',
  'a2',
  'predictor',
  'val_accuracy',
  'test_accuracy',
  'speedup',
  'energy_reduction',
  'fperf',
  'final_mse',
  'ei',
  'mu',
  'sigma',
  'train_ms',
  'hardware_ms',
  'search_ms',
  'reused',
  'diverged',
] as const;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per evaluation; inactive parameters (n2, a2 of a one-layer net) are "n/a", never dropped. */
export function formatRecordsCsv(records: readonly NasRecord[]): string {
  const rows = records.map((r) => {
    const layer = (i: number) => r.config.layers[i];
    return [
      r.index,
      r.search,
      r.evaluation,
      r.round,
      r.proposer,
      describeConfig(r.config),
      r.config.layers.length,
      layer(0)?.width ?? 'n/a',
      layer(0)?.activation ?? 'n/a',
      layer(1)?.width ?? 'n/a',
      layer(1)?.activation ?? 'n/a',
      r.config.predictor ? r.config.predictor.join('-') : 'n/a',
      r.measure.valAccuracy,
      r.measure.testAccuracy,
      r.measure.speedup,
      r.measure.energyReduction,
      r.fperf,
      r.measure.finalMse,
      r.ei,
      r.mu,
      r.sigma,
      r.measure.trainMs,
      r.measure.hardwareMs,
      r.searchMs,
      r.reused,
      r.measure.diverged ?? '',
    ]
      .map(csvCell)
      .join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}

export interface NasRunJson {
  evaluations: {
    index: number;
    search: NasSearchId;
    proposer: string;
    /** predictor: the predictor's hidden widths (AXNet-NAS); absent for a lone approximator. */
    configuration: { layers: { width: number; activation: string }[]; predictor?: number[] };
    topology: string;
    valAccuracy: number;
    testAccuracy: number;
    energyReduction: number;
    speedup: number;
    fperf: number;
    timings: { trainMs: number; hardwareMs: number; searchMs: number };
  }[];
  /** Per search: its front as indices into `evaluations` (on the test split). */
  fronts: Record<string, number[]>;
  /** Per search: each mode's pick (an index into `evaluations`, or null with the reason). */
  picks: Record<string, { mode: NasSelectionMode; pick: number | null; reason: string }[]>;
}

/** Every evaluation, each search's front and picks, as JSON-ready data (the CLI's --json, the view's export). */
export function buildRunJson(records: readonly NasRecord[], constraints: NasConstraints, split: NasSplit = 'test'): NasRunJson {
  const fronts: NasRunJson['fronts'] = {};
  const picks: NasRunJson['picks'] = {};
  for (const search of NAS_SEARCH_IDS) {
    const own = recordsOf(records, search);
    if (own.length === 0) continue;
    fronts[search] = computeFront(own, split).map((i) => own[i].index);
    picks[search] = computePicks(own, split, constraints).map((p) => ({ mode: p.mode, pick: p.record === null ? null : own[p.record].index, reason: p.reason }));
  }
  return {
    evaluations: records.map((r) => ({
      index: r.index,
      search: r.search,
      proposer: r.proposer,
      configuration: {
        layers: r.config.layers.map((l) => ({ width: l.width, activation: l.activation })),
        ...(r.config.predictor ? { predictor: [...r.config.predictor] } : {}),
      },
      topology: describeConfig(r.config),
      valAccuracy: r.measure.valAccuracy,
      testAccuracy: r.measure.testAccuracy,
      energyReduction: r.measure.energyReduction,
      speedup: r.measure.speedup,
      fperf: r.fperf,
      timings: { trainMs: r.measure.trainMs, hardwareMs: r.measure.hardwareMs, searchMs: r.searchMs },
    })),
    fronts,
    picks,
  };
}
