/**
 * The NAS study (Chen et al., DATE'20 §IV; reference B.9): the runs behind Fig. 3 (enumeration vs the accuracy-
 * focused and the trade-off search on blackscholes), Fig. 4a/4b (online selection with energy ≥ 2.5× and accuracy
 * ≥ 90%; the fronts, beside the paper's 93.7% vs 90.3% best accuracy) and Fig. 5 (speedup and energy reduction per
 * benchmark and error-bound group, NAS against the enumeration, beside 1.43× and 1.74×), plus SMAC against random
 * search and the enumeration over seeds (regret, hypervolume). Each unit is one NAS run (run.ts: the three searches
 * at one budget); the plan, the results and the report are pure, so the CLI (`axlab reproduce --paper nas`) and
 * a browser runner share them.
 *
 * AXNet-NAS (issue 10 §5, no figure of the paper): the same three searches over AXNet's approximator and predictor
 * topologies together, and over onepass's and iterative's, at one budget per benchmark; compared on the inputs
 * approximated within the bound ("safe & approximated"), the whole system's energy reduction and speedup.
 *
 * Averages (reference B.9's arithmetic note): the paper's 1.43× matches the ratio of its group means of speedup, but
 * its 1.74× matches neither that (1.69×) nor anything printed; the report gives both the geometric mean of the
 * per-unit ratios and the ratio of the means, and says which is which.
 */
import { computeFront, computeHypervolume, computePicks, readAccuracy, readRatios, recordsOf, type NasConstraints, type NasPick } from './analysis';
import { createNasRunConfig, type NasBoundGroup, type NasMethod, type NasRunConfig, type NasWeightChoice } from './config';
import { hypervolume2d, nonDominated } from './pareto';
import { NAS_STUDY_DIFFERENCES } from './texts';
import { NAS_SEARCH_IDS, type NasRecord, type NasSearchId } from './run';
import type { NasWeightPresetId } from './objective';
import type { NasActivation, NasConfig } from './types';
import type { LanguageId } from '../language';
import { formatMessage, message, type Message, type MessageId } from '../messages';
import type { TargetId } from '../targets/types';
import type { BarChartData, XYChartData } from '../study/figures';
import { renderBarChart, renderScatterChart } from '../study/svg';

export interface NasStudyUnit {
  /** Stable id (the cache key), e.g. 'fig3-blackscholes-g1-tradeoff-s1-b56-st2000'. */
  key: string;
  role: 'fig3' | 'fig5' | 'axnet';
  config: NasRunConfig;
}

export interface NasStudyPlan {
  quick: boolean;
  units: NasStudyUnit[];
  /** Fig. 5's accuracy threshold (the paper: 90%, "limit the quality loss to 10%"). */
  accuracyThreshold: number;
  /** Fig. 4a's constraints. */
  constraints: NasConstraints;
}

/** Fig. 5's benchmarks: the paper's seven; quick: three whose bounds the lab's nets reach (measured, README). */
export const NAS_STUDY_TARGETS: readonly TargetId[] = ['blackscholes', 'fft', 'inversek2j', 'jpeg', 'kmeans', 'sobel', 'jmeint'];
export const NAS_QUICK_TARGETS: readonly TargetId[] = ['jpeg', 'kmeans', 'inversek2j'];
/** AXNet-NAS against its baselines: the methods searched with a predictor, each at the same budget. */
export const NAS_AXNET_METHODS: readonly Exclude<NasMethod, 'lone'>[] = ['axnet', 'onepass', 'iterative'];
/** Their benchmarks: full, the quick Fig. 5's three; quick, kmeans alone (a small net the lab's AXNet reaches, measured). */
export const NAS_AXNET_TARGETS: readonly TargetId[] = NAS_QUICK_TARGETS;
export const NAS_AXNET_QUICK_TARGETS: readonly TargetId[] = ['kmeans'];

export function formatNasUnitKey(
  role: NasStudyUnit['role'],
  config: Pick<NasRunConfig, 'target' | 'method' | 'boundGroup' | 'weights' | 'seed' | 'budget' | 'stepsPerCandidate' | 'maxWidth'>,
): string {
  // A lone search's key has no method (the keys of caches written before AXNet-NAS stay valid).
  return `${role}-${config.target}${config.method === 'lone' ? '' : `-${config.method}`}-g${config.boundGroup}-${config.weights}-s${config.seed}-b${config.budget}-st${config.stepsPerCandidate}-w${config.maxWidth}`;
}

export interface NasStudyOptions {
  quick?: boolean;
  /** Seeds of the Fig. 3/4 runs (default 3; quick 1). */
  seeds?: number;
  /** Whether to plan the AXNet-NAS comparison (default true). */
  axnet?: boolean;
}

/**
 * Full: Fig. 3/4 on blackscholes group 1 (the paper's bound 0.01), both weight presets, 3 seeds, budget 56 (the
 * enumeration's size), 2000 steps; Fig. 5 on the seven benchmarks × both groups, trade-off, seed 1. Quick: budget
 * 16, 600 steps, widths ≤ 64, one seed, Fig. 5 on three benchmarks × group 2 (reference B.9's scaled version).
 * AXNet-NAS: AXNet, onepass and iterative at one budget each, trade-off weights, seed 1, group 2; full on
 * NAS_AXNET_TARGETS at the paper's size, quick on kmeans with budget 8, 600 steps, approximator widths ≤ 32 (batch 4).
 */
