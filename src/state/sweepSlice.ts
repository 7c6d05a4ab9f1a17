/**
 * Sweep-mode slice: the sweep spec (part of the link, like the config: src/core/sweep.ts) and the run of
 * its variants (sweepController.ts, one worker training every variant as one model group). A variant's
 * curve is kept as parallel arrays (step, true invocation, predicted invocation) so the small multiples
 * can draw it straight onto a canvas; merges copy only the variants a frame changed.
 */
import type { StateCreator } from 'zustand';
import type { Message } from '../core/messages';
import type { BackendName } from '../core/config';
import { formatSweepLink, type SweepPlan, type SweepResultRow, type SweepSpec } from '../core/sweep';
import type { EvaluationPoint } from '../ml/types';
import type { BackendAttempt } from '../../workers/protocol';
import type { SweepProgressPayload } from '../../workers/sweepProtocol';
import type { LabState, RunStatus } from './store';
import type { Divergence } from '../core/divergence';

export interface SweepVariantRun {
  index: number;
  value: number;
  seed: number;
  /** Evaluation steps and the §V invocations there (parallel arrays). */
  steps: number[];
  trueInvocation: number[];
  predictedInvocation: number[];
  last: EvaluationPoint | null;
  /** Set when the variant diverged: it stopped at its last good weights (the others go on). */
  stopped: Divergence | null;
}

export interface SweepRun {
  plan: SweepPlan;
  status: RunStatus;
  step: number;
  totalSteps: number;
  backend: BackendName | null;
  backendReport: BackendAttempt[];
  stepsPerSecond: number;
  modelStepsPerSecond: number;
  trainingMs: number;
  variants: SweepVariantRun[];
  /** Changes made to the spec on the way (rounding, clamping): planSweep's notes. */
  notes: Message[];
  message: string | null;
  /** The failure line as a message (shown in the language on screen), where the page worded it. */
  localizedMessage: Message | null;
}

/** What a sweep run shows at a checkpoint (sweepController.ts): its step, and per variant its curve's length and stop. */
export interface SweepRunMarks {
  step: number;
  trainingMs: number;
  variants: { points: number; last: EvaluationPoint | null; stopped: SweepVariantRun['stopped'] }[];
}

export interface SweepProgressUpdate {
  payload: SweepProgressPayload;
  status: RunStatus;
}

export interface SweepSlice {
  /** The sweep of the link (null: sweep mode is off). */
  sweep: SweepSpec | null;
  sweepRun: SweepRun | null;
  /** Sets the spec (null turns sweep mode off); an equal spec leaves the state as it is. */
  setSweep: (spec: SweepSpec | null) => void;
  startSweepRun: (plan: SweepPlan, notes: readonly Message[]) => void;
  applySweepProgressBatch: (updates: readonly SweepProgressUpdate[]) => void;
  setSweepStatus: (status: RunStatus) => void;
  failSweepRun: (message: string, localized?: Message | null) => void;
  /** Back to what the run showed at a checkpoint, initializing (a Continue from it: sweepController.ts). */
  rewindSweepRun: (marks: SweepRunMarks) => void;
  clearSweepRun: () => void;
}

export function sameSweep(a: SweepSpec | null, b: SweepSpec | null): boolean {
  return formatSweepLink(a).join('&') === formatSweepLink(b).join('&');
}

export function createSweepRun(plan: SweepPlan, notes: readonly Message[]): SweepRun {
  return {
    plan,
    status: 'initializing',
    step: 0,
    totalSteps: 0,
    backend: null,
    backendReport: [],
    stepsPerSecond: 0,
    modelStepsPerSecond: 0,
    trainingMs: 0,
    variants: plan.variants.map((v) => ({ index: v.index, value: v.value, seed: v.seed, steps: [], trueInvocation: [], predictedInvocation: [], last: null, stopped: null })),
    notes: [...notes],
    message: null,
    localizedMessage: null,
  };
}

