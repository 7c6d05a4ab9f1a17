/**
 * AxTrain slice: the AxTrain config (part of the link, `ax=<dataset>&ax.<key>=…`, src/core/axtrain/config.ts;
 * null = no AxTrain view) and the run of its methods (axtrainController.ts: one worker trains them in lockstep).
 * The run keeps the config it was started with: the panels draw its results with that config, and a settings
 * change after it (the link, a control) stops its worker but keeps its results on screen until the next Play
 * (axtrainController.ts), marked as from other settings (selectAxtrainStale).
 * Every setter validates and clamps with AXTRAIN_LIMITS and the link's field table, exactly as a link is read.
 */
import type { StateCreator } from 'zustand';
import type { Message } from '../core/messages';
import {
  AXTRAIN_DATASET_IDS,
  AXTRAIN_HARDWARE_KINDS,
  AXTRAIN_LIMITS,
  AXTRAIN_LINK_FIELDS,
  AXTRAIN_METHOD_IDS,
  NTV_VOLTAGES_MV,
  cloneAxtrainConfig,
  formatAxtrainLink,
  readAxtrainDatasetDefaults,
  type AxtrainConfig,
  type AxtrainDatasetId,
  type AxtrainHardwareKind,
  type AxtrainMethodId,
} from '../core/axtrain/config';
import type { AxtrainMethodSnapshot } from '../core/axtrain/run';
import type { NtvVoltageMv } from '../core/approx/ntv';
import type { BackendName } from '../core/config';
import type { AxtrainProgressPayload } from '../../workers/axtrainProtocol';
import type { BackendAttempt } from '../../workers/protocol';
import type { LabState, RunStatus } from './store';

/** The numeric fields a control sets, each with its AXTRAIN_LIMITS row. */
export type AxtrainNumberField =
  | 'learningRate'
  | 'batchSize'
  | 'seed'
  | 'epochs'
  | 'pasEpochs'
  | 'drumK'
  | 'gamma0'
  | 'deltaGammaScale'
  | 'gammaBound'
  | 'steThreshold'
  | 'evalRuns'
  | 'errorBound';

/** Whole numbers: the link's 'int' fields (one table for the link and the controls). */
const INTEGER_FIELDS: ReadonlySet<string> = new Set(AXTRAIN_LINK_FIELDS.filter((f) => f.kind === 'int').map((f) => f.field));

/** Clamps a control's value into AXTRAIN_LIMITS (rounded for the link's integer fields); a non-finite value keeps `fallback`. */
export function clampAxtrainNumber(field: AxtrainNumberField, value: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  const { min, max } = AXTRAIN_LIMITS[field];
  const rounded = INTEGER_FIELDS.has(field) ? Math.round(value) : value;
  return Math.min(max, Math.max(min, rounded));
}

/** Equal configs ⇔ equal link text (formatAxtrainLink writes every field that differs from the data set's defaults). */
export function sameAxtrainConfig(a: Readonly<AxtrainConfig> | null, b: Readonly<AxtrainConfig> | null): boolean {
  return formatAxtrainLink(a).join('&') === formatAxtrainLink(b).join('&');
}

/**
 * The config a data-set switch leads to: that data set's defaults for what depends on it (hidden widths, epochs,
 * pas training voltage, regression bound: readAxtrainDatasetDefaults), every other setting kept.
 */
export function applyAxtrainDataset(config: Readonly<AxtrainConfig>, dataset: AxtrainDatasetId): AxtrainConfig {
  const d = readAxtrainDatasetDefaults(dataset);
  return { ...cloneAxtrainConfig(config), dataset, hidden: [...d.hidden], epochs: d.epochs, ntvVoltageMv: d.ntvVoltageMv, errorBound: d.errorBound };
}

/** The config with one method on or off, in AXTRAIN_METHOD_IDS order; at least one stays on (null: no change). */
export function toggleAxtrainMethodIn(config: Readonly<AxtrainConfig>, method: AxtrainMethodId, on: boolean): AxtrainConfig | null {
  if (config.methods.includes(method) === on) return null;
  const chosen = new Set(config.methods);
  if (on) chosen.add(method);
  else chosen.delete(method);
  if (chosen.size === 0) return null;
  return { ...cloneAxtrainConfig(config), methods: AXTRAIN_METHOD_IDS.filter((id) => chosen.has(id)) };
}

export interface AxtrainRun {
  /** The settings this run trains (the panels draw its results with them). */
  config: AxtrainConfig;
  status: RunStatus;
  backend: BackendName | null;
  backendReport: BackendAttempt[];
  /** The data in words, from the worker. */
  description: string | null;
  /** Evaluation cadence in steps (from the worker). */
  evalEverySteps: number | null;
  /** Method-steps per second over the last window, summed over the methods that train. */
  stepsPerSecond: number;
  trainingMs: number;
  /** One per method of config.methods, in that order. */
  snapshots: AxtrainMethodSnapshot[];
  message: string | null;
  /** The failure line as a message (shown in the language on screen), where the page worded it. */
  localizedMessage: Message | null;
  /** A settings change stopped this run's worker; its results stay until the next Play, which starts a new run. */
  interrupted: boolean;
}

