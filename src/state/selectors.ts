/**
 * Named selectors over the lab store, plus small pure derivations the views share.
 * Selectors return primitives or existing references (zustand compares with Object.is);
 * derivations that build new arrays are plain functions, memoised in the components.
 */
import type { LabConfig } from '../core/config';
import type { InvocationMetrics } from '../core/metrics';
import type { EvaluationPoint, SurfaceSnapshot } from '../ml/types';
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
export const selectLatestPoint = (state: LabState): EvaluationPoint | null =>
  state.history.length > 0 ? state.history[state.history.length - 1] : null;
export const selectLatestMetrics = (state: LabState): InvocationMetrics | null => selectLatestPoint(state)?.metrics ?? null;

/** The backend in use, or a placeholder before the worker reported one. */
export const selectBackendLabel = (state: LabState): string => state.backend ?? (state.status === 'initializing' ? 'starting…' : 'not started');

/** Tooltip text: the self-test result of every backend tried. */
export const selectBackendTooltip = (state: LabState): string => {
  if (state.backendReport.length === 0) return `Requested backend: ${state.config.backend}. Press play to start the worker.`;
  const lines = state.backendReport.map((t) => `${t.name}: ${t.ok ? 'self-test passed' : `failed${t.reason ? ` (${t.reason})` : ''}`}`);
  return [`Requested: ${state.config.backend}`, ...lines].join('\n');
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

/** Keeps at most `limit` points, evenly spaced, always keeping the first and the last. */
export function downsampleHistory<T>(points: readonly T[], limit = 500): T[] {
  if (points.length <= limit) return [...points];
  const result: T[] = [];
  const stride = (points.length - 1) / (limit - 1);
  for (let k = 0; k < limit; k++) result.push(points[Math.round(k * stride)]);
  return result;
}

export interface InvocationRow {
  step: number;
  trueInvocation: number;
  predictedInvocation: number;
  predictionAccuracy: number;
  /** null when nothing is predicted safe (undefined mean; the chart leaves a gap). */
  overallError: number | null;
  loneTrueInvocation: number | null;
}

/** Rows for the invocation chart (Fig. 2b): one per plotted evaluation. */
export function buildInvocationRows(history: readonly EvaluationPoint[], limit = 500): InvocationRow[] {
  return downsampleHistory(history, limit).map((point) => ({
    step: point.step,
    trueInvocation: point.metrics.trueInvocation,
    predictedInvocation: point.metrics.predictedInvocation,
    predictionAccuracy: point.metrics.predictionAccuracy,
    overallError: point.metrics.overallError,
    loneTrueInvocation: point.loneTrueInvocation,
  }));
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

/** A neuron counts as suppressed at a point when its control value is near zero: |c| < 0.1. */
export const SUPPRESSION_THRESHOLD = 0.1;
export const SUPPRESSION_RULE = `suppressed where |c| < ${SUPPRESSION_THRESHOLD} (the activation is scaled by less than a tenth)`;

export function isSuppressed(control: number): boolean {
  return Math.abs(control) < SUPPRESSION_THRESHOLD;
}

export interface HoverValues {
  u: number;
  v: number;
  target: number;
  axnet: number;
  lone: number | null;
  error: number;
  safeProbability: number;
  /** Per hidden layer, per neuron: [before, c, after]. */
  neurons: { before: number; control: number; after: number; suppressed: boolean }[][];
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
