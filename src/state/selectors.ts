/**
 * Named selectors over the lab store, plus small pure derivations the views share.
 * Selectors return primitives or existing references (zustand compares with Object.is);
 * derivations that build new arrays are plain functions, memoised in the components.
 */
import { formatMessage, message } from '../core/messages';
import type { LanguageId } from '../core/language';
import type { LabConfig } from '../core/config';
import type { InvocationMetrics } from '../core/metrics';
import { isSuppressed } from '../core/axnetMath';
import type { EvaluationPoint, SurfaceSnapshot } from '../core/weights';
import { decimateTable, joinTables, type SeriesTable } from '../core/decimate';
import type { CompareRun } from './compareSlice';
import type { HoverPoint, LabState } from './store';

export const selectConfig = (state: LabState) => state.config;
export const selectStatus = (state: LabState) => state.status;
export const selectStep = (state: LabState) => state.step;
export const selectHistory = (state: LabState) => state.history;
export const selectSurface = (state: LabState) => state.surface;
export const selectHover = (state: LabState) => state.hover;
export const selectNotice = (state: LabState) => state.notice;
export const selectRunMessage = (state: LabState) => state.message;
export const selectParameterCounts = (state: LabState) => state.parameterCounts;
export const selectTrainingMs = (state: LabState) => state.trainingMs;
export const selectStepsPerSecond = (state: LabState) => state.stepsPerSecond;
export const selectSelectedPanel = (state: LabState) => state.selectedPanel;
export const selectBackendReport = (state: LabState) => state.backendReport;

export const selectIsRunning = (state: LabState) => state.status === 'running' || state.status === 'initializing';
export const selectCanStep = (state: LabState) => state.status === 'idle' || state.status === 'paused';
export const selectLatestPoint = (state: LabState): EvaluationPoint | null => (state.history.length > 0 ? state.history[state.history.length - 1] : null);
export const selectLatestMetrics = (state: LabState): InvocationMetrics | null => selectLatestPoint(state)?.metrics ?? null;

/** One row of the backend report: "wasm: chosen: 412 steps/s, the fastest measured" (the worker words the reason). */
export function formatBackendAttempt(attempt: LabState['backendReport'][number]): string {
  return `${attempt.name}: ${attempt.reason ?? (attempt.ok ? 'self-test passed' : 'failed')}`;
}

/**
 * A forced backend (`backend=wasm` in the link) that the worker could not use, in words for a visible notice
 * (issue 12 item 5: a shared link must not give other numbers silently): "Asked for wasm, running on cpu: wasm:
 * <why>". Null for auto, before the worker reports, and when the forced backend runs.
 */
export const selectBackendFallback = (state: LabState, language: LanguageId = 'en'): string | null => {
  const requested = state.config.backend;
  if (requested === 'auto' || state.backend === null || state.backend === requested) return null;
  const failed = state.backendReport.find((attempt) => attempt.name === requested);
  const why = failed ? message('backendWhy', { attempt: formatBackendAttempt(failed) }) : '';
  return formatMessage(message('backendFellBack', { requested, running: state.backend, why }), language);
};

/** Tooltip text: what became of every backend tried (measured steps/s and why it was or was not used: the worker's words). */
export const selectBackendTooltip = (state: LabState, language: LanguageId = 'en'): string => {
  const backend = state.config.backend;
  if (state.backendReport.length === 0) return formatMessage(message('backendIdle', { backend }), language);
  return [formatMessage(message('backendRequested', { backend }), language), ...state.backendReport.map(formatBackendAttempt)].join('\n');
};

/** Fixed 4-decimal text of a metric, or an en dash before the first evaluation. */
export function formatMetric(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(4);
}

/** Full layer widths as text: "A 2-4-4-1, C 2-4-10" (the predictor ends in Σ L_i + 2, eq. 3). */
export function formatTopology(config: Pick<LabConfig, 'approximatorHidden' | 'predictorHidden'>, inputDim: number, outputDim: number): string {
  const controlWidth = config.approximatorHidden.reduce((sum, width) => sum + width, 0) + 2;
  const approximator = [inputDim, ...config.approximatorHidden, outputDim].join('-');
  const predictor = [inputDim, ...config.predictorHidden, controlWidth].join('-');
  return `A ${approximator}, C ${predictor}`;
}

/**
 * The invocation chart's data (Fig. 2b), one column per evaluation: x = training step; ys in
 * INVOCATION_SERIES order. The chart decimates it to its pixel columns (core/decimate.ts).
 */
export const INVOCATION_SERIES = ['trueInvocation', 'predictedInvocation', 'predictionAccuracy', 'loneTrueInvocation', 'overallError'] as const;

export function buildInvocationTable(history: readonly EvaluationPoint[]): SeriesTable {
  return {
    x: history.map((point) => point.step),
    ys: INVOCATION_SERIES.map((key) => history.map((point) => (key === 'loneTrueInvocation' ? point.loneTrueInvocation : point.metrics[key]))),
  };
}