export function buildNasStudyPlan(options: NasStudyOptions = {}): NasStudyPlan {
  const quick = options.quick ?? false;
  const seeds = Math.max(1, Math.min(10, Math.round(options.seeds ?? (quick ? 1 : 3))));
  const size = quick ? { budget: 16, stepsPerCandidate: 600, maxWidth: 64 } : { budget: 56, stepsPerCandidate: 2000, maxWidth: 128 };
  const axnetSize = quick ? { budget: 8, stepsPerCandidate: 600, maxWidth: 32, batch: 4 } : size;
  const make = (role: NasStudyUnit['role'], target: TargetId, boundGroup: NasBoundGroup, weights: NasWeightPresetId, seed: number, method: NasMethod = 'lone'): NasStudyUnit => {
    const config: NasRunConfig = { ...createNasRunConfig(target), ...(method === 'lone' ? size : axnetSize), boundGroup, weights, seed, method };
    return { key: formatNasUnitKey(role, config), role, config };
  };
  const units: NasStudyUnit[] = [];
  for (let seed = 1; seed <= seeds; seed++) for (const weights of ['accuracy', 'tradeoff'] as const) units.push(make('fig3', 'blackscholes', 1, weights, seed));
  for (const target of quick ? NAS_QUICK_TARGETS : NAS_STUDY_TARGETS)
    for (const group of quick ? ([2] as const) : ([1, 2] as const)) units.push(make('fig5', target, group, 'tradeoff', 1));
  if (options.axnet ?? true)
    for (const target of quick ? NAS_AXNET_QUICK_TARGETS : NAS_AXNET_TARGETS) for (const method of NAS_AXNET_METHODS) units.push(make('axnet', target, 2, 'tradeoff', 1, method));
  return { quick, units, accuracyThreshold: 0.9, constraints: { cAcc: 0.9, cEnergy: 2.5, theta: 0.5 } };
}

/** One finished unit: its records (every evaluation of every search) and wall time. */
export interface NasUnitRecord {
  key: string;
  records: NasRecord[];
  wallMs: number;
  backend: string;
}

export function isNasUnitRecord(value: unknown): value is NasUnitRecord {
  const v = value as NasUnitRecord | null;
  return !!v && typeof v === 'object' && typeof v.key === 'string' && Array.isArray(v.records) && typeof v.wallMs === 'number';
}

// ─── Words (studyMessages.ts): the tables and figures in the language on screen ────────────────────────────────

/** The methods' and searches' labels (English: config.ts NAS_METHOD_LABELS, run.ts NAS_SEARCH_LABELS). */
export const NAS_STUDY_METHOD_MESSAGES: Readonly<Record<NasMethod, MessageId>> = {
  lone: 'nasStudyMethodLone',
  axnet: 'nasStudyMethodAxnet',
  onepass: 'nasStudyMethodOnepass',
  iterative: 'nasStudyMethodIterative',
};
export const NAS_STUDY_SEARCH_MESSAGES: Readonly<Record<NasSearchId, MessageId>> = {
  smac: 'nasStudySearchSmac',
  random: 'nasStudySearchRandom',
  enumeration: 'nasStudySearchEnumeration',
};
const WEIGHTS_MESSAGES: Readonly<Record<NasWeightChoice, MessageId>> = {
  accuracy: 'nasStudyWeightsAccuracy',
  tradeoff: 'nasStudyWeightsTradeoff',
  custom: 'nasStudyWeightsCustom',
};
/** A hidden layer's width and activation: the last layer, or one followed by `next`. */
const UNITS_MESSAGES: Readonly<Record<NasActivation, { last: MessageId; followed: MessageId }>> = {
  relu: { last: 'nasStudyReluUnits', followed: 'nasStudyReluUnitsThen' },
  sigmoid: { last: 'nasStudySigmoidUnits', followed: 'nasStudySigmoidUnitsThen' },
  tanh: { last: 'nasStudyTanhUnits', followed: 'nasStudyTanhUnitsThen' },
};

const methodMessage = (method: NasMethod) => message(NAS_STUDY_METHOD_MESSAGES[method]);
const searchMessage = (search: NasSearchId) => message(NAS_STUDY_SEARCH_MESSAGES[search]);

/** A message of the study in `language`, as the figures' labels want it (plain text). */
const sayIn =
  (language: LanguageId) =>
  (id: MessageId, values?: Message['values']): string =>
    formatMessage(message(id, values), language);

// ─── What the figures read ─────────────────────────────────────────────────────────────────────────────────────

export interface SearchOutcome {
  search: NasSearchId;
  bestTestAccuracy: number;
  hypervolume: number;
  bestFperf: number;
  /** Among candidates with test P_acc ≥ τ: the largest energy reduction and speedup (null: none reached τ). */
  energyAtThreshold: number | null;
  speedupAtThreshold: number | null;
}

function outcomeOf(records: readonly NasRecord[], search: NasSearchId, threshold: number): SearchOutcome {
  const own = recordsOf(records, search);
  const feasible = own.filter((r) => r.measure.testAccuracy >= threshold);
  return {
    search,
    bestTestAccuracy: own.length ? Math.max(...own.map((r) => r.measure.testAccuracy)) : Number.NaN,
    hypervolume: computeHypervolume(own, 'test'),
    bestFperf: own.length ? Math.max(...own.map((r) => r.fperf)) : Number.NaN,
    energyAtThreshold: feasible.length ? Math.max(...feasible.map((r) => r.measure.energyReduction)) : null,
    speedupAtThreshold: feasible.length ? Math.max(...feasible.map((r) => r.measure.speedup)) : null,
  };
}

