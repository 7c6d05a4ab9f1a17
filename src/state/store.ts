/**
 * The one zustand store of the lab, made of three slices (zustand's slices pattern):
 * - config: the LabConfig that determines a run (the URL hash mirrors it, urlSync.ts);
 * - run: what the training worker reported (status, step, backend, history, surface);
 * - ui: hover point, notices, selected panel;
 * and the compare, NPU, study, sweep, AxTrain, NAS and classroom slices of their own files.
 * Components read it through the named selectors of selectors.ts.
 */
import type { Message } from '../core/messages';
import { DEFAULT_LANGUAGE, isLanguageId, type LanguageId } from '../core/language';
import { create, type StateCreator } from 'zustand';
import {
  CHOOSE_TYPES,
  CONFIG_LIMITS,
  CONTROL_PLACEMENTS,
  DEFAULT_CONFIG,
  FUSION_CHOICES,
  INITIALIZATIONS,
  METHOD_IDS,
  PREDICTION_OUTPUTS,
  applyTargetDefaults,
  cloneConfig,
  isBackendChoice,
  isMethodId,
  isTargetId,
  type BackendName,
  type ChooseType,
  type ControlPlacement,
  type FusionChoice,
  type Initialization,
  type LabConfig,
  type MethodId,
  type PredictionOutput,
} from '../core/config';
import type { AxnetWeights, EvaluationPoint, SurfaceSnapshot } from '../core/weights';
import { cloneCustomFunction, type CustomFunctionConfig } from '../core/targets/customDefaults';
import { checkCustomFunction, customFunctionKey } from '../core/targets/customFunction';
import type { BackendAttempt, ParameterCounts, ProgressPayload } from '../../workers/protocol';
import { createCompareSlice, type CompareSlice } from './compareSlice';
import { createStudySlice, type StudySlice } from './studySlice';
import { createAxtrainStudySlice, type AxtrainStudySlice } from './axtrainStudySlice';
import type { BenchmarkViewData } from '../core/benchmarkViews';
import { createNpuSlice, type NpuSlice } from './npuSlice';
import { createSweepSlice, type SweepSlice } from './sweepSlice';
import { createAxtrainSlice, type AxtrainSlice } from './axtrainSlice';
import { createNasSlice, type NasSlice } from './nasSlice';
import { createNasStudySlice, type NasStudySlice } from './nasStudySlice';
import { createClassroomSlice, type ClassroomSlice } from './classroomSlice';

export type RunStatus = 'idle' | 'initializing' | 'running' | 'paused' | 'done' | 'error';
export type NoticeKind = 'link' | 'divergence' | 'crash' | 'device' | 'info';
export type PanelId = 'invocation' | 'surface' | 'control' | 'npu';

export interface Notice {
  kind: NoticeKind;
  /** The English text (tests, logs; the page's text when there is no message). */
  text: string;
  /** The same in every interface language (src/core/messages.ts): the page renders this when present. */
  message?: Message;
  /** 'continue': the notice offers Continue (trainingController.continueRun: the run starts again with the same settings). */
  action?: 'continue';
}

/** A point of a 2-D target's input plane, in input units (first input, second input). */
export interface HoverPoint {
  u: number;
  v: number;
}

type NumericConfigField = 'learningRate' | 'batchSize' | 'errorBound' | 'seed' | 'steps' | 'trainSize' | 'testSize' | 'evalEvery';
const INTEGER_FIELDS: ReadonlySet<NumericConfigField> = new Set(['batchSize', 'seed', 'steps', 'trainSize', 'testSize', 'evalEvery']);
const FIELD_LIMITS: Record<NumericConfigField, { min: number; max: number }> = {
  learningRate: CONFIG_LIMITS.learningRate,
  batchSize: CONFIG_LIMITS.batchSize,
  errorBound: CONFIG_LIMITS.errorBound,
  seed: CONFIG_LIMITS.seed,
  steps: CONFIG_LIMITS.steps,
  trainSize: CONFIG_LIMITS.trainSize,
  testSize: CONFIG_LIMITS.testSize,
  evalEvery: CONFIG_LIMITS.evalEvery,
};

/** Clamps a form value into CONFIG_LIMITS; a non-finite value keeps `fallback`. */
export function clampConfigNumber(field: NumericConfigField, value: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  const { min, max } = FIELD_LIMITS[field];
  const rounded = INTEGER_FIELDS.has(field) ? Math.round(value) : value;
  return Math.min(max, Math.max(min, rounded));
}

/** Clamps a list of hidden widths: 1..4 layers of 1..128 neurons. */
export function clampHiddenWidths(widths: readonly number[], fallback: readonly number[]): number[] {
  const { hiddenLayers, hiddenWidth } = CONFIG_LIMITS;
  const cleaned = widths
    .filter((w) => Number.isFinite(w))
    .slice(0, hiddenLayers.max)
    .map((w) => Math.min(hiddenWidth.max, Math.max(hiddenWidth.min, Math.round(w))));
  return cleaned.length >= hiddenLayers.min ? cleaned : [...fallback];
}

