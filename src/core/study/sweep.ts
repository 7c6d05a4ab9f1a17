/**
 * Figs. 6 and 7 as bound sweeps (issue 11), pure TS: true invocation and prediction accuracy against the error
 * bound, per benchmark and method, mean ± std over seeds; the paper's average gains at each bound and over the
 * range; and the bounds where AXNet cannot be told apart from either baseline (stats.ts separatesAtBound).
 *
 * Gains at "each bound": the benchmarks' bounds differ, so the k-th bound of every benchmark's sweep (tightest
 * first, STUDY_BOUND_SWEEPS) is averaged with the k-th of the others; "over the range" averages every bound.
 */
import type { MethodId } from '../config';
import type { LanguageId } from '../language';
import { message, type Message } from '../messages';
import { methodLabelIn } from '../methods/registry';
import type { TargetId } from '../targets/types';
import { type FacetChartData, formatPercent, quickCaption, STUDY_PROTOCOL_MESSAGES, sayIn, type StudyFigure, type XYChartData } from './figures';
import { COMPARED_METHODS, type StudyPlan } from './plan';
import { collectStudyCells, type JobOutcome, type StudyCell } from './protocolView';
import type { StudyProtocol } from './protocols';
import type { StudyResults } from './results';
import { formatSpread, mean, separatesAtBound, summarize, type Spread } from './stats';

export type SweepMetric = 'trueInvocation' | 'predictionAccuracy';

export interface SweepCell {
  target: TargetId;
  bound: number;
  /** Index of the bound in its benchmark's sweep, tightest first. */
  rank: number;
  method: MethodId;
  /** Per seed, in seed order. */
  outcomes: JobOutcome[];
  missingSeeds: number[];
  missingJobs: string[];
}

export interface StudySweep {
  protocol: StudyProtocol;
  targets: TargetId[];
  /** Bounds of each benchmark, ascending. */
  bounds: Partial<Record<TargetId, number[]>>;
  cells: SweepCell[];
}

/** The Fig. 6–8 cells of the sweep under `protocol`. */
export function collectStudySweep(plan: StudyPlan, results: StudyResults, protocol: StudyProtocol): StudySweep {
  const all = collectStudyCells(plan, results, protocol).filter((c: StudyCell) => c.job.figures.includes('fig6'));
  const targets: TargetId[] = [];
  const bounds: Partial<Record<TargetId, number[]>> = {};
  for (const c of all) {
    if (!targets.includes(c.target)) targets.push(c.target);
    const list = bounds[c.target] ?? [];
    bounds[c.target] = list;
    if (!list.includes(c.bound)) list.push(c.bound);
  }
  for (const t of targets) bounds[t]!.sort((a, b) => a - b);
  const cells = all.map((c) => ({
    target: c.target,
    bound: c.bound,
    rank: bounds[c.target]!.indexOf(c.bound),
    method: c.method,
    outcomes: c.outcomes,
    missingSeeds: c.missingSeeds,
    missingJobs: c.missingJobs,
  }));
  return { protocol, targets, bounds, cells };
}

export function findSweepCell(sweep: StudySweep, target: TargetId, bound: number, method: MethodId): SweepCell | undefined {
  return sweep.cells.find((c) => c.target === target && c.bound === bound && c.method === method);
}

/** Mean ± std over seeds of a metric of one cell. */
export function cellSpread(cell: SweepCell | undefined, metric: SweepMetric): Spread {
  return summarize(cell ? cell.outcomes.map((o) => o.metrics[metric]) : []);
}

/** Per seed present in both cells: a's metric − b's (the paired differences of one benchmark and bound). */
export function pairedDifferences(a: SweepCell | undefined, b: SweepCell | undefined, pick: (o: JobOutcome) => number): number[] {
  if (!a || !b) return [];
  const out: number[] = [];
  for (const oa of a.outcomes) {
    const ob = b.outcomes.find((o) => o.seed === oa.seed);
    if (ob) out.push(pick(oa) - pick(ob));
  }
  return out;
}

/** Whether AXNet separates from `base` at one benchmark and bound (true invocation, paired over seeds). */
export function axnetSeparates(sweep: StudySweep, target: TargetId, bound: number, base: MethodId, metric: SweepMetric = 'trueInvocation'): boolean {
  return separatesAtBound(pairedDifferences(findSweepCell(sweep, target, bound, 'axnet'), findSweepCell(sweep, target, bound, base), (o) => o.metrics[metric]));
}