export interface Fig5Row {
  target: TargetId;
  group: NasBoundGroup;
  /** The threshold used: the paper's 90%, or (when neither search reaches it) the lower of their best accuracies. */
  threshold: number;
  /** Which search missed the paper's 90% (null: both reached it); results.json writes it in English. */
  thresholdNote: Message | null;
  nas: SearchOutcome;
  enumeration: SearchOutcome;
  speedupRatio: number | null;
  energyRatio: number | null;
}

/** Fig. 5 per unit: NAS (SMAC, trade-off) against the enumeration at the accuracy threshold. */
export function buildFig5Rows(plan: NasStudyPlan, records: Readonly<Record<string, NasUnitRecord>>): Fig5Row[] {
  const rows: Fig5Row[] = [];
  for (const unit of plan.units.filter((u) => u.role === 'fig5')) {
    const record = records[unit.key];
    if (!record) continue;
    let threshold = plan.accuracyThreshold;
    let note: Message | null = null;
    let nas = outcomeOf(record.records, 'smac', threshold);
    let enumeration = outcomeOf(record.records, 'enumeration', threshold);
    if (nas.energyAtThreshold === null || enumeration.energyAtThreshold === null) {
      const lower = Math.min(nas.bestTestAccuracy, enumeration.bestTestAccuracy);
      if (Number.isFinite(lower) && lower > 0) {
        const missed: MessageId =
          nas.energyAtThreshold === null ? (enumeration.energyAtThreshold === null ? 'nasStudyFig5NoteBoth' : 'nasStudyFig5NoteNas') : 'nasStudyFig5NoteEnumeration';
        note = message(missed, { threshold: `${(100 * plan.accuracyThreshold).toFixed(0)}%`, lower: `${(100 * lower).toFixed(1)}%` });
        threshold = lower;
        nas = outcomeOf(record.records, 'smac', threshold);
        enumeration = outcomeOf(record.records, 'enumeration', threshold);
      }
    }
    const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null);
    rows.push({
      target: unit.config.target,
      group: unit.config.boundGroup,
      threshold,
      thresholdNote: note,
      nas,
      enumeration,
      speedupRatio: ratio(nas.speedupAtThreshold, enumeration.speedupAtThreshold),
      energyRatio: ratio(nas.energyAtThreshold, enumeration.energyAtThreshold),
    });
  }
  return rows;
}

/** Geometric mean of the finite positive values (null when none). */
export function geometricMean(values: readonly (number | null)[]): number | null {
  const ok = values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  return ok.length ? Math.exp(ok.reduce((s, v) => s + Math.log(v), 0) / ok.length) : null;
}

/** Ratio of the arithmetic means of a and b over the rows where both exist (the paper's group-mean reading). */
export function ratioOfMeans(pairs: readonly [number | null, number | null][]): number | null {
  const ok = pairs.filter((p): p is [number, number] => p[0] !== null && p[1] !== null);
  if (ok.length === 0) return null;
  const a = ok.reduce((s, p) => s + p[0], 0) / ok.length;
  const b = ok.reduce((s, p) => s + p[1], 0) / ok.length;
  return b > 0 ? a / b : null;
}

export interface SeedComparisonRow {
  unit: string;
  seed: number;
  weights: NasWeightChoice;
  /** Best f_perf found by any search in this unit (the reference for regret: the true optimum is unknown). */
  bestAny: number;
  regret: Record<NasSearchId, number>;
  hypervolume: Record<NasSearchId, number>;
}

/** SMAC against random search and the enumeration per Fig. 3 unit: regret to the best any search found, and HV. */
export function buildSeedComparison(plan: NasStudyPlan, records: Readonly<Record<string, NasUnitRecord>>): SeedComparisonRow[] {
  return plan.units
    .filter((u) => u.role === 'fig3' && records[u.key])
    .map((unit) => {
      const all = records[unit.key].records;
      const bestAny = Math.max(...all.map((r) => r.fperf));
      const best = (s: NasSearchId) => Math.max(...recordsOf(all, s).map((r) => r.fperf));
      const ids = ['smac', 'random', 'enumeration'] as const;
      return {
        unit: unit.key,
        seed: unit.config.seed,
        weights: unit.config.weights,
        bestAny,
        regret: Object.fromEntries(ids.map((s) => [s, bestAny - best(s)])) as Record<NasSearchId, number>,
        hypervolume: Object.fromEntries(ids.map((s) => [s, computeHypervolume(recordsOf(all, s), 'test')])) as Record<NasSearchId, number>,
      };
    });
}

/** One search of one AXNet-NAS unit (a method at a benchmark and bound): what the comparison table reads. */
export interface AxnetSearchOutcome {
  method: Exclude<NasMethod, 'lone'>;
  search: NasSearchId;
  /** Distinct candidates it evaluated. */
  candidates: number;
  /** Best "safe & approximated" fraction (sent to the approximator and within the bound), test split. */
  bestAccuracy: number;
  /** Best fraction within the bound whatever the predictor says (§V true invocation), test split; NaN if unmeasured. */
  bestWithinBound: number;
  bestFperf: number;
  /** Hypervolume over (safe & approximated, energy reduction) on the test split, reference (0, 0). */
  hypervolume: number;
  /** Among its candidates with accuracy ≥ the group's threshold: the largest energy reduction and speedup (test split). */
  energyAtThreshold: number | null;
  speedupAtThreshold: number | null;
}