export interface ConfigSlice {
  config: LabConfig;
  /** Replaces the whole config (from a link); fields are assumed validated by parseLink. */
  replaceConfig: (config: LabConfig) => void;
  setNumber: (field: NumericConfigField, value: number) => void;
  setTarget: (target: string) => void;
  /**
   * Stores the custom target's expression and ranges when they pass checkCustomFunction (whitelist, limits,
   * finite on the ranges); returns the refusal (nothing stored; a message, in any language) or null.
   */
  setCustomFunction: (customFunction: Readonly<CustomFunctionConfig>) => Message | null;
  setBackend: (backend: string) => void;
  setTrainLone: (trainLone: boolean) => void;
  setHidden: (net: 'approximatorHidden' | 'predictorHidden', widths: readonly number[]) => void;
  /** Turns one method on or off; at least one stays on (one = lab view, several = compare mode). */
  toggleMethod: (method: string, on: boolean) => void;
  setFusion: (fusion: string) => void;
  setPredictionOutput: (output: string) => void;
  setRounds: (rounds: number) => void;
  setChooseType: (chooseType: number) => void;
  setMatchParameters: (matchParameters: boolean) => void;
  /** Initial biases of every method's nets: the authors' zeros or 0.1 (src/core/modelChoices.ts). */
  setInitialization: (initialization: string) => void;
  /** AXNet's ⊙c(i) after the activation (Algorithm 1, §IV, authors' code) or inside it (eq. 4 as printed). */
  setControlPlacement: (placement: string) => void;
}

/**
 * The config a target switch leads to: the target's calibrated lab defaults (bound, topologies, learning
 * rate, batch, steps, dataset sizes; TARGET_LAB_DEFAULTS), other fields kept.
 * The same function builds a link's config (src/core/link.ts), so a switch and `#v=1&target=…` agree.
 */
export { applyTargetDefaults };

/** One worker message with the status the controller decided for it. */
export interface RunProgressUpdate {
  payload: ProgressPayload;
  status: RunStatus;
}

/**
 * The status a worker message leads to, given what the user asked for last (read when the message is
 * applied, not when it arrived): `done` ends the run; progress shows the user's intent, so a message
 * sent before a pause cannot turn the run back to 'running'.
 */
export function statusAfterMessage(message: { type: 'progress' | 'done' }, intent: 'running' | 'paused'): RunStatus {
  return message.type === 'done' ? 'done' : intent;
}

export interface RunSlice {
  status: RunStatus;
  step: number;
  backend: BackendName | null;
  backendReport: BackendAttempt[];
  history: EvaluationPoint[];
  surface: SurfaceSnapshot | null;
  stepsPerSecond: number;
  trainingMs: number;
  parameterCounts: ParameterCounts | null;
  /** Method the lab-view worker trains, its total step count and current phase (from progress). */
  method: MethodId | null;
  totalSteps: number;
  phase: string;
  /** The phase in every interface language (src/core/messages.ts), null when done or not reported. */
  phaseMessage: Message | null;
  /** Last message from the worker side (error text), or null. */
  message: string | null;
  /** The same text in every interface language, when the state layer wrote it (src/core/messages.ts). */
  localizedMessage: Message | null;
  /** The trained AXNet (sent when the run pauses or is done) and the step it is from; for the NPU view. */
  weights: AxnetWeights | null;
  weightsStep: number;
  /** Benchmark view (image or scatter) of the latest pause/end, or null. */
  benchmark: BenchmarkViewData | null;
  setStatus: (status: RunStatus) => void;
  /** Merges a worker message; `status` is decided by the controller, which knows the user's intent. */
  applyProgress: (payload: ProgressPayload, status: RunStatus) => void;
  /** Merges the messages of one animation frame, in order, in one `set` (trainingController's batcher). */
  applyProgressBatch: (updates: readonly RunProgressUpdate[]) => void;
  failRun: (message: string, localized?: Message) => void;
  resetRunState: () => void;
  /** A run that continues from its checkpoint at `step` (a fault, a GPU loss, a reload): its curves up to there stay. */
  resumeRunState: (step: number) => void;
}

/**
 * A question about the run waiting for the user's answer, shown in one place (RunChangePrompt, src/ui/Notice.tsx):
 * 'change': a settings change (runChange.ts), the step "New run" would discard, and the changes;
 * 'extreme': Play with settings whose estimate passes a threshold (extremeRun.ts), the estimate in words and the
 * changes "Shrink" would make (empty: nothing may shrink). Nothing starts before the answer.
 */