/**
 * Per seed: the paper's average relative gain TI_AXNet / TI_base − 1 over benchmarks (TI_base = 0 skipped), at the
 * bound rank `rank` (null: over every bound of the range). One value per seed with any pair.
 */
export function gainPerSeed(sweep: StudySweep, base: MethodId, rank: number | null, seeds: readonly number[]): number[] {
  const out: number[] = [];
  for (const seed of seeds) {
    const gains: number[] = [];
    for (const target of sweep.targets) {
      for (const bound of sweep.bounds[target] ?? []) {
        if (rank !== null && sweep.bounds[target]!.indexOf(bound) !== rank) continue;
        const a = findSweepCell(sweep, target, bound, 'axnet')?.outcomes.find((o) => o.seed === seed);
        const b = findSweepCell(sweep, target, bound, base)?.outcomes.find((o) => o.seed === seed);
        if (!a || !b || !(b.metrics.trueInvocation > 0)) continue;
        gains.push(a.metrics.trueInvocation / b.metrics.trueInvocation - 1);
      }
    }
    if (gains.length) out.push(mean(gains));
  }
  return out;
}

const signedPercent = (v: number) => `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)}%`;
const points = (v: number) => `${(100 * v).toFixed(1)}`;

function seedsOf(sweep: StudySweep): number[] {
  const seeds = new Set<number>();
  for (const c of sweep.cells) for (const o of c.outcomes) seeds.add(o.seed);
  return [...seeds].sort((a, b) => a - b);
}

/** One panel per benchmark: the metric against the bound (log axis), mean ± std over seeds per method. */
function sweepChart(sweep: StudySweep, metric: SweepMetric, title: string, yLabel: string, language: LanguageId): FacetChartData {
  const say = sayIn(language);
  const panels: XYChartData[] = sweep.targets.map((target) => {
    const bounds = sweep.bounds[target] ?? [];
    const marks = bounds
      .filter((b) => !axnetSeparates(sweep, target, b, 'onepass', metric) && !axnetSeparates(sweep, target, b, 'iterative', metric))
      .map((b) => ({ x: b, label: 'n.s.' }));
    return {
      kind: 'line',
      title: target,
      xLabel: say('studyFigAxisErrorBound'),
      yLabel,
      xLog: true,
      yMin: 0,
      yMax: 1,
      marks,
      series: COMPARED_METHODS.map((method) => ({
        name: methodLabelIn(method, language),
        points: bounds
          .map((bound) => ({ bound, spread: cellSpread(findSweepCell(sweep, target, bound, method), metric) }))
          .filter((p) => Number.isFinite(p.spread.mean))
          .map((p) => ({ x: p.bound, y: p.spread.mean, yError: p.spread.std })),
      })),
    };
  });
  return { kind: 'facets', title, columns: 3, panels, note: say('studyFigSweepNote') };
}

function sweepTable(sweep: StudySweep, metric: SweepMetric, language: LanguageId): { header: string[]; rows: string[][] } {
  const say = sayIn(language);
  const rows: string[][] = [];
  for (const target of sweep.targets)
    for (const bound of sweep.bounds[target] ?? []) {
      const cells = COMPARED_METHODS.map((m) => findSweepCell(sweep, target, bound, m));
      const sep = (base: MethodId) => {
        if (!axnetSeparates(sweep, target, bound, base, metric)) return 'n.s.';
        const d = mean(pairedDifferences(findSweepCell(sweep, target, bound, 'axnet'), findSweepCell(sweep, target, bound, base), (o) => o.metrics[metric]));
        return say(d > 0 ? 'studyFigAxnetHigher' : 'studyFigAxnetLower');
      };
      rows.push([
        target,
        String(bound),
        ...cells.map((c) => formatSpread(cellSpread(c, metric), formatPercent, formatPercent)),
        `${sep('onepass')} / ${sep('iterative')}`,
        String(Math.min(...cells.map((c) => c?.outcomes.length ?? 0))),
      ]);
    }
  return {
    header: [
      say('studyFigAxisBenchmark'),
      say('studyFigHeaderBound'),
      ...COMPARED_METHODS.map((m) => say('studyFigHeaderMeanStd', { method: methodLabelIn(m, language) })),
      say('studyFigHeaderVersus'),
      say('studyFigHeaderSeeds'),
    ],
    rows,
  };
}