/** The compare chart's x-axis: fraction of each method's own step budget (%), training wall time (s), or raw steps. */
export type CompareAxis = 'budget' | 'time' | 'steps';
export const COMPARE_AXES: readonly CompareAxis[] = ['budget', 'time', 'steps'];

/** x of a run's k-th evaluation on `axis`: 100·step/totalSteps (%), trainingMs/1000 at that point (s), or step. */
export function compareX(run: Pick<CompareRun, 'history' | 'historyMs' | 'totalSteps'>, k: number, axis: CompareAxis): number {
  const step = run.history[k].step;
  if (axis === 'budget') return run.totalSteps > 0 ? (100 * step) / run.totalSteps : 0;
  if (axis === 'time') return (run.historyMs[k] ?? 0) / 1000;
  return step;
}

/**
 * The compare chart's data: each run's true and predicted invocation on its own x (compareX), decimated to
 * `columns` per run (so a 16× longer run does not crowd out the others), then joined on the union of x.
 * ys: [run 0 true, run 0 predicted, run 1 true, …] in `runs` order.
 */
export function buildCompareTable(runs: readonly CompareRun[], axis: CompareAxis, columns: number): SeriesTable {
  return joinTables(
    runs.map((run) =>
      decimateTable(
        {
          x: run.history.map((_, k) => compareX(run, k, axis)),
          ys: [run.history.map((point) => point.metrics.trueInvocation), run.history.map((point) => point.metrics.predictedInvocation)],
        },
        columns,
      ),
    ),
  );
}

/** Training time as the readouts show it: seconds with one decimal. */
export function formatTrainingTime(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Value of grid coordinate k (0..n−1) in [lo, hi], endpoints included. */
export function gridValue(range: readonly [number, number], k: number, resolution: number): number {
  return resolution <= 1 ? range[0] : range[0] + ((range[1] - range[0]) * k) / (resolution - 1);
}

/** Row-major index (first input along the row) of the grid point nearest to a hover point. */
export function findGridIndex(surface: Pick<SurfaceSnapshot, 'resolution' | 'ranges'>, point: HoverPoint): number {
  const n = surface.resolution;
  const toCell = (value: number, range: readonly [number, number]) => {
    const span = range[1] - range[0];
    const cell = span === 0 ? 0 : Math.round(((value - range[0]) / span) * (n - 1));
    return Math.min(n - 1, Math.max(0, cell));
  };
  return toCell(point.v, surface.ranges[1]) * n + toCell(point.u, surface.ranges[0]);
}

export interface HoverValues {
  u: number;
  v: number;
  target: number;
  axnet: number;
  lone: number | null;
  error: number;
  safeProbability: number;
  /** Per output of the target (inversek2j: θ1, θ2): the exact value, AXNet's and the lone approximator's. */
  outputs: { target: number; axnet: number; lone: number | null }[];
  /** Per hidden layer, per neuron: [before, c, after]. */
  neurons: { before: number; control: number; after: number; suppressed: boolean }[][];
}

/** The per-output maps of a snapshot; older snapshots without `outputs` have the one output. */
export function listSurfaceOutputs(surface: SurfaceSnapshot): NonNullable<SurfaceSnapshot['outputs']> {
  return surface.outputs && surface.outputs.length > 0 ? surface.outputs : [{ target: surface.target, axnet: surface.axnet, lone: surface.lone }];
}

/** Values of a snapshot at the grid point nearest to `point`. */
export function readSurfaceAt(surface: SurfaceSnapshot, point: HoverPoint): HoverValues {
  const index = findGridIndex(surface, point);
  const n = surface.resolution;
  return {
    u: gridValue(surface.ranges[0], index % n, n),
    v: gridValue(surface.ranges[1], Math.floor(index / n), n),
    target: surface.target[index],
    axnet: surface.axnet[index],
    lone: surface.lone ? surface.lone[index] : null,
    error: surface.error[index],
    safeProbability: surface.safeProbability[index],
    outputs: listSurfaceOutputs(surface).map((o) => ({ target: o.target[index], axnet: o.axnet[index], lone: o.lone ? o.lone[index] : null })),
    neurons: surface.hidden.map((layer) =>
      Array.from({ length: layer.width }, (_, j) => {
        const control = layer.control[index * layer.width + j];
        return {
          before: layer.before[index * layer.width + j],
          control,
          after: layer.after[index * layer.width + j],
          suppressed: isSuppressed(control),
        };
      }),
    ),
  };
}

/** Minimum and maximum of finite values (over several arrays); [0, 1] when there are none. */
export function findRange(...arrays: (ArrayLike<number> | null)[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const array of arrays) {
    if (!array) continue;
    for (let k = 0; k < array.length; k++) {
      const value = array[k];
      if (!Number.isFinite(value)) continue;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return min <= max ? [min, max] : [0, 1];
}