export interface AxnetComparisonGroup {
  target: TargetId;
  group: NasBoundGroup;
  budget: number;
  /**
   * The accuracy at which every row is compared: the paper's 90% (Fig. 5's threshold), or, where some search of some
   * method never reached it, the lowest best accuracy of all rows (an accuracy every search reached).
   */
  threshold: number;
  thresholdNote: Message | null;
  /** One per method present × search, in NAS_AXNET_METHODS × NAS_SEARCH order. */
  outcomes: AxnetSearchOutcome[];
  /** AXNet's SMAC over each baseline's SMAC at the threshold (null where one has no candidate there). */
  smacRatios: { baseline: Exclude<NasMethod, 'lone' | 'axnet'>; energy: number | null; speedup: number | null }[];
}

function axnetOutcome(records: readonly NasRecord[], method: Exclude<NasMethod, 'lone'>, search: NasSearchId, threshold: number): AxnetSearchOutcome {
  const own = recordsOf(records, search);
  const feasible = own.filter((r) => r.measure.testAccuracy >= threshold);
  const best = (values: number[]) => (values.length ? Math.max(...values) : Number.NaN);
  const withinBound = own.map((r) => r.measure.invocation?.test.withinBound).filter((v): v is number => v !== undefined);
  return {
    method,
    search,
    candidates: new Set(own.map((r) => r.key)).size,
    bestAccuracy: best(own.map((r) => r.measure.testAccuracy)),
    bestWithinBound: best(withinBound),
    bestFperf: best(own.map((r) => r.fperf)),
    hypervolume: hypervolume2d(
      own.map((r) => [r.measure.testAccuracy, readRatios(r, 'test').energyReduction]),
      [0, 0],
    ),
    energyAtThreshold: feasible.length ? Math.max(...feasible.map((r) => readRatios(r, 'test').energyReduction)) : null,
    speedupAtThreshold: feasible.length ? Math.max(...feasible.map((r) => readRatios(r, 'test').speedup)) : null,
  };
}

/** AXNet-NAS against onepass-NAS and iterative-NAS: per benchmark and bound, every method × search at one threshold. */
export function buildAxnetComparison(plan: NasStudyPlan, records: Readonly<Record<string, NasUnitRecord>>): AxnetComparisonGroup[] {
  const groups = new Map<string, NasStudyUnit[]>();
  for (const unit of plan.units.filter((u) => u.role === 'axnet' && records[u.key])) {
    const id = `${unit.config.target}|${unit.config.boundGroup}`;
    groups.set(id, [...(groups.get(id) ?? []), unit]);
  }
  const out: AxnetComparisonGroup[] = [];
  for (const units of groups.values()) {
    const methods = NAS_AXNET_METHODS.filter((m) => units.some((u) => u.config.method === m));
    const recordsOfMethod = (m: NasMethod) => records[units.find((u) => u.config.method === m)?.key ?? '']?.records ?? [];
    const bests = methods.flatMap((m) => NAS_SEARCH_IDS.map((s) => axnetOutcome(recordsOfMethod(m), m, s, 0).bestAccuracy)).filter(Number.isFinite);
    const lowest = bests.length ? Math.min(...bests) : 0;
    const threshold = Math.min(plan.accuracyThreshold, lowest);
    const note =
      threshold < plan.accuracyThreshold
        ? message('nasStudyAxnetNote', { threshold: `${(100 * plan.accuracyThreshold).toFixed(0)}%`, lower: `${(100 * threshold).toFixed(1)}%` })
        : null;
    const outcomes = methods.flatMap((m) => NAS_SEARCH_IDS.map((s) => axnetOutcome(recordsOfMethod(m), m, s, threshold)));
    const smac = (m: NasMethod) => outcomes.find((o) => o.method === m && o.search === 'smac');
    const ratio = (a: number | null | undefined, b: number | null | undefined) => (a != null && b != null && b > 0 ? a / b : null);
    const axnet = smac('axnet');
    out.push({
      target: units[0].config.target,
      group: units[0].config.boundGroup,
      budget: units[0].config.budget,
      threshold,
      thresholdNote: note,
      outcomes,
      smacRatios: axnet
        ? (['onepass', 'iterative'] as const)
            .filter((b) => smac(b))
            .map((baseline) => ({
              baseline,
              energy: ratio(axnet.energyAtThreshold, smac(baseline)?.energyAtThreshold),
              speedup: ratio(axnet.speedupAtThreshold, smac(baseline)?.speedupAtThreshold),
            }))
        : [],
    });
  }
  return out;
}