/** The average gains vs onepass and iterative at each bound rank and over the range, mean ± std over seeds. */
export function gainTable(sweep: StudySweep, language: LanguageId = 'en'): { header: string[]; rows: string[][] } {
  const say = sayIn(language);
  const seeds = seedsOf(sweep);
  const ranks = Math.max(0, ...sweep.targets.map((t) => sweep.bounds[t]?.length ?? 0));
  const row = (label: string, rank: number | null) => [
    label,
    rank === null ? say('studyFigAllBounds') : sweep.targets.map((t) => `${t} ${sweep.bounds[t]?.[rank] ?? '–'}`).join(', '),
    formatSpread(summarize(gainPerSeed(sweep, 'onepass', rank, seeds)), signedPercent),
    formatSpread(summarize(gainPerSeed(sweep, 'iterative', rank, seeds)), signedPercent),
  ];
  return {
    header: [say('studyFigHeaderBound'), say('studyFigHeaderBoundsPerBenchmark'), say('studyFigHeaderGainOnepass'), say('studyFigHeaderGainIterative')],
    rows: [
      ...Array.from({ length: ranks }, (_, k) => row(say(k === 0 ? 'studyFigRankTightest' : k === ranks - 1 ? 'studyFigRankLoosest' : 'studyFigRankMid', { rank: k + 1 }), k)),
      row(say('studyFigOverTheRange'), null),
    ],
  };
}

/** The average gains of gainTable's rows, one bound rank after the other (label, vs onepass, vs iterative). */
function gainList(rows: readonly string[][]): Message | string {
  return rows.reduceRight<Message | string>(
    (next, r) => message(next === '' ? 'studyFigGain' : 'studyFigGainThen', { label: r[0], onepass: r[2], iterative: r[3], ...(next === '' ? {} : { next }) }),
    '',
  );
}

/** Fig. 6 as a sweep: true invocation vs error bound per benchmark and method. */
export function buildSweepFig6(plan: StudyPlan, results: StudyResults, protocol: StudyProtocol, language: LanguageId = 'en'): StudyFigure {
  const say = sayIn(language);
  const words = STUDY_PROTOCOL_MESSAGES[protocol];
  const sweep = collectStudySweep(plan, results, protocol);
  const table = sweepTable(sweep, 'trueInvocation', language);
  const gains = gainTable(sweep, language);
  const missing = sweep.cells.flatMap((c) => c.missingJobs);
  return {
    id: 'fig6',
    name: 'Fig. 6',
    title: say('studyFig6SweepTitle', { protocol: message(words.label) }),
    caption:
      say('studyFig6SweepCaption', {
        bounds: Math.min(...sweep.targets.map((t) => sweep.bounds[t]?.length ?? 0)),
        seeds: seedsOf(sweep).join(', '),
        rule: message(words.rule),
        gains: gainList(gains.rows),
      }) + quickCaption(plan, language),
    chart: sweepChart(sweep, 'trueInvocation', say('studyFig6SweepChart', { protocol: message(words.tag) }), say('studyFigAxisTrueInvocation'), language),
    table,
    missing,
    quick: plan.size === 'quick',
  };
}

/** Fig. 7 as a sweep: prediction accuracy (paper definition) vs error bound. */
export function buildSweepFig7(plan: StudyPlan, results: StudyResults, protocol: StudyProtocol, language: LanguageId = 'en'): StudyFigure {
  const say = sayIn(language);
  const words = STUDY_PROTOCOL_MESSAGES[protocol];
  const sweep = collectStudySweep(plan, results, protocol);
  return {
    id: 'fig7',
    name: 'Fig. 7',
    title: say('studyFig7SweepTitle', { protocol: message(words.label) }),
    caption: say('studyFig7SweepCaption') + quickCaption(plan, language),
    chart: sweepChart(sweep, 'predictionAccuracy', say('studyFig7SweepChart', { protocol: message(words.tag) }), say('studyFigAxisPredictionAccuracy'), language),
    table: sweepTable(sweep, 'predictionAccuracy', language),
    missing: sweep.cells.flatMap((c) => c.missingJobs),
    quick: plan.size === 'quick',
  };
}

export { points as formatPoints };
