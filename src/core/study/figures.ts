/**
 * Figure data of the §V study, computed from job results (pure functions, no tf, no DOM).
 * Each figure comes as chart data (rendered by ./svg.ts or by the in-app view) plus a table with the
 * same numbers, and lists the jobs it needed but did not find (never silently dropped).
 */
import type { MethodId } from '../config';
import type { LanguageId } from '../language';
import { formatMessage, message, type Message, type MessageId } from '../messages';
import type { TargetId } from '../targets/types';
import { methodLabelIn } from '../methods/registry';
import { COMPARED_METHODS, formatTopology, type StudyFigureId, type StudyJob, type StudyPlan } from './plan';
import { listMissingJobs, planProtocols, projectStudyView } from './protocolView';
import type { StudyProtocol } from './protocols';
import type { JobResult, StudyResults } from './results';
import { buildSweepFig6, buildSweepFig7 } from './sweep';

export interface BarSeries {
  name: string;
  /** One value per category; null = not available (drawn as a gap, "n/a" in tables). */
  values: (number | null)[];
  /** 'light': the same hue, paler (e.g. predicted invocation beside true invocation). */
  variant?: 'solid' | 'light';
}

export interface BarChartData {
  kind: 'bar';
  title: string;
  xLabel: string;
  yLabel: string;
  categories: string[];
  series: BarSeries[];
  /** Fixed y range top (else from the data). */
  yMax?: number;
  /** A horizontal reference line, e.g. onepass = 1 in Fig. 8. */
  referenceLine?: { value: number; label: string };
}

export interface XYPoint {
  x: number;
  y: number;
  label?: string;
  /** Half-length of an error bar (e.g. the std over seeds), drawn as y ± yError. */
  yError?: number;
}

export interface XYSeries {
  name: string;
  points: XYPoint[];
  dashed?: boolean;
  /** Its own colour (the live charts' exports); absent: the palette (svg.ts assignColors). */
  color?: string;
  /** 'right': drawn against the right axis (XYChartData.y2Label), e.g. the overall error beside invocations. */
  axis?: 'left' | 'right';
}

export interface XYChartData {
  kind: 'line' | 'scatter';
  title: string;
  xLabel: string;
  yLabel: string;
  series: XYSeries[];
  yMin?: number;
  yMax?: number;
  /** Logarithmic x axis, ticked at the points' x values (error bounds). */
  xLog?: boolean;
  /** Vertical marks at x values, e.g. bounds where the methods cannot separate. */
  marks?: { x: number; label: string }[];
  /** Fixed x range; absent: the data's, widened to nice ticks. */
  xMin?: number;
  xMax?: number;
  /** Label of the right axis; series with axis 'right' use it. */
  y2Label?: string;
}

/** Small multiples: one XY panel per benchmark, in a grid of `columns`, one shared legend. */
export interface FacetChartData {
  kind: 'facets';
  title: string;
  columns: number;
  panels: XYChartData[];
  /** A note under the title (e.g. what the marks mean). */
  note?: string;
}

export type ChartData = BarChartData | XYChartData | FacetChartData;

export interface FigureTable {
  header: string[];
  rows: string[][];
}

export interface StudyFigure {
  id: StudyFigureId;
  /** 'Fig. 6' etc. */
  name: string;
  title: string;
  /** What the paper's figure shows and how ours is computed. */
  caption: string;
  chart: ChartData;
  table: FigureTable;
  /** Ids of jobs this figure needs whose results are missing. */
  missing: string[];
  /** True for quick-budget results (render with QUICK_BUDGET_NOTE). */
  quick: boolean;
}