/** The AXNet-NAS figure: each method's SMAC front (safe & approximated vs energy reduction, test split) on its first benchmark. */
export function buildAxnetFrontChart(plan: NasStudyPlan, records: Readonly<Record<string, NasUnitRecord>>, language: LanguageId = 'en'): XYChartData | null {
  const say = sayIn(language);
  const units = plan.units.filter((u) => u.role === 'axnet' && records[u.key]);
  if (units.length === 0) return null;
  const { target, boundGroup } = units[0].config;
  const same = units.filter((u) => u.config.target === target && u.config.boundGroup === boundGroup);
  return {
    kind: 'line',
    title: say('nasStudyAxnetChart', { target, group: boundGroup, budget: units[0].config.budget }),
    xLabel: say('nasStudyAxisSafe'),
    yLabel: say('nasStudyAxisSystemEnergy'),
    series: same.map((u) => {
      const own = recordsOf(records[u.key].records, 'smac');
      const points = own.map((r) => [r.measure.testAccuracy, readRatios(r, 'test').energyReduction]);
      return {
        name: say('nasStudySmacFront', { method: methodMessage(u.config.method) }),
        points: nonDominated(points, 2)
          .map((i) => ({ x: 100 * points[i][0], y: points[i][1] }))
          .sort((a, b) => a.x - b.x),
      };
    }),
  };
}

// ─── The report ────────────────────────────────────────────────────────────────────────────────────────────────

const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(1)}%`);
const times = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(2)}×`);

/** Fig. 3 (a–c) as one scatter: the enumeration, the accuracy-focused and the trade-off search of one seed. */
export function buildFig3Chart(plan: NasStudyPlan, records: Readonly<Record<string, NasUnitRecord>>, seed = 1, language: LanguageId = 'en'): XYChartData | null {
  const say = sayIn(language);
  const of = (weights: string) => plan.units.find((u) => u.role === 'fig3' && u.config.seed === seed && u.config.weights === weights);
  const accuracyUnit = of('accuracy');
  const tradeoffUnit = of('tradeoff');
  if (!accuracyUnit || !tradeoffUnit || !records[accuracyUnit.key] || !records[tradeoffUnit.key]) return null;
  const points = (rs: readonly NasRecord[]) => rs.map((r) => ({ x: 100 * r.measure.testAccuracy, y: r.measure.energyReduction }));
  return {
    kind: 'scatter',
    title: say('nasStudyFig3Chart', { seed }),
    xLabel: say('nasStudyAxisAccuracy'),
    yLabel: say('nasStudyAxisEnergy'),
    series: [
      { name: say('nasStudySeriesEnumeration'), points: points(recordsOf(records[tradeoffUnit.key].records, 'enumeration')) },
      { name: say('nasStudySeriesAccuracyFocus'), points: points(recordsOf(records[accuracyUnit.key].records, 'smac')) },
      { name: say('nasStudySeriesTradeoff'), points: points(recordsOf(records[tradeoffUnit.key].records, 'smac')) },
    ],
  };
}

/** Fig. 4b: the fronts of the enumeration and of the trade-off search (front points only). */
export function buildFig4bChart(plan: NasStudyPlan, records: Readonly<Record<string, NasUnitRecord>>, seed = 1, language: LanguageId = 'en'): XYChartData | null {
  const say = sayIn(language);
  const unit = plan.units.find((u) => u.role === 'fig3' && u.config.seed === seed && u.config.weights === 'tradeoff');
  if (!unit || !records[unit.key]) return null;
  const front = (search: NasSearchId) => {
    const own = recordsOf(records[unit.key].records, search);
    return computeFront(own, 'test')
      .map((i) => ({ x: 100 * own[i].measure.testAccuracy, y: own[i].measure.energyReduction }))
      .sort((a, b) => a.x - b.x);
  };
  return {
    kind: 'line',
    title: say('nasStudyFig4bChart', { seed }),
    xLabel: say('nasStudyAxisAccuracy'),
    yLabel: say('nasStudyAxisEnergy'),
    series: [
      { name: say('nasStudyEnumerationFront'), points: front('enumeration'), dashed: false },
      { name: say('nasStudyTradeoffFront'), points: front('smac') },
      { name: say('nasStudyRandomFront'), points: front('random') },
    ],
  };
}

export function buildFig5Chart(rows: readonly Fig5Row[], what: 'energy' | 'speedup', language: LanguageId = 'en'): BarChartData {
  const say = sayIn(language);
  const read = (o: SearchOutcome) => (what === 'energy' ? o.energyAtThreshold : o.speedupAtThreshold) ?? 0;
  return {
    kind: 'bar',
    title: say(what === 'energy' ? 'nasStudyFig5EnergyChart' : 'nasStudyFig5SpeedupChart'),
    xLabel: say('nasStudyAxisBenchmarkGroup'),
    yLabel: say(what === 'energy' ? 'nasStudyAxisEnergyReduction' : 'nasStudyAxisSpeedup'),
    categories: rows.map((r) => say('nasStudyCategory', { target: r.target, group: r.group })),
    series: [
      { name: say(NAS_STUDY_SEARCH_MESSAGES.enumeration), values: rows.map((r) => read(r.enumeration)) },
      { name: say('nasStudySeriesNas'), values: rows.map((r) => read(r.nas)) },
    ],
  };
}

export interface NasStudyResults {
  plan: NasStudyPlan;
  records: Record<string, NasUnitRecord>;
  fig5: Fig5Row[];
  seeds: SeedComparisonRow[];
  axnet: AxnetComparisonGroup[];
  wallMs: number;
}

export function assembleNasStudyResults(plan: NasStudyPlan, records: Record<string, NasUnitRecord>, wallMs: number): NasStudyResults {
  return { plan, records, fig5: buildFig5Rows(plan, records), seeds: buildSeedComparison(plan, records), axnet: buildAxnetComparison(plan, records), wallMs };
}