/** The run after worker messages, in order (pure): only the variants with new points or a stop are copied. */
export function mergeSweepProgress(run: SweepRun, updates: readonly SweepProgressUpdate[]): SweepRun {
  if (updates.length === 0) return run;
  const variants = [...run.variants];
  const copied = new Set<number>();
  const editable = (k: number): SweepVariantRun | null => {
    const current = variants[k];
    if (!current) return null;
    if (!copied.has(k)) {
      variants[k] = { ...current, steps: [...current.steps], trueInvocation: [...current.trueInvocation], predictedInvocation: [...current.predictedInvocation] };
      copied.add(k);
    }
    return variants[k];
  };
  const next: SweepRun = { ...run };
  for (const { payload, status } of updates) {
    next.status = status;
    next.step = payload.step;
    next.totalSteps = payload.totalSteps;
    next.backend = payload.backend ?? next.backend;
    next.backendReport = payload.backendReport ?? next.backendReport;
    next.stepsPerSecond = payload.stepsPerSecond;
    next.modelStepsPerSecond = payload.modelStepsPerSecond;
    next.trainingMs = payload.trainingMs;
    for (const { variant, point } of payload.points) {
      const v = editable(variant);
      if (!v) continue;
      v.steps.push(point.step);
      v.trueInvocation.push(point.metrics.trueInvocation);
      v.predictedInvocation.push(point.metrics.predictedInvocation);
      v.last = point;
    }
    for (const s of payload.stopped) {
      const v = editable(s.variant);
      if (v) v.stopped = { atStep: s.atStep, restoredStep: s.restoredStep, message: s.message };
    }
  }
  next.variants = variants;
  return next;
}

export function markSweepRun(run: SweepRun): SweepRunMarks {
  return { step: run.step, trainingMs: run.trainingMs, variants: run.variants.map((v) => ({ points: v.steps.length, last: v.last, stopped: v.stopped })) };
}

/** The run as it was at `marks` (pure): the points after it and the stops after it are gone; it waits for its worker. */
export function rewindSweepRun(run: SweepRun, marks: SweepRunMarks): SweepRun {
  return {
    ...run,
    status: 'initializing',
    step: marks.step,
    trainingMs: marks.trainingMs,
    stepsPerSecond: 0,
    modelStepsPerSecond: 0,
    message: null,
    localizedMessage: null,
    variants: run.variants.map((v, k) => {
      const mark = marks.variants[k] ?? { points: 0, last: null, stopped: null };
      return {
        ...v,
        steps: v.steps.slice(0, mark.points),
        trueInvocation: v.trueInvocation.slice(0, mark.points),
        predictedInvocation: v.predictedInvocation.slice(0, mark.points),
        last: mark.last,
        stopped: mark.stopped,
      };
    }),
  };
}

/** The final (or latest) row of every variant that has been evaluated. */
export function buildSweepRunRows(run: SweepRun): SweepResultRow[] {
  return run.variants
    .filter((v) => v.last !== null)
    .map((v) => ({
      variant: v.index,
      value: v.value,
      seed: v.seed,
      trueInvocation: v.last!.metrics.trueInvocation,
      predictedInvocation: v.last!.metrics.predictedInvocation,
      predictionAccuracy: v.last!.metrics.predictionAccuracy,
      overallError: v.last!.metrics.overallError,
      steps: v.last!.step,
      stopped: v.stopped?.message ?? null,
    }));
}

export const createSweepSlice: StateCreator<LabState, [], [], SweepSlice> = (set) => ({
  sweep: null,
  sweepRun: null,
  setSweep: (spec) => set((state) => (sameSweep(state.sweep, spec) ? {} : { sweep: spec })),
  startSweepRun: (plan, notes) => set({ sweepRun: createSweepRun(plan, notes) }),
  applySweepProgressBatch: (updates) => {
    if (updates.length === 0) return;
    set((state) => (state.sweepRun ? { sweepRun: mergeSweepProgress(state.sweepRun, updates) } : {}));
  },
  setSweepStatus: (status) => set((state) => (state.sweepRun ? { sweepRun: { ...state.sweepRun, status } } : {})),
  failSweepRun: (message, localized = null) => set((state) => (state.sweepRun ? { sweepRun: { ...state.sweepRun, status: 'error', message, localizedMessage: localized } } : {})),
  rewindSweepRun: (marks) => set((state) => (state.sweepRun ? { sweepRun: rewindSweepRun(state.sweepRun, marks) } : {})),
  clearSweepRun: () => set({ sweepRun: null }),
});