/** Fraction as a percentage with one decimal, or 'n/a'. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : `${(100 * value).toFixed(1)}%`;
}

/** Ratio with two decimals, or 'n/a'. */
export function formatRatio(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(2)}×`;
}

export function formatNumber(value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toPrecision(digits);
}

export function formatSeconds(ms: number | null | undefined): string {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? 'n/a' : `${(ms / 1000).toFixed(1)} s`;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/** The Fig. 6–8 job of one benchmark and method. */
export function comparisonJobId(target: TargetId, method: MethodId): string {
  return `fig6/${target}/${method}`;
}

/** Benchmarks of the plan's Fig. 6–8 jobs, in plan order. */
export function comparisonTargets(plan: StudyPlan): TargetId[] {
  const targets: TargetId[] = [];
  for (const job of plan.jobs) if (job.figures.includes('fig6') && !targets.includes(job.target)) targets.push(job.target);
  return targets;
}

function jobsOf(plan: StudyPlan, figure: StudyFigureId): StudyJob[] {
  return plan.jobs.filter((job) => job.figures.includes(figure));
}

function missingOf(jobs: readonly StudyJob[], results: StudyResults): string[] {
  return jobs.filter((job) => !results[job.id]).map((job) => job.id);
}

// ─── Words (figureMessages.ts): the figures in `language`; English is the report's text, to the byte ───────────

/** A message of the figures in `language`, as their titles, labels and cells want it (plain text). */
export const sayIn =
  (language: LanguageId) =>
  (id: MessageId, values?: Message['values']): string =>
    formatMessage(message(id, values), language);

/** The quick plans' note after a caption, in `language` (English: ` ${QUICK_BUDGET_NOTE}.`). */
export const quickCaption = (plan: Pick<StudyPlan, 'size'>, language: LanguageId = 'en') => (plan.size === 'quick' ? formatMessage(message('studyFigQuickCaption'), language) : '');

/** The quick figures' SVG watermark in `language` (English: QUICK_BUDGET_NOTE), for svg.ts's `watermark` option. */
export const studyFigureWatermark = (language: LanguageId = 'en') => formatMessage(message('studyFigQuickWatermark'), language);

/** A protocol's label and rule (English: STUDY_PROTOCOL_SPECS) and the id tag of the sweep charts' titles. */
export const STUDY_PROTOCOL_MESSAGES: Readonly<Record<StudyProtocol, { label: MessageId; rule: MessageId; tag: MessageId }>> = {
  perPhase: { label: 'studyFigProtocolPerPhase', rule: 'studyFigRulePerPhase', tag: 'studyFigProtocolIdPerPhase' },
  equalSteps: { label: 'studyFigProtocolEqualSteps', rule: 'studyFigRuleEqualSteps', tag: 'studyFigProtocolIdEqualSteps' },
  converge: { label: 'studyFigProtocolConverge', rule: 'studyFigRuleConverge', tag: 'studyFigProtocolIdConverge' },
};

/** Fig. 2: true and predicted invocation during training, weight-sharing vs AXNet. */
export function buildFig2(plan: StudyPlan, results: StudyResults, language: LanguageId = 'en'): StudyFigure {
  const say = sayIn(language);
  const jobs = jobsOf(plan, 'fig2');
  const series: XYSeries[] = [];
  const rows: string[][] = [];
  for (const job of jobs) {
    const result = results[job.id];
    if (!result) continue;
    const name = methodLabelIn(job.method, language);
    series.push({ name: say('studyFigSeriesTrue', { method: name }), points: result.history.map((p) => ({ x: p.step, y: p.metrics.trueInvocation })) });
    series.push({ name: say('studyFigSeriesPredicted', { method: name }), points: result.history.map((p) => ({ x: p.step, y: p.metrics.predictedInvocation })), dashed: true });
    const stability = computeOscillation(result);
    rows.push([
      name,
      formatPercent(result.metrics.metrics.trueInvocation),
      formatPercent(result.metrics.metrics.predictedInvocation),
      formatPercent(stability.meanAbsStep),
      formatPercent(stability.range),
      String(result.history.length),
    ]);
  }
  const target = jobs[0]?.target ?? 'bessel_Jnu';
  return {
    id: 'fig2',
    name: 'Fig. 2',
    title: say('studyFig2Title', { target }),
    caption: say('studyFig2Caption') + quickCaption(plan, language),
    chart: {
      kind: 'line',
      title: say('studyFig2Chart', { target }),
      xLabel: say('studyFigAxisTrainingStep'),
      yLabel: say('studyFigAxisInvocation'),
      series,
      yMin: 0,
      yMax: 1,
    },
    table: {
      header: [
        say('studyFigHeaderMethod'),
        say('studyFig2HeaderFinalTrue'),
        say('studyFig2HeaderFinalPredicted'),
        say('studyFig2HeaderOscillation'),
        say('studyFig2HeaderRange'),
        say('studyFig2HeaderEvaluations'),
      ],
      rows,
    },
    missing: missingOf(jobs, results),
    quick: plan.size === 'quick',
  };
}

/** Mean |Δ true invocation| and max−min over the second half of the evaluations. */
export function computeOscillation(result: Pick<JobResult, 'history'>): { meanAbsStep: number; range: number } {
  const values = result.history.map((p) => p.metrics.trueInvocation);
  const tail = values.slice(Math.floor(values.length / 2));
  if (tail.length < 2) return { meanAbsStep: 0, range: 0 };
  let sum = 0;
  for (let i = 1; i < tail.length; i++) sum += Math.abs(tail[i] - tail[i - 1]);
  return { meanAbsStep: sum / (tail.length - 1), range: Math.max(...tail) - Math.min(...tail) };
}

function comparisonValue(results: StudyResults, target: TargetId, method: MethodId, pick: (r: JobResult) => number | null): number | null {
  const result = results[comparisonJobId(target, method)];
  return result ? finiteOrNull(pick(result)) : null;
}

/** Overall error of `method` on `target` divided by onepass's (null when either is undefined). */
export function normalizedOverallError(results: StudyResults, target: TargetId, method: MethodId): number | null {
  const base = results[comparisonJobId(target, 'onepass')];
  const own = results[comparisonJobId(target, method)];
  if (!base || !own) return null;
  const b = base.metrics.metrics;
  const o = own.metrics.metrics;
  // overallError is null when nothing is predicted safe (metrics.ts; results cached before that held 0
  // with predictedSafeCount 0); a ratio needs both defined, and b > 0.
  if (b.predictedSafeCount === 0 || o.predictedSafeCount === 0 || b.overallError === null || o.overallError === null || !(b.overallError > 0)) return null;
  return finiteOrNull(o.overallError / b.overallError);
}

/** Fig. 8: overall error (mean error over predicted-safe samples) normalized to onepass. */
export function buildFig8(plan: StudyPlan, results: StudyResults, language: LanguageId = 'en'): StudyFigure {
  const say = sayIn(language);
  const targets = comparisonTargets(plan);
  const series: BarSeries[] = COMPARED_METHODS.map((method) => ({ name: methodLabelIn(method, language), values: targets.map((t) => normalizedOverallError(results, t, method)) }));
  const rows = targets.map((t) => [
    t,
    ...COMPARED_METHODS.map((m) => formatRatio(normalizedOverallError(results, t, m))),
    ...COMPARED_METHODS.map((m) => formatNumber(comparisonValue(results, t, m, (r) => r.metrics.metrics.overallError))),
  ]);
  return {
    id: 'fig8',
    name: 'Fig. 8',
    title: say('studyFig8Title'),
    caption: say('studyFig8Caption') + quickCaption(plan, language),
    chart: {
      kind: 'bar',
      title: say('studyFig8Chart'),
      xLabel: say('studyFigAxisBenchmark'),
      yLabel: say('studyFig8AxisError'),
      categories: targets,
      series,
      referenceLine: { value: 1, label: 'onepass' },
    },
    table: {
      header: [
        say('studyFigAxisBenchmark'),
        ...COMPARED_METHODS.map((m) => say('studyFig8HeaderRatio', { method: methodLabelIn(m, language) })),
        ...COMPARED_METHODS.map((m) => say('studyFig8HeaderError', { method: methodLabelIn(m, language) })),
      ],
      rows,
    },
    missing: missingOf(jobsOf(plan, 'fig8'), results),
    quick: plan.size === 'quick',
  };
}

/** Fig. 9 sweep points of one method, sorted by parameter count. */
export function sweepPoints(plan: StudyPlan, results: StudyResults, method: MethodId): { job: StudyJob; result: JobResult }[] {
  return jobsOf(plan, 'fig9')
    .filter((job) => job.method === method && results[job.id])
    .map((job) => ({ job, result: results[job.id] }))
    .sort((a, b) => a.result.params - b.result.params);
}

/** Fig. 9: jpeg invocation vs parameter count for AXNet and iterative. */
export function buildFig9(plan: StudyPlan, results: StudyResults, language: LanguageId = 'en'): StudyFigure {
  const say = sayIn(language);
  const series: XYSeries[] = [];
  const rows: string[][] = [];
  for (const method of ['axnet', 'iterative'] as const) {
    const points = sweepPoints(plan, results, method);
    const label = (r: JobResult) => `${r.topology.approximator.join('-')} / ${r.topology.predictor.join('-')} (${r.params})`;
    series.push({
      name: say('studyFigSeriesTrue', { method: methodLabelIn(method, language) }),
      points: points.map(({ result }) => ({ x: result.params, y: result.metrics.metrics.trueInvocation, label: label(result) })),
    });
    series.push({
      name: say('studyFigSeriesPredicted', { method: methodLabelIn(method, language) }),
      points: points.map(({ result }) => ({ x: result.params, y: result.metrics.metrics.predictedInvocation })),
      dashed: true,
    });
    for (const { result } of points) {
      rows.push([
        methodLabelIn(method, language),
        formatTopology(result.topology),
        String(result.params),
        formatPercent(result.metrics.metrics.trueInvocation),
        formatPercent(result.metrics.metrics.predictedInvocation),
        formatSeconds(result.trainingMs),
      ]);
    }
  }
  return {
    id: 'fig9',
    name: 'Fig. 9',
    title: say('studyFig9Title'),
    caption: say('studyFig9Caption') + quickCaption(plan, language),
    chart: { kind: 'line', title: say('studyFig9Chart'), xLabel: say('studyFig9AxisParams'), yLabel: say('studyFigAxisInvocation'), series, yMin: 0, yMax: 1 },
    table: {
      header: [
        say('studyFigHeaderMethod'),
        say('studyFigHeaderTopology'),
        say('studyFigHeaderParams'),
        say('studyFigHeaderTrueInv'),
        say('studyFigHeaderPredictedInv'),
        say('studyFig9HeaderTrainingTime'),
      ],
      rows,
    },
    missing: missingOf(jobsOf(plan, 'fig9'), results),
    quick: plan.size === 'quick',
  };
}

/** Invocation gap (absolute) under which two runs count as "similar true invocation" (§V-A: < 5 %). */
export const SIMILAR_INVOCATION = 0.05;

export interface RatioRow {
  target: TargetId;
  axnetJob: string;
  iterativeJob: string;
  axnetParams: number;
  iterativeParams: number;
  paramRatio: number;
  /** AXNet training time / iterative training time. */
  timeRatio: number | null;
  axnetTrueInvocation: number;
  iterativeTrueInvocation: number;
  /** 'invocation-matched': the smallest AXNet within SIMILAR_INVOCATION of iterative (or above it); 'size-matched': none was, the parameter-matched pair is used. */
  basis: 'invocation-matched' | 'size-matched';
}

/**
 * Fig. 10a rows: per benchmark, the smallest AXNet whose true invocation is at least iterative's minus
 * SIMILAR_INVOCATION (candidates: the parameter-matched Fig. 6 run, the smaller fig10a run, and for jpeg the
 * Fig. 9 sweep against iterative 64-16-64), compared with iterative's parameters and training time.
 */
export function computeRatioRows(plan: StudyPlan, results: StudyResults): RatioRow[] {
  const rows: RatioRow[] = [];
  for (const target of comparisonTargets(plan)) {
    let iterativeId = comparisonJobId(target, 'iterative');
    const candidates: { id: string; result: JobResult }[] = [];
    const add = (id: string) => {
      if (results[id]) candidates.push({ id, result: results[id] });
    };
    add(comparisonJobId(target, 'axnet'));
    for (const job of plan.jobs)
      if (job.target === target && job.method === 'axnet' && (job.figures.includes('fig10a') || job.figures.includes('fig9')) && !job.figures.includes('fig6')) add(job.id);
    if (target === 'jpeg') {
      // The paper's jpeg pair is read off Fig. 9: iterative 64-16-64 + 64-16-2.
      const sweepIterative = plan.jobs.find((job) => job.figures.includes('fig9') && job.method === 'iterative' && job.config.approximatorHidden[0] === 16 && results[job.id]);
      if (sweepIterative) iterativeId = sweepIterative.id;
    }
    const iterative = results[iterativeId];
    if (!iterative || candidates.length === 0) continue;
    const goal = iterative.metrics.metrics.trueInvocation - SIMILAR_INVOCATION;
    const reaching = candidates.filter((c) => c.result.metrics.metrics.trueInvocation >= goal).sort((a, b) => a.result.params - b.result.params);
    const chosen = reaching[0] ?? candidates.find((c) => c.id === comparisonJobId(target, 'axnet')) ?? candidates[0];
    const ax = chosen.result;
    rows.push({
      target,
      axnetJob: chosen.id,
      iterativeJob: iterativeId,
      axnetParams: ax.params,
      iterativeParams: iterative.params,
      paramRatio: ax.params / iterative.params,
      timeRatio: iterative.trainingMs > 0 ? ax.trainingMs / iterative.trainingMs : null,
      axnetTrueInvocation: ax.metrics.metrics.trueInvocation,
      iterativeTrueInvocation: iterative.metrics.metrics.trueInvocation,
      basis: reaching.length > 0 ? 'invocation-matched' : 'size-matched',
    });
  }
  return rows;
}

/** Fig. 10a: parameter-count and training-time ratios AXNet / iterative at similar true invocation. */
export function buildFig10a(plan: StudyPlan, results: StudyResults, language: LanguageId = 'en'): StudyFigure {
  const say = sayIn(language);
  const rows = computeRatioRows(plan, results);
  return {
    id: 'fig10a',
    name: 'Fig. 10a',
    title: say('studyFig10aTitle'),
    caption: say('studyFig10aCaption', { points: `${SIMILAR_INVOCATION * 100}` }) + quickCaption(plan, language),
    chart: {
      kind: 'bar',
      title: say('studyFig10aChart'),
      xLabel: say('studyFigAxisBenchmark'),
      yLabel: say('studyFig10aAxisRatio'),
      categories: rows.map((r) => r.target),
      series: [
        { name: say('studyFig10aSeriesParams'), values: rows.map((r) => r.paramRatio) },
        { name: say('studyFig10aSeriesTime'), values: rows.map((r) => r.timeRatio) },
      ],
      referenceLine: { value: 1, label: 'iterative' },
    },
    table: {
      header: [
        say('studyFigAxisBenchmark'),
        say('studyFig10aHeaderRun'),
        say('studyFig10aHeaderParams'),
        say('studyFig10aHeaderParamRatio'),
        say('studyFig10aHeaderTimeRatio'),
        say('studyFig10aHeaderTrueInv'),
        say('studyFig10aHeaderBasis'),
      ],
      rows: rows.map((r) => [
        r.target,
        r.axnetJob,
        `${r.axnetParams} / ${r.iterativeParams}`,
        formatRatio(r.paramRatio),
        formatRatio(r.timeRatio),
        `${formatPercent(r.axnetTrueInvocation)} / ${formatPercent(r.iterativeTrueInvocation)}`,
        say(r.basis === 'invocation-matched' ? 'studyFig10aInvocationMatched' : 'studyFig10aSizeMatched'),
      ]),
    },
    missing: missingOf(jobsOf(plan, 'fig10a'), results),
    quick: plan.size === 'quick',
  };
}

const FUSION_MESSAGES = { all: 'studyFig10cFusionAll', first: 'studyFig10cFusionFirst', second: 'studyFig10cFusionSecond' } as const satisfies Record<string, MessageId>;

/** Fig. 10c: true invocation of AXNet fused at all / the first / the second hidden layer. */
export function buildFig10c(plan: StudyPlan, results: StudyResults, language: LanguageId = 'en'): StudyFigure {
  const say = sayIn(language);
  const jobs = jobsOf(plan, 'fig10c');
  const targets: TargetId[] = [];
  for (const job of jobs) if (!targets.includes(job.target)) targets.push(job.target);
  const fusions = ['all', 'first', 'second'] as const;
  const value = (target: TargetId, fusion: string, pick: (r: JobResult) => number) => {
    const result = results[`fig10c/${target}/${fusion}`];
    return result ? finiteOrNull(pick(result)) : null;
  };
  const fusionWord = (fusion: (typeof fusions)[number]) => say(FUSION_MESSAGES[fusion]);
  const series: BarSeries[] = fusions.flatMap((fusion) => [
    { name: say('studyFigSeriesTrue', { method: fusionWord(fusion) }), values: targets.map((t) => value(t, fusion, (r) => r.metrics.metrics.trueInvocation)) },
    {
      name: say('studyFigSeriesPredicted', { method: fusionWord(fusion) }),
      values: targets.map((t) => value(t, fusion, (r) => r.metrics.metrics.predictedInvocation)),
      variant: 'light' as const,
    },
  ]);
  const rows = targets.flatMap((t) =>
    fusions.map((fusion) => {
      const result = results[`fig10c/${t}/${fusion}`];
      return [
        t,
        fusionWord(fusion),
        result ? formatTopology(result.topology) : 'n/a',
        result ? String(result.params) : 'n/a',
        formatPercent(value(t, fusion, (r) => r.metrics.metrics.trueInvocation)),
        formatPercent(value(t, fusion, (r) => r.metrics.metrics.predictedInvocation)),
      ];
    }),
  );
  return {
    id: 'fig10c',
    name: 'Fig. 10c',
    title: say('studyFig10cTitle'),
    caption: say('studyFig10cCaption') + quickCaption(plan, language),
    chart: {
      kind: 'bar',
      title: say('studyFig10cChart'),
      xLabel: say('studyFigAxisBenchmark'),
      yLabel: say('studyFigAxisInvocation'),
      categories: targets,
      series,
      yMax: 1,
    },
    table: {
      header: [
        say('studyFigAxisBenchmark'),
        say('studyFig10cHeaderFusion'),
        say('studyFigHeaderTopology'),
        say('studyFigHeaderParams'),
        say('studyFigHeaderTrueInv'),
        say('studyFigHeaderPredictedInv'),
      ],
      rows,
    },
    missing: missingOf(jobs, results),
    quick: plan.size === 'quick',
  };
}

/**
 * All figures of the study under one protocol (default: the plan's first), in paper order: Figs. 6 and 7 as bound
 * sweeps over seeds (./sweep.ts); the others from the seed means at the study bounds (projectStudyView).
 */
export function buildStudyFigures(plan: StudyPlan, results: StudyResults, protocol: StudyProtocol = planProtocols(plan)[0], language: LanguageId = 'en'): StudyFigure[] {
  const view = projectStudyView(plan, results, protocol);
  const tag = (figure: StudyFigure): StudyFigure => ({
    ...figure,
    caption: sayIn(language)('studyFigProtocolTag', {
      caption: figure.caption,
      protocol: message(STUDY_PROTOCOL_MESSAGES[protocol].label),
      seeds: (plan.seeds ?? [1]).join(', '),
    }),
    missing: listMissingJobs(plan, results, protocol, figure.id),
  });
  return [
    tag(buildFig2(view.plan, view.results, language)),
    buildSweepFig6(plan, results, protocol, language),
    buildSweepFig7(plan, results, protocol, language),
    tag(buildFig8(view.plan, view.results, language)),
    tag(buildFig9(view.plan, view.results, language)),
    tag(buildFig10a(view.plan, view.results, language)),
    tag(buildFig10c(view.plan, view.results, language)),
  ];
}