/** The SVG figures of the report, by file name, their words in `language` (the report's: English). */
export function renderNasStudyFigures(results: NasStudyResults, language: LanguageId = 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  const quick = { quick: results.plan.quick, watermark: formatMessage(message('nasStudyQuickWatermark'), language) };
  const fig3 = buildFig3Chart(results.plan, results.records, 1, language);
  if (fig3) out['fig-nas-3.svg'] = renderScatterChart(fig3, quick);
  const fig4b = buildFig4bChart(results.plan, results.records, 1, language);
  if (fig4b) out['fig-nas-4b.svg'] = renderScatterChart({ ...fig4b, kind: 'scatter' }, quick);
  if (results.fig5.length > 0) {
    out['fig-nas-5-energy.svg'] = renderBarChart(buildFig5Chart(results.fig5, 'energy', language), quick);
    out['fig-nas-5-speedup.svg'] = renderBarChart(buildFig5Chart(results.fig5, 'speedup', language), quick);
  }
  const axnet = buildAxnetFrontChart(results.plan, results.records, language);
  if (axnet) out['fig-nas-axnet.svg'] = renderScatterChart({ ...axnet, kind: 'scatter' }, quick);
  return out;
}

/** A table cell: a number or a benchmark id as written (a string), words (a Message, in the language on screen) or an identifier (code). */
export type NasStudyCell = string | Message | { code: string };

/** One table of the study: the report's markdown (in English) and the Paper view's HTML (in the language on screen) are both made from these. */
export interface NasStudyTable {
  id: 'walltime' | 'fig4b' | 'fig4a' | 'seeds' | 'fig5' | 'axnet';
  title: Message;
  /** Sentences before the table (the paper's numbers, how ours are read). */
  intro: Message[];
  header: Message[];
  rows: NasStudyCell[][];
  /** Sentences after it (claims, averages). */
  outro: Message[];
}

export function formatNasStudyCell(cell: NasStudyCell, language: LanguageId): string {
  if (typeof cell === 'string') return cell;
  return 'code' in cell ? cell.code : formatMessage(cell, language);
}

/** space.ts describeConfig as a Message ("2 layers: 64 relu → 16 tanh; predictor 8 → 4" in English). */
export function describeConfigMessage(config: NasConfig): Message {
  const layers = config.layers.reduceRight<Message | null>(
    (next, layer) =>
      message(
        next === null ? UNITS_MESSAGES[layer.activation].last : UNITS_MESSAGES[layer.activation].followed,
        next === null ? { width: layer.width } : { width: layer.width, next },
      ),
    null,
  );
  const n = config.layers.length;
  const approximator = message(n === 1 ? 'nasStudyOneLayer' : 'nasStudyLayers', { n, layers: layers ?? '' });
  return config.predictor ? message('nasStudyWithPredictor', { approximator, predictor: config.predictor.join(' → ') }) : approximator;
}

/** select.ts selectOnline's reason for a mode without a pick, as a Message: the same constraints, numbers as it writes them. */
export function describeNoPickMessage(mode: NasPick['mode'], frontSize: number, constraints: NasConstraints): Message {
  if (frontSize === 0) return message('nasStudyReasonEmpty');
  const ratio = (v: number) => `${Number(v.toPrecision(3))}×`;
  const accuracy = message('nasStudyAccuracyAtLeast', { value: `${(100 * constraints.cAcc).toFixed(1)}%` });
  const energy = message('nasStudyEnergyAtLeast', { value: ratio(constraints.cEnergy) });
  const parts = mode === 'quality' ? [energy] : mode === 'energy' ? [accuracy] : [accuracy, energy];
  if (constraints.cSpeed !== undefined) parts.push(message('nasStudySpeedupAtLeast', { value: ratio(constraints.cSpeed) }));
  return message('nasStudyReasonNone', { constraints: parts.reduce((first, second) => message('nasStudyBoth', { first, second })) });
}