export type RunChangePrompt = { kind: 'change'; step: number; changes: Message[] } | { kind: 'extreme'; estimate: Message; changes: Message[] };

export interface UiSlice {
  hover: HoverPoint | null;
  notice: Notice | null;
  runChange: RunChangePrompt | null;
  selectedPanel: PanelId;
  /** The interface language (src/core/language.ts): in the link as `lang=` when not English, and remembered. */
  language: LanguageId;
  setHover: (hover: HoverPoint | null) => void;
  showNotice: (notice: Notice | null) => void;
  selectPanel: (panel: PanelId) => void;
  setLanguage: (language: LanguageId) => void;
}

export type LabState = ConfigSlice &
  RunSlice &
  UiSlice &
  CompareSlice &
  NpuSlice &
  StudySlice &
  AxtrainStudySlice &
  SweepSlice &
  AxtrainSlice &
  NasSlice &
  NasStudySlice &
  ClassroomSlice;

const createConfigSlice: StateCreator<LabState, [], [], ConfigSlice> = (set) => ({
  config: cloneConfig(DEFAULT_CONFIG),
  replaceConfig: (config) => set({ config: cloneConfig(config) }),
  setNumber: (field, value) =>
    set((state) => {
      const next = clampConfigNumber(field, value, state.config[field]);
      return next === state.config[field] ? {} : { config: { ...state.config, [field]: next } };
    }),
  setTarget: (target) => set((state) => (isTargetId(target) && target !== state.config.target ? { config: applyTargetDefaults(state.config, target) } : {})),
  setCustomFunction: (customFunction) => {
    const checked = checkCustomFunction(customFunction);
    if (!checked.ok) return checked.problem;
    const next = cloneCustomFunction({ ...customFunction, expression: checked.value.expression });
    set((state) => (customFunctionKey(next) === customFunctionKey(state.config.customFunction) ? {} : { config: { ...state.config, customFunction: next } }));
    return null;
  },
  setBackend: (backend) => set((state) => (isBackendChoice(backend) && backend !== state.config.backend ? { config: { ...state.config, backend } } : {})),
  setTrainLone: (trainLone) => set((state) => (trainLone === state.config.trainLone ? {} : { config: { ...state.config, trainLone } })),
  setHidden: (net, widths) => set((state) => ({ config: { ...state.config, [net]: clampHiddenWidths(widths, state.config[net]) } })),
  toggleMethod: (method, on) =>
    set((state) => {
      if (!isMethodId(method) || state.config.methods.includes(method) === on) return {};
      const chosen = new Set<MethodId>(state.config.methods);
      if (on) chosen.add(method);
      else chosen.delete(method);
      if (chosen.size === 0) return {};
      return { config: { ...state.config, methods: METHOD_IDS.filter((id) => chosen.has(id)) } };
    }),
  setFusion: (fusion) =>
    set((state) =>
      (FUSION_CHOICES as readonly string[]).includes(fusion) && fusion !== state.config.fusion ? { config: { ...state.config, fusion: fusion as FusionChoice } } : {},
    ),
  setPredictionOutput: (output) =>
    set((state) =>
      (PREDICTION_OUTPUTS as readonly string[]).includes(output) && output !== state.config.predictionOutput
        ? { config: { ...state.config, predictionOutput: output as PredictionOutput } }
        : {},
    ),
  setRounds: (rounds) =>
    set((state) => {
      if (!Number.isFinite(rounds)) return {};
      const next = Math.min(CONFIG_LIMITS.rounds.max, Math.max(CONFIG_LIMITS.rounds.min, Math.round(rounds)));
      return next === state.config.rounds ? {} : { config: { ...state.config, rounds: next } };
    }),
  setChooseType: (chooseType) =>
    set((state) =>
      (CHOOSE_TYPES as readonly number[]).includes(chooseType) && chooseType !== state.config.chooseType
        ? { config: { ...state.config, chooseType: chooseType as ChooseType } }
        : {},
    ),
  setMatchParameters: (matchParameters) => set((state) => (matchParameters === state.config.matchParameters ? {} : { config: { ...state.config, matchParameters } })),
  setInitialization: (initialization) =>
    set((state) =>
      (INITIALIZATIONS as readonly string[]).includes(initialization) && initialization !== state.config.initialization
        ? { config: { ...state.config, initialization: initialization as Initialization } }
        : {},
    ),
  setControlPlacement: (placement) =>
    set((state) =>
      (CONTROL_PLACEMENTS as readonly string[]).includes(placement) && placement !== state.config.controlPlacement
        ? { config: { ...state.config, controlPlacement: placement as ControlPlacement } }
        : {},
    ),
});

