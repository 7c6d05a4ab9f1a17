/**
 * Compare-mode slice: one run per chosen method (config.methods has several entries), each in its
 * own worker (compareController.ts). All runs share data, seed, Adam, ReLU and losses (§V-A), so
 * their curves can be overlaid like Fig. 2a (weight sharing) against Fig. 2b (AXNet).
 */
import type { StateCreator } from 'zustand';
import type { BackendName, MethodId } from '../core/config';
import type { Message } from '../core/messages';
import { isBaselineMethod } from '../core/methods/registry';
import type { EvaluationPoint, MethodTopology } from '../core/weights';
import type { ParameterCounts, ProgressPayload } from '../../workers/protocol';
import type { LabState, RunStatus } from './store';

export interface CompareRun {
  method: MethodId;
  status: RunStatus;
  step: number;
  totalSteps: number;
  phase: string;
  /** The phase in every interface language (null: done or not yet reported). */
  phaseMessage: Message | null;
  trainingMs: number;
  backend: BackendName | null;
  history: EvaluationPoint[];
  /**
   * Training wall time (ms) at each history point, parallel to `history`, for the compare chart's time axis.
   * Interpolated linearly in steps between the two progress messages around the point: t = t0 + (t1 − t0)·(s − s0)/(s1 − s0),
   * so it is off by at most one progress interval (PROGRESS_INTERVAL_MS of wall time).
   */
  historyMs: number[];
  parameterCounts: ParameterCounts | null;
  /** The method's networks and parameter count (and AXNet's §V-A match), from the first message. */
  topology: MethodTopology | null;
  notes: readonly string[];
  /** Error text of a failed run (the other methods go on), in English. */
  message: string | null;
  /** The same in every interface language, where the page or the worker worded it (null: shown as it came). */
  localizedMessage: Message | null;
}

/** One worker message of a compare run, with the status the controller decided for it. */
export interface CompareProgressUpdate {
  method: MethodId;
  payload: ProgressPayload;
  status: RunStatus;
}

export interface CompareSlice {
  /** Runs in config.methods order; empty outside compare mode or before the first play. */
  compareRuns: CompareRun[];
  startCompareRuns: (methods: readonly MethodId[]) => void;
  /** Merges a worker message into its run, and its trained nets (if any) into the NPU slice (mergeCompareNets). */
  applyCompareProgress: (method: MethodId, payload: ProgressPayload, status: RunStatus) => void;
  /** Merges the messages of one animation frame (all workers, in arrival order) and the header summary in one `set`. */
  applyCompareProgressBatch: (updates: readonly CompareProgressUpdate[]) => void;
  setCompareStatus: (method: MethodId, status: RunStatus) => void;
  failCompareRun: (method: MethodId, message: string, localized?: Message) => void;
  /** A lane that continues from its checkpoint at `step` (rewindCompareRun). */
  resumeCompareRun: (method: MethodId, step: number) => void;
  /** Clears the runs and their nets in the NPU slice (reset, config change). */
  clearCompareRuns: () => void;
}

export function createCompareRun(method: MethodId): CompareRun {
  return {
    method,
    status: 'initializing',
    step: 0,
    totalSteps: 0,
    phase: '',
    phaseMessage: null,
    trainingMs: 0,
    backend: null,
    history: [],
    historyMs: [],
    parameterCounts: null,
    topology: null,
    notes: [],
    message: null,
    localizedMessage: null,
  };
}

/** Merges one worker message into a run (pure; tested in compareSlice.test.ts). */
export function mergeCompareProgress(run: CompareRun, payload: ProgressPayload, status: RunStatus): CompareRun {
  const span = payload.step - run.step;
  const timeAt = (step: number) => (span > 0 ? run.trainingMs + (payload.trainingMs - run.trainingMs) * Math.min(1, Math.max(0, (step - run.step) / span)) : payload.trainingMs);
  return {
    ...run,
    status,
    step: payload.step,
    totalSteps: payload.totalSteps,
    phase: payload.phase,
    phaseMessage: payload.phaseMessage,
    trainingMs: payload.trainingMs,
    backend: payload.backend ?? run.backend,
    history: payload.points.length > 0 ? [...run.history, ...payload.points] : run.history,
    historyMs: payload.points.length > 0 ? [...run.historyMs, ...payload.points.map((point) => timeAt(point.step))] : run.historyMs,
    parameterCounts: payload.parameterCounts ?? run.parameterCounts,
    topology: payload.topology ?? run.topology,
    notes: payload.notes ?? run.notes,
  };
}

/**
 * A lane that continues from its checkpoint at `step` (pure): its curve up to that step stays, the points after it go
 * (the resumed worker computes them again), and it is starting again.
 */