export function buildNasStudyTables(results: NasStudyResults): NasStudyTable[] {
  const { plan, records } = results;
  const headers = (ids: readonly MessageId[]) => ids.map((id) => message(id));
  const tables: NasStudyTable[] = [];
  tables.push({
    id: 'walltime',
    title: message('nasStudyWalltimeTitle'),
    intro: [],
    header: headers([
      'nasStudyHeaderRun',
      'nasStudyHeaderBenchmark',
      'nasStudyHeaderSearched',
      'nasStudyHeaderBoundGroup',
      'nasStudyHeaderWeights',
      'nasStudyHeaderSeed',
      'nasStudyHeaderDistinct',
      'nasStudyHeaderWallTime',
    ]),
    rows: plan.units
      .filter((u) => records[u.key])
      .map((u) => [
        { code: u.key },
        u.config.target,
        methodMessage(u.config.method),
        String(u.config.boundGroup),
        message(WEIGHTS_MESSAGES[u.config.weights]),
        String(u.config.seed),
        String(new Set(records[u.key].records.map((r) => r.key)).size),
        message('durationSeconds', { n: (records[u.key].wallMs / 1000).toFixed(0) }),
      ]),
    outro: [],
  });
  const tradeoff = plan.units.filter((u) => u.role === 'fig3' && u.config.weights === 'tradeoff' && records[u.key]);
  if (tradeoff.length > 0) {
    const wins = tradeoff.filter((u) => {
      const rs = records[u.key].records;
      return (
        computeHypervolume(recordsOf(rs, 'smac'), 'test') >= computeHypervolume(recordsOf(rs, 'enumeration'), 'test') &&
        outcomeOf(rs, 'smac', 0).bestTestAccuracy >= outcomeOf(rs, 'enumeration', 0).bestTestAccuracy
      );
    }).length;
    tables.push({
      id: 'fig4b',
      title: message('nasStudyFig4bTitle'),
      intro: [message('nasStudyFig4bIntro')],
      header: headers([
        'nasStudyHeaderSeed',
        'nasStudyHeaderNasBest',
        'nasStudyHeaderEnumerationBest',
        'nasStudyHeaderRandomBest',
        'nasStudyHeaderHvNas',
        'nasStudyHeaderHvEnumeration',
        'nasStudyHeaderHvRandom',
      ]),
      rows: tradeoff.map((u) => {
        const rs = records[u.key].records;
        const o = (s: NasSearchId) => outcomeOf(rs, s, plan.accuracyThreshold);
        return [
          String(u.config.seed),
          pct(o('smac').bestTestAccuracy),
          pct(o('enumeration').bestTestAccuracy),
          pct(o('random').bestTestAccuracy),
          o('smac').hypervolume.toFixed(3),
          o('enumeration').hypervolume.toFixed(3),
          o('random').hypervolume.toFixed(3),
        ];
      }),
      outro: [message('nasStudyFig4bClaim', { wins, seeds: tradeoff.length })],
    });
    tables.push({
      id: 'fig4a',
      title: message('nasStudyFig4aTitle'),
      intro: [],
      header: headers(['nasStudyHeaderSeed', 'nasStudyHeaderQuality', 'nasStudyHeaderEnergy', 'nasStudyHeaderIntegrated']),
      rows: tradeoff.map((u) => {
        const own = recordsOf(records[u.key].records, 'smac');
        const picks = computePicks(own, 'test', plan.constraints);
        const frontSize = computeFront(own, 'test').length;
        return [
          String(u.config.seed),
          ...picks.map((p) =>
            p.record === null
              ? message('nasStudyNoPick', { reason: describeNoPickMessage(p.mode, frontSize, plan.constraints) })
              : message('nasStudyPick', {
                  config: describeConfigMessage(own[p.record].config),
                  accuracy: pct(readAccuracy(own[p.record], 'test')),
                  energy: times(own[p.record].measure.energyReduction),
                }),
          ),
        ];
      }),
      outro: [],
    });
  }
  if (results.seeds.length > 0) {
    const smacBeatsRandom = results.seeds.filter((r) => r.regret.smac <= r.regret.random).length;
    const smacBeatsEnum = results.seeds.filter((r) => r.regret.smac <= r.regret.enumeration).length;
    tables.push({
      id: 'seeds',
      title: message('nasStudySeedsTitle'),
      intro: [message('nasStudySeedsIntro')],
      header: headers([
        'nasStudyHeaderSeed',
        'nasStudyHeaderWeights',
        'nasStudyHeaderRegretSmac',
        'nasStudyHeaderRegretRandom',
        'nasStudyHeaderRegretEnumeration',
        'nasStudyHeaderHvSmac',
        'nasStudyHeaderHvRandom',
        'nasStudyHeaderHvEnumeration',
      ]),
      rows: results.seeds.map((r) => [
        String(r.seed),
        message(WEIGHTS_MESSAGES[r.weights]),
        r.regret.smac.toFixed(4),
        r.regret.random.toFixed(4),
        r.regret.enumeration.toFixed(4),
        r.hypervolume.smac.toFixed(3),
        r.hypervolume.random.toFixed(3),
        r.hypervolume.enumeration.toFixed(3),
      ]),
      outro: [message('nasStudySeedsOutro', { random: smacBeatsRandom, enumeration: smacBeatsEnum, runs: results.seeds.length })],
    });
  }
  if (results.fig5.length > 0) {
    const geoSpeed = geometricMean(results.fig5.map((r) => r.speedupRatio));
    const geoEnergy = geometricMean(results.fig5.map((r) => r.energyRatio));
    const meanSpeed = ratioOfMeans(results.fig5.map((r) => [r.nas.speedupAtThreshold, r.enumeration.speedupAtThreshold]));
    const meanEnergy = ratioOfMeans(results.fig5.map((r) => [r.nas.energyAtThreshold, r.enumeration.energyAtThreshold]));
    tables.push({
      id: 'fig5',
      title: message('nasStudyFig5Title'),
      intro: [message('nasStudyFig5Intro')],
      header: headers([
        'nasStudyHeaderBenchmark',
        'nasStudyHeaderGroup',
        'nasStudyHeaderThreshold',
        'nasStudyHeaderSpeedupEnumeration',
        'nasStudyHeaderSpeedupNas',
        'nasStudyHeaderRatio',
        'nasStudyHeaderEnergyEnumeration',
        'nasStudyHeaderEnergyNas',
        'nasStudyHeaderRatio',
        'nasStudyHeaderNote',
      ]),
      rows: results.fig5.map((r) => [
        r.target,
        String(r.group),
        pct(r.threshold),
        times(r.enumeration.speedupAtThreshold),
        times(r.nas.speedupAtThreshold),
        times(r.speedupRatio),
        times(r.enumeration.energyAtThreshold),
        times(r.nas.energyAtThreshold),
        times(r.energyRatio),
        r.thresholdNote ?? '',
      ]),
      outro: [message('nasStudyFig5Outro', { geoSpeedup: times(geoSpeed), geoEnergy: times(geoEnergy), meanSpeedup: times(meanSpeed), meanEnergy: times(meanEnergy) })],
    });
  }
  for (const g of results.axnet) {
    const ratios = g.smacRatios.reduceRight<Message | null>((next, r) => {
      const values = { method: methodMessage(r.baseline), energy: times(r.energy), speedup: times(r.speedup) };
      return next === null ? message('nasStudyOverBaseline', values) : message('nasStudyOverBaselineThen', { ...values, next });
    }, null);
    const mostEnergy = g.outcomes
      .filter((o) => o.energyAtThreshold !== null)
      .reduce<AxnetSearchOutcome | null>((b, o) => (b === null || (o.energyAtThreshold ?? 0) > (b.energyAtThreshold ?? 0) ? o : b), null);
    tables.push({
      id: 'axnet',
      title: message('nasStudyAxnetTitle', { target: g.target, group: g.group, budget: g.budget }),
      intro: [
        message('nasStudyAxnetIntro'),
        g.thresholdNote
          ? message('nasStudyComparedAt', { threshold: pct(g.threshold), note: g.thresholdNote })
          : message('nasStudyComparedAtFig5', { threshold: pct(g.threshold) }),
      ],
      header: headers([
        'nasStudyHeaderMethod',
        'nasStudyHeaderSearch',
        'nasStudyHeaderCandidates',
        'nasStudyHeaderBestSafe',
        'nasStudyHeaderBestWithinBound',
        'nasStudyHeaderBestFperf',
        'nasStudyHeaderHv',
        'nasStudyHeaderEnergyAtThreshold',
        'nasStudyHeaderSpeedupAtThreshold',
      ]),
      rows: g.outcomes.map((o) => [
        methodMessage(o.method),
        searchMessage(o.search),
        String(o.candidates),
        pct(o.bestAccuracy),
        pct(o.bestWithinBound),
        Number.isFinite(o.bestFperf) ? o.bestFperf.toFixed(4) : '—',
        o.hypervolume.toFixed(3),
        times(o.energyAtThreshold),
        times(o.speedupAtThreshold),
      ]),
      outro: [
        message('nasStudyAxnetOutro', {
          ratios: ratios ?? message('nasStudyNoBaseline'),
          largest: mostEnergy
            ? message('nasStudyLargest', { method: methodMessage(mostEnergy.method), search: searchMessage(mostEnergy.search), energy: times(mostEnergy.energyAtThreshold) })
            : message('nasStudyNone'),
        }),
      ],
    });
  }
  return tables;
}