export interface AxtrainProgressUpdate {
  payload: AxtrainProgressPayload;
  status: RunStatus;
}

export function createAxtrainRun(config: Readonly<AxtrainConfig>): AxtrainRun {
  return {
    config: cloneAxtrainConfig(config),
    status: 'initializing',
    backend: null,
    backendReport: [],
    description: null,
    evalEverySteps: null,
    stepsPerSecond: 0,
    trainingMs: 0,
    snapshots: config.methods.map((method) => ({
      method,
      step: 0,
      totalSteps: 0,
      phase: '',
      points: [],
      hardware: null,
      sensitivityMap: null,
      landscape: null,
      diverged: null,
    })),
    message: null,
    localizedMessage: null,
    interrupted: false,
  };
}

/**
 * The run after worker messages, in order (pure): each delta's points appended to its method's, its landscape,
 * sensitivity map and hardware report put in place of the old ones when it carries one; only the snapshots a
 * batch changed are copied (a panel can skip a method whose snapshot is the same object).
 */
export function mergeAxtrainProgress(run: AxtrainRun, updates: readonly AxtrainProgressUpdate[]): AxtrainRun {
  if (updates.length === 0) return run;
  const snapshots = [...run.snapshots];
  const copied = new Set<number>();
  const next: AxtrainRun = { ...run };
  for (const { payload, status } of updates) {
    next.status = status;
    next.backend = payload.backend ?? next.backend;
    next.backendReport = payload.backendReport ?? next.backendReport;
    next.description = payload.description ?? next.description;
    next.evalEverySteps = payload.evalEverySteps ?? next.evalEverySteps;
    next.stepsPerSecond = payload.stepsPerSecond;
    next.trainingMs = payload.trainingMs;
    for (const delta of payload.methods) {
      const k = snapshots.findIndex((s) => s.method === delta.method);
      if (k < 0) continue;
      if (!copied.has(k)) {
        snapshots[k] = { ...snapshots[k], points: [...snapshots[k].points] };
        copied.add(k);
      }
      const s = snapshots[k];
      s.step = delta.step;
      s.totalSteps = delta.totalSteps;
      s.phase = delta.phase;
      s.points.push(...delta.points);
      s.landscape = delta.landscape ?? s.landscape;
      s.sensitivityMap = delta.sensitivityMap ?? s.sensitivityMap;
      s.hardware = delta.hardware ?? s.hardware;
      s.diverged = delta.diverged ?? s.diverged;
    }
  }
  next.snapshots = snapshots;
  return next;
}

export interface AxtrainSlice {
  /** The AxTrain config of the link (null: the AxTrain view is off). */
  axtrain: AxtrainConfig | null;
  axtrainRun: AxtrainRun | null;
  /** Sets the config (link, nav); null turns the view off; an equal config leaves the state as it is. */
  setAxtrain: (config: AxtrainConfig | null) => void;
  /** Switches the data set (its defaults for topology, epochs, voltage and bound; the rest kept); unknown ids are ignored. */
  setAxtrainDataset: (dataset: string) => void;
  setAxtrainNumber: (field: AxtrainNumberField, value: number) => void;
  /** One method on or off; at least one stays on. */
  toggleAxtrainMethod: (method: string, on: boolean) => void;
  setAxtrainHardware: (kind: string) => void;
  setAxtrainVoltage: (voltageMv: number) => void;
  startAxtrainRun: (config: AxtrainConfig) => void;
  applyAxtrainProgressBatch: (updates: readonly AxtrainProgressUpdate[]) => void;
  setAxtrainStatus: (status: RunStatus) => void;
  failAxtrainRun: (message: string, localized?: Message | null) => void;
  /** The run's worker was stopped by a settings change: paused for good, results kept. */
  interruptAxtrainRun: () => void;
  /** Back to what it showed at a checkpoint (a Continue): it waits for its new worker. */
  rewindAxtrainRun: (marks: AxtrainRunMarks) => void;
  clearAxtrainRun: () => void;
}

/** What an AxTrain run showed at a checkpoint: its snapshots (copied on write, so kept as they are) and its time. */
export interface AxtrainRunMarks {
  snapshots: AxtrainMethodSnapshot[];
  trainingMs: number;
}

export function markAxtrainRun(run: AxtrainRun): AxtrainRunMarks {
  return { snapshots: run.snapshots, trainingMs: run.trainingMs };
}

/** The run as it was at `marks` (pure): the points and views after it are gone; it waits for its worker. */
export function rewindAxtrainRun(run: AxtrainRun, marks: AxtrainRunMarks): AxtrainRun {
  return { ...run, status: 'initializing', snapshots: marks.snapshots, trainingMs: marks.trainingMs, stepsPerSecond: 0, message: null, localizedMessage: null, interrupted: false };
}