export function rewindCompareRun(run: CompareRun, step: number): CompareRun {
  const after = run.history.findIndex((point) => point.step > step);
  const kept = after < 0 ? run.history.length : after;
  return {
    ...run,
    status: 'initializing',
    step,
    message: null,
    localizedMessage: null,
    history: run.history.slice(0, kept),
    historyMs: run.historyMs.slice(0, kept),
    trainingMs: kept > 0 ? run.historyMs[kept - 1] : 0,
  };
}

/** Status of the whole comparison: running while any runs; done when none can go on; error when all failed. */
export function aggregateCompareStatus(runs: readonly CompareRun[]): RunStatus {
  if (runs.length === 0) return 'idle';
  if (runs.some((run) => run.status === 'running')) return 'running';
  if (runs.some((run) => run.status === 'initializing')) return 'initializing';
  if (runs.every((run) => run.status === 'error')) return 'error';
  if (runs.every((run) => run.status === 'done' || run.status === 'error')) return 'done';
  return 'paused';
}

/** What the header shows for a comparison: aggregate status, the slowest run's step, summed training time, a backend. */
export function summarizeCompareRuns(runs: readonly CompareRun[]): Pick<LabState, 'status' | 'step' | 'trainingMs' | 'backend'> {
  const step = runs.reduce((lowest, run) => Math.min(lowest, run.step), runs.length > 0 ? Infinity : 0);
  return {
    status: aggregateCompareStatus(runs),
    step: Number.isFinite(step) ? step : 0,
    trainingMs: runs.reduce((sum, run) => sum + run.trainingMs, 0),
    backend: runs.find((run) => run.backend !== null)?.backend ?? null,
  };
}

/**
 * The compare state after one frame's messages (pure): each message merged into its run in order, the
 * nets the messages carried, and the header summary of the result.
 */
export function mergeCompareBatch(
  state: Pick<LabState, 'compareRuns' | 'npuBaselines' | 'npuCompareAxnet'>,
  updates: readonly CompareProgressUpdate[],
): Pick<LabState, 'compareRuns' | 'npuBaselines' | 'npuCompareAxnet' | 'status' | 'step' | 'trainingMs' | 'backend'> {
  let runs = state.compareRuns;
  let nets: Pick<LabState, 'npuBaselines' | 'npuCompareAxnet'> = { npuBaselines: state.npuBaselines, npuCompareAxnet: state.npuCompareAxnet };
  for (const { method, payload, status } of updates) {
    runs = mapRun(runs, method, (run) => mergeCompareProgress(run, payload, status));
    nets = { ...nets, ...mergeCompareNets(nets, method, payload) };
  }
  return { compareRuns: runs, ...nets, ...summarizeCompareRuns(runs) };
}

const mapRun = (runs: CompareRun[], method: MethodId, change: (run: CompareRun) => CompareRun) => runs.map((run) => (run.method === method ? change(run) : run));

/**
 * The NPU slice's compare-mode nets after one worker message (paper Fig. 10b): AXNet's weights from the axnet worker,
 * approximator + classifier from the onepass / iterative workers; unchanged when the message carries none (pure).
 */
export function mergeCompareNets(
  state: Pick<LabState, 'npuBaselines' | 'npuCompareAxnet'>,
  method: MethodId,
  payload: ProgressPayload,
): Partial<Pick<LabState, 'npuBaselines' | 'npuCompareAxnet'>> {
  if (method === 'axnet' && payload.weights) return { npuCompareAxnet: { weights: payload.weights, step: payload.step } };
  if (isBaselineMethod(method) && payload.baselineWeights) {
    return { npuBaselines: { ...state.npuBaselines, [method]: payload.baselineWeights } };
  }
  return {};
}

const NO_COMPARE_NETS = { npuBaselines: {}, npuCompareAxnet: null } as const;

export const createCompareSlice: StateCreator<LabState, [], [], CompareSlice> = (set) => ({
  compareRuns: [],
  startCompareRuns: (methods) => set({ compareRuns: methods.map(createCompareRun), ...NO_COMPARE_NETS }),
  applyCompareProgress: (method, payload, status) =>
    set((state) => ({
      compareRuns: mapRun(state.compareRuns, method, (run) => mergeCompareProgress(run, payload, status)),
      ...mergeCompareNets(state, method, payload),
    })),
  applyCompareProgressBatch: (updates) => {
    if (updates.length > 0) set((state) => mergeCompareBatch(state, updates));
  },
  setCompareStatus: (method, status) => set((state) => ({ compareRuns: mapRun(state.compareRuns, method, (run) => ({ ...run, status })) })),
  failCompareRun: (method, message, localized) =>
    set((state) => ({ compareRuns: mapRun(state.compareRuns, method, (run) => ({ ...run, status: 'error', message, localizedMessage: localized ?? null })) })),
  resumeCompareRun: (method, step) => set((state) => ({ compareRuns: mapRun(state.compareRuns, method, (run) => rewindCompareRun(run, step)) })),
  clearCompareRuns: () => set({ compareRuns: [], ...NO_COMPARE_NETS }),
});