/** The line above the tables: how many runs, at what size, and how accuracy is read. */
export function describeNasStudyRun(results: NasStudyResults): Message {
  const { plan, records } = results;
  const done = plan.units.filter((u) => records[u.key]).length;
  const first = plan.units[0]?.config;
  const axnet = plan.units.find((u) => u.role === 'axnet')?.config;
  return message('nasStudyRunLine', {
    done,
    total: plan.units.length,
    budget: String(first?.budget),
    steps: String(first?.stepsPerCandidate),
    width: String(first?.maxWidth),
    axnet: axnet ? message('nasStudyRunAxnet', { budget: axnet.budget, steps: axnet.stepsPerCandidate, width: axnet.maxWidth }) : '',
    seconds: (results.wallMs / 1000).toFixed(0),
  });
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The report (`axlab reproduce --paper nas` writes it as report.md): in English. */
export function renderNasStudyReport(results: NasStudyResults): string {
  const en = (m: Message) => formatMessage(m, 'en');
  const lines: string[] = [`# NAS study (Chen et al., DATE'20)${results.plan.quick ? ' — QUICK budget' : ''}`, '', en(describeNasStudyRun(results))];
  if (results.plan.quick)
    lines.push('', '**Quick budget**: fewer candidates, fewer steps and narrower nets than the paper; the numbers show the method, not the paper’s magnitudes.');
  for (const t of buildNasStudyTables(results)) {
    lines.push('', `## ${en(t.title)}`, '');
    for (const p of t.intro) lines.push(en(p), '');
    lines.push(
      markdownTable(
        t.header.map(en),
        t.rows.map((row) => row.map((cell) => formatNasStudyCell(cell, 'en'))),
      ),
    );
    for (const p of t.outro) lines.push('', en(p));
  }
  lines.push('', '## Differences from the paper, said', '', ...NAS_STUDY_DIFFERENCES.map((d) => `- ${d}`));
  return `${lines.join('\n')}\n`;
}

/** results.json: the plan, the records and the Fig. 5 and seed rows (a row's note in English). */
export function formatNasResultsJson(results: NasStudyResults): string {
  const fig5 = results.fig5.map((r) => ({ ...r, thresholdNote: r.thresholdNote && formatMessage(r.thresholdNote, 'en') }));
  return `${JSON.stringify({ quick: results.plan.quick, wallMs: results.wallMs, units: results.plan.units, records: results.records, fig5, seeds: results.seeds }, null, 1)}\n`;
}