/** Applies `change` to the config when there is one and it changes something. */
function updateConfig(state: Pick<LabState, 'axtrain'>, change: (config: AxtrainConfig) => AxtrainConfig | null): Partial<LabState> {
  if (!state.axtrain) return {};
  const next = change(state.axtrain);
  return next && !sameAxtrainConfig(next, state.axtrain) ? { axtrain: next } : {};
}

export const createAxtrainSlice: StateCreator<LabState, [], [], AxtrainSlice> = (set) => ({
  axtrain: null,
  axtrainRun: null,
  setAxtrain: (config) => set((state) => (sameAxtrainConfig(state.axtrain, config) ? {} : { axtrain: config ? cloneAxtrainConfig(config) : null })),
  setAxtrainDataset: (dataset) =>
    set((state) => {
      const id = AXTRAIN_DATASET_IDS.find((known) => known === dataset);
      return id === undefined ? {} : updateConfig(state, (config) => (config.dataset === id ? null : applyAxtrainDataset(config, id)));
    }),
  setAxtrainNumber: (field, value) =>
    set((state) => updateConfig(state, (config) => ({ ...cloneAxtrainConfig(config), [field]: clampAxtrainNumber(field, value, config[field]) }))),
  toggleAxtrainMethod: (method, on) =>
    set((state) => {
      const id = AXTRAIN_METHOD_IDS.find((known) => known === method);
      return id === undefined ? {} : updateConfig(state, (config) => toggleAxtrainMethodIn(config, id, on));
    }),
  setAxtrainHardware: (kind) =>
    set((state) => {
      const hardware = AXTRAIN_HARDWARE_KINDS.find((known) => known === kind);
      return hardware === undefined ? {} : updateConfig(state, (config) => ({ ...cloneAxtrainConfig(config), hardware: hardware as AxtrainHardwareKind }));
    }),
  setAxtrainVoltage: (voltageMv) =>
    set((state) => {
      const mv = NTV_VOLTAGES_MV.find((known) => known === voltageMv);
      return mv === undefined ? {} : updateConfig(state, (config) => ({ ...cloneAxtrainConfig(config), ntvVoltageMv: mv as NtvVoltageMv }));
    }),
  startAxtrainRun: (config) => set({ axtrainRun: createAxtrainRun(config) }),
  applyAxtrainProgressBatch: (updates) => {
    if (updates.length === 0) return;
    set((state) => (state.axtrainRun ? { axtrainRun: mergeAxtrainProgress(state.axtrainRun, updates) } : {}));
  },
  setAxtrainStatus: (status) => set((state) => (state.axtrainRun ? { axtrainRun: { ...state.axtrainRun, status } } : {})),
  failAxtrainRun: (message, localized = null) =>
    set((state) => (state.axtrainRun ? { axtrainRun: { ...state.axtrainRun, status: 'error', message, localizedMessage: localized } } : {})),
  interruptAxtrainRun: () =>
    set((state) => {
      const run = state.axtrainRun;
      if (!run || run.status === 'error') return {};
      const status: RunStatus = run.status === 'done' ? 'done' : 'paused';
      return { axtrainRun: { ...run, status, interrupted: run.status !== 'done', stepsPerSecond: 0 } };
    }),
  rewindAxtrainRun: (marks) => set((state) => (state.axtrainRun ? { axtrainRun: rewindAxtrainRun(state.axtrainRun, marks) } : {})),
  clearAxtrainRun: () => set({ axtrainRun: null }),
});

/** The run's results are from other settings than the view's (a control or the link changed after it started). */
export function selectAxtrainStale(state: Pick<LabState, 'axtrain' | 'axtrainRun'>): boolean {
  return state.axtrainRun !== null && !sameAxtrainConfig(state.axtrainRun.config, state.axtrain);
}

/** Whether the run trains now (or is starting to). */
export function selectAxtrainRunning(state: Pick<LabState, 'axtrainRun'>): boolean {
  const status = state.axtrainRun?.status;
  return status === 'running' || status === 'initializing';
}

/** Epochs a method trains in all: actpas adds its pas epochs (§4). */
export function countMethodEpochs(method: AxtrainMethodId, config: Pick<AxtrainConfig, 'epochs' | 'pasEpochs'>): number {
  return method === 'actpas' ? config.epochs + config.pasEpochs : config.epochs;
}

/** "epoch 3 / 14" of a method's snapshot (epochs = steps / steps-per-epoch, all methods share ⌈train / batch⌉). */
export function describeMethodProgress(snapshot: AxtrainMethodSnapshot, config: Pick<AxtrainConfig, 'epochs' | 'pasEpochs'>): string {
  const epochs = countMethodEpochs(snapshot.method, config);
  if (snapshot.totalSteps === 0) return `epoch 0 / ${epochs}`;
  const epoch = Math.round((snapshot.step * epochs * 10) / snapshot.totalSteps) / 10; // to 0.1 epoch
  const shown = Number.isInteger(epoch) ? String(epoch) : epoch.toFixed(1);
  const end = snapshot.diverged ? ` · diverged at step ${snapshot.diverged.atStep}` : snapshot.hardware ? ' · hardware scored' : '';
  return `epoch ${shown} / ${epochs}${end}`;
}