const INITIAL_RUN = {
  status: 'idle' as RunStatus,
  step: 0,
  backend: null,
  backendReport: [],
  history: [],
  surface: null,
  stepsPerSecond: 0,
  trainingMs: 0,
  parameterCounts: null,
  method: null,
  totalSteps: 0,
  phase: '',
  phaseMessage: null as Message | null,
  message: null,
  localizedMessage: null,
  weights: null as AxnetWeights | null,
  weightsStep: 0,
  benchmark: null as BenchmarkViewData | null,
};

type RunProgressFields = Omit<RunSlice, 'setStatus' | 'applyProgress' | 'applyProgressBatch' | 'failRun' | 'resetRunState' | 'resumeRunState' | 'message' | 'localizedMessage'>;

/**
 * The run fields of a run that continues from its checkpoint at `step` (pure): the evaluation points up to that step
 * stay (the resumed worker evaluates the later ones again, to the same numbers on the same backend), the step is the
 * checkpoint's, the backend is unknown until the new worker reports it; the run is initializing.
 */
export function truncateRunTo(
  state: Pick<RunSlice, 'history'>,
  step: number,
): Pick<RunSlice, 'history' | 'step' | 'status' | 'backend' | 'message' | 'localizedMessage' | 'stepsPerSecond'> {
  return { history: state.history.filter((point) => point.step <= step), step, status: 'initializing', backend: null, message: null, localizedMessage: null, stepsPerSecond: 0 };
}

/**
 * The run fields after worker messages, applied in order (pure): the last message's step, status and
 * rates; every message's points appended (one new history array per batch, not per message); the
 * latest surface, weights and benchmark view that any message carried.
 */
export function mergeRunProgress(state: RunProgressFields, updates: readonly RunProgressUpdate[]): Partial<RunProgressFields> {
  if (updates.length === 0) return {};
  const next: RunProgressFields = {
    status: state.status,
    step: state.step,
    backend: state.backend,
    backendReport: state.backendReport,
    history: state.history,
    surface: state.surface,
    stepsPerSecond: state.stepsPerSecond,
    trainingMs: state.trainingMs,
    parameterCounts: state.parameterCounts,
    method: state.method,
    totalSteps: state.totalSteps,
    phase: state.phase,
    phaseMessage: state.phaseMessage,
    weights: state.weights,
    weightsStep: state.weightsStep,
    benchmark: state.benchmark,
  };
  const points: EvaluationPoint[] = [];
  for (const { payload, status } of updates) {
    next.step = payload.step;
    next.backend = payload.backend ?? next.backend;
    next.backendReport = payload.backendReport ?? next.backendReport;
    points.push(...payload.points);
    next.surface = payload.surface ?? next.surface;
    next.stepsPerSecond = payload.stepsPerSecond;
    next.trainingMs = payload.trainingMs;
    next.parameterCounts = payload.parameterCounts ?? next.parameterCounts;
    next.method = payload.method;
    next.totalSteps = payload.totalSteps;
    next.phase = payload.phase;
    next.phaseMessage = payload.phaseMessage;
    next.weights = payload.weights ?? next.weights;
    next.benchmark = payload.benchmark ?? next.benchmark;
    next.weightsStep = payload.weights ? payload.step : next.weightsStep;
    next.status = status;
  }
  next.history = points.length > 0 ? [...state.history, ...points] : state.history;
  return next;
}

const createRunSlice: StateCreator<LabState, [], [], RunSlice> = (set) => ({
  ...INITIAL_RUN,
  setStatus: (status) => set({ status }),
  applyProgress: (payload, status) => set((state) => mergeRunProgress(state, [{ payload, status }])),
  applyProgressBatch: (updates) => {
    if (updates.length > 0) set((state) => mergeRunProgress(state, updates));
  },
  failRun: (message, localized) => set({ status: 'error', message, localizedMessage: localized ?? null }),
  resetRunState: () => set({ ...INITIAL_RUN }),
  resumeRunState: (step) => set((state) => truncateRunTo(state, step)),
});

const createUiSlice: StateCreator<LabState, [], [], UiSlice> = (set) => ({
  hover: null,
  notice: null,
  runChange: null,
  selectedPanel: 'invocation',
  language: DEFAULT_LANGUAGE,
  setHover: (hover) => set({ hover }),
  showNotice: (notice) => set({ notice }),
  selectPanel: (selectedPanel) => set({ selectedPanel }),
  setLanguage: (language) => set((state) => (isLanguageId(language) && language !== state.language ? { language } : {})),
});

export const useLabStore = create<LabState>()((...args) => ({
  ...createConfigSlice(...args),
  ...createRunSlice(...args),
  ...createUiSlice(...args),
  ...createCompareSlice(...args),
  ...createStudySlice(...args),
  ...createAxtrainStudySlice(...args),
  ...createNpuSlice(...args),
  ...createSweepSlice(...args),
  ...createAxtrainSlice(...args),
  ...createNasSlice(...args),
  ...createNasStudySlice(...args),
  ...createClassroomSlice(...args),
}));
