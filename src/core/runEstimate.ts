/**
 * What a run will cost before it starts (issue 12, "legal but extreme settings"): the work of one training step, of one
 * evaluation and of the data generation, the memory the run holds, and from a throughput the time of one step and of the
 * whole run. Pure: from the config and its target's input/output widths only.
 *
 * Work is counted in multiply-accumulates (MAC). A dense layer n_in → n_out costs n_in·n_out MACs per sample forward;
 * its backward pass costs about twice that (∂L/∂W and ∂L/∂a), so one training step ≈ 3 × forward × batch.
 * A net per method (src/core/methods/registry.ts): AXNet trains the approximator and the predictor, whose output is
 * Σ L_i + 2 (softmax P(x), eq. 3) or Σ L_i + 1 (sigmoid); onepass and iterative train the approximator and a classifier
 * ending in 2 classes; the lone approximator has no predictor. `trainLone` adds a lone approximator on the same batches.
 *
 * Memory (bytes, float32 = 4 bytes): per parameter θ, the Adam moments m and v and the gradient (4 floats); per sample
 * of a batch the activations of every layer kept for backward plus their gradients (2 floats per unit); the evaluation's
 * activations on the test set (1 float per unit); the data (train + test rows of inputs and outputs, kept as float64 by
 * the dataset and float32 as tensors: 12 bytes a value).
 */
import { formatMessage, message, type Message } from './messages';
import type { BackendChoice, BackendName, LabConfig, MethodId } from './config';
import { computeMethodTotalSteps } from './methods/budget';

export interface NetShape {
  inputDim: number;
  outputDim: number;
}

/** Layer widths input → hidden… → output. */
export type LayerWidths = readonly number[];

/** The dense nets one method trains (the lone approximator of `trainLone` included). */
export function listTrainedNets(
  config: Pick<LabConfig, 'approximatorHidden' | 'predictorHidden' | 'trainLone' | 'predictionOutput'>,
  method: MethodId,
  shape: NetShape,
): LayerWidths[] {
  const approximator = [shape.inputDim, ...config.approximatorHidden, shape.outputDim];
  const controlUnits = config.approximatorHidden.reduce((sum, width) => sum + width, 0);
  const probabilityUnits = config.predictionOutput === 'sigmoid' ? 1 : 2;
  const nets: LayerWidths[] = [approximator];
  if (method === 'axnet' || method === 'weightsharing') nets.push([shape.inputDim, ...config.predictorHidden, controlUnits + probabilityUnits]);
  else if (method === 'onepass' || method === 'iterative') nets.push([shape.inputDim, ...config.predictorHidden, 2]);
  if (config.trainLone && method !== 'lone') nets.push(approximator);
  return nets;
}

/** Σ n_in·n_out over the layers: MACs of one sample's forward pass. */
export function countForwardMacs(widths: LayerWidths): number {
  let macs = 0;
  for (let i = 1; i < widths.length; i++) macs += widths[i - 1] * widths[i];
  return macs;
}

/** Σ n_in·n_out + n_out over the layers: weights and biases. */
export function countParameters(widths: LayerWidths): number {
  let parameters = 0;
  for (let i = 1; i < widths.length; i++) parameters += widths[i - 1] * widths[i] + widths[i];
  return parameters;
}

/** Units after the input (the activations a layer keeps per sample). */
function countUnits(widths: LayerWidths): number {
  return widths.slice(1).reduce((sum, width) => sum + width, 0);
}

/** Backward ≈ 2 × forward (gradients of weights and of activations), so a step is 3 forward passes. */
export const TRAIN_STEP_FORWARD_PASSES = 3;
/**
 * Most work of one slice of a training step, MAC, per backend (issue 12: the worker answers Pause and Stop within 200 ms
 * at any size). About 100 ms at the cpu-side speeds measured on a 2-core machine (tfjs cpu ≈ 0.1 GMAC/s, wasm ≈ 0.5 GMAC/s
 * on the maximal link). The GPU backends queue their kernels and do not hold the worker's thread: no slicing (null).
 */
export const STEP_SLICE_MACS: Readonly<Record<BackendName, number | null>> = { cpu: 1e7, wasm: 5e7, webgl: null, webgpu: null };

/**
 * Row slices of one training step of one model: 1 unless its work, TRAIN_STEP_FORWARD_PASSES × batch × the forward MACs
 * of a row, passes the backend's STEP_SLICE_MACS. A sliced step sums the gradients of the slices' row means weighted by
 * n_i / B, Σ_i (n_i/B)·∇ mean_i = ∇ mean over the batch (the losses are row means), and yields between slices. The
 * count reads the config and the backend only, so the same link on the same backend gives the same numbers however the
 * run is paused; the float sums of a sliced step differ from one whole-batch step's in their last bits.
 */
export function computeStepSlices(backend: BackendName, batchSize: number, rowForwardMacs: number): number {
  return computeRowSlices(backend, batchSize, TRAIN_STEP_FORWARD_PASSES * rowForwardMacs);
}

/**
 * Slices of `rows` rows of work `rowMacs` each so that a slice stays within the backend's STEP_SLICE_MACS (a training
 * step: computeStepSlices; a forward pass over many rows, e.g. a surface grid: rowMacs = the forward MACs of a row).
 */
export function computeRowSlices(backend: BackendName, rows: number, rowMacs: number): number {
  const limit = STEP_SLICE_MACS[backend];
  if (limit === null || !(rows > 1) || !(rowMacs > 0)) return 1;
  // The most rows whose work fits the limit (at least one); slices of ⌈n / ⌈n / fit⌉⌉ ≤ fit rows each.
  const fit = Math.max(1, Math.floor(limit / rowMacs));
  return countEqualSlices(rows, Math.ceil(rows / fit));
}

/** Slices of ⌈B / wanted⌉ rows each (wanted clamped to 1…B): as many as that takes, none empty. */
export function countEqualSlices(batchSize: number, wanted: number): number {
  const clamped = Math.max(1, Math.min(batchSize, Math.floor(wanted)));
  return Math.ceil(batchSize / Math.ceil(batchSize / clamped));
}

/** The rows of slice i of `slices` over a batch: equal parts, the last one shorter. [start, end). */
export function stepSliceRows(batchSize: number, slices: number, index: number): [number, number] {
  const rows = Math.ceil(batchSize / slices);
  return [Math.min(batchSize, index * rows), Math.min(batchSize, (index + 1) * rows)];
}

const FLOAT32_BYTES = 4;
/** θ, Adam's m and v, and the gradient. */
const FLOATS_PER_PARAMETER = 4;
/** An activation kept for backward and its gradient. */
const FLOATS_PER_TRAINING_UNIT = 2;
/** Each data value: float64 in the dataset plus a float32 tensor copy. */
const BYTES_PER_DATA_VALUE = 12;

export interface RunWork {
  /** MACs of one training step (all nets, forward + backward, × batch). */
  stepMacs: number;
  /** MACs of one evaluation (forward on the test set, all nets). */
  evalMacs: number;
  /** Evaluations in the run (every evalEvery steps, and the last step). */
  evaluations: number;
  /** Values written to generate the data ((train + test) × (inputs + outputs)). */
  dataValues: number;
  parameters: number;
  memoryBytes: number;
}

export function estimateRunWork(
  config: Pick<LabConfig, 'approximatorHidden' | 'predictorHidden' | 'trainLone' | 'predictionOutput' | 'batchSize' | 'testSize' | 'trainSize' | 'steps' | 'rounds' | 'evalEvery'>,
  method: MethodId,
  shape: NetShape,
): RunWork {
  const nets = listTrainedNets(config, method, shape);
  const forwardMacs = nets.reduce((sum, net) => sum + countForwardMacs(net), 0);
  const parameters = nets.reduce((sum, net) => sum + countParameters(net), 0);
  const units = nets.reduce((sum, net) => sum + countUnits(net), 0);
  const dataValues = (config.trainSize + config.testSize) * (shape.inputDim + shape.outputDim);
  const memoryBytes =
    FLOAT32_BYTES * (FLOATS_PER_PARAMETER * parameters + FLOATS_PER_TRAINING_UNIT * units * config.batchSize + units * config.testSize) + BYTES_PER_DATA_VALUE * dataValues;
  return {
    stepMacs: TRAIN_STEP_FORWARD_PASSES * forwardMacs * config.batchSize,
    evalMacs: forwardMacs * config.testSize,
    evaluations: Math.ceil(computeMethodTotalSteps(config, method) / config.evalEvery),
    dataValues,
    parameters,
    memoryBytes,
  };
}

export interface BackendThroughput {
  /** Sustained multiply-accumulates per second of a training step. */
  macPerSecond: number;
  /** Fixed cost of one step (kernel dispatch, readback), ms. */
  stepOverheadMs: number;
}

/**
 * Conservative speeds per backend when nothing was measured (a classroom laptop, tfjs 4.22): plain-JS cpu a few hundred
 * MMAC/s, wasm (SIMD) about a GMAC/s, the GPU backends a few GMAC/s with a dispatch cost per step. 'auto' may end on
 * wasm, so it is assumed to be no faster. Shown as "estimate" on screen.
 */
export const TABLE_THROUGHPUT: Readonly<Record<BackendChoice, BackendThroughput>> = {
  cpu: { macPerSecond: 2e8, stepOverheadMs: 0.5 },
  wasm: { macPerSecond: 1e9, stepOverheadMs: 0.5 },
  webgl: { macPerSecond: 3e9, stepOverheadMs: 3 },
  webgpu: { macPerSecond: 5e9, stepOverheadMs: 3 },
  auto: { macPerSecond: 1e9, stepOverheadMs: 0.5 },
};

/** A measured rate (steps/s of a net whose step costs stepMacs) as MAC/s. */
export function throughputFromMeasurement(stepsPerSecond: number, stepMacs: number): number {
  return stepsPerSecond * stepMacs;
}

export interface RunEstimate extends RunWork {
  backend: BackendChoice;
  /** 'measured': from a measured backend speed; 'estimate': TABLE_THROUGHPUT. */
  source: 'measured' | 'estimate';
  macPerSecond: number;
  stepMs: number;
  evalMs: number;
  /** Data generation, ms (one MAC-equivalent per value at the backend's speed, a lower bound). */
  dataMs: number;
  /** steps × step + evaluations × evaluation + data, ms. */
  runMs: number;
}

/**
 * The run's time on `backend`: from `measuredMacPerSecond` (MAC/s of that backend, measured in this browser) when given,
 * else the table. Overheads stay the table's (a measured rate of a small net already contains them).
 */
export function estimateRun(config: Parameters<typeof estimateRunWork>[0], method: MethodId, shape: NetShape, backend: BackendChoice, measuredMacPerSecond?: number): RunEstimate {
  const work = estimateRunWork(config, method, shape);
  const table = TABLE_THROUGHPUT[backend];
  const measured = measuredMacPerSecond !== undefined && Number.isFinite(measuredMacPerSecond) && measuredMacPerSecond > 0;
  const macPerSecond = measured ? measuredMacPerSecond : table.macPerSecond;
  const stepMs = (1000 * work.stepMacs) / macPerSecond + table.stepOverheadMs;
  const evalMs = (1000 * work.evalMacs) / macPerSecond;
  const dataMs = (1000 * work.dataValues) / macPerSecond;
  return {
    ...work,
    backend,
    source: measured ? 'measured' : 'estimate',
    macPerSecond,
    stepMs,
    evalMs,
    dataMs,
    // The method's own budget (METHOD_BUDGET_RULE: iterative trains 16× AXNet's steps).
    runMs: computeMethodTotalSteps(config, method) * stepMs + work.evaluations * evalMs + dataMs,
  };
}

/** Past any of these, Play asks first (one table). */
export const EXTREME_THRESHOLDS = {
  stepMs: 250,
  runMs: 15 * 60 * 1000,
  memoryBytes: 1e9,
} as const;

export type ExtremeReason = keyof typeof EXTREME_THRESHOLDS;

/** Which thresholds the estimate passes (empty: start without asking). */
export function findExtremeReasons(estimate: Pick<RunEstimate, ExtremeReason>): ExtremeReason[] {
  return (Object.keys(EXTREME_THRESHOLDS) as ExtremeReason[]).filter((reason) => estimate[reason] > EXTREME_THRESHOLDS[reason]);
}

/** "Shrink" caps these fields (the smaller config the warning offers). */
export const SHRINK_LIMITS = {
  hiddenWidth: 32,
  batchSize: 512,
  trainSize: 20000,
  testSize: 5000,
  steps: 20000,
} as const;

/** Config fields shrinkConfig may change. */
export type ShrinkField = 'approximatorHidden' | 'predictorHidden' | 'batchSize' | 'trainSize' | 'testSize' | 'steps';

/** `config` with SHRINK_LIMITS applied, except to the fields in `frozen` (a class link's locked controls). */
export function shrinkConfig<T extends Pick<LabConfig, ShrinkField>>(config: Readonly<T>, frozen: ReadonlySet<ShrinkField> = new Set()): T {
  const capWidths = (widths: readonly number[]) => widths.map((width) => Math.min(width, SHRINK_LIMITS.hiddenWidth));
  const next = { ...config } as T;
  if (!frozen.has('approximatorHidden')) next.approximatorHidden = capWidths(config.approximatorHidden);
  if (!frozen.has('predictorHidden')) next.predictorHidden = capWidths(config.predictorHidden);
  if (!frozen.has('batchSize')) next.batchSize = Math.min(config.batchSize, SHRINK_LIMITS.batchSize);
  if (!frozen.has('trainSize')) next.trainSize = Math.min(config.trainSize, SHRINK_LIMITS.trainSize);
  if (!frozen.has('testSize')) next.testSize = Math.min(config.testSize, SHRINK_LIMITS.testSize);
  if (!frozen.has('steps')) next.steps = Math.min(config.steps, SHRINK_LIMITS.steps);
  return next;
}

/** "2.6 s", "340 ms", "3 h 12 min", as a message (src/core/messages.ts) in every interface language. */
export function durationMessage(ms: number): Message {
  if (ms < 1000) return message('durationMs', { n: String(Math.round(ms)) });
  if (ms < 60_000) return message('durationSeconds', { n: (ms / 1000).toFixed(1) });
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return message('durationMinutes', { n: String(minutes) });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return message('durationHours', { hours: String(hours), minutes: String(minutes % 60) });
  return message('durationDays', { n: Math.round(hours / 24).toLocaleString('en-US') });
}

export function formatDuration(ms: number): string {
  return formatMessage(durationMessage(ms), 'en');
}

/** "1.2 GB", "340 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}

/** The estimate in plain words, for the warning before Play. */
export function runEstimateMessage(estimate: RunEstimate): Message {
  const speed = message(estimate.source === 'measured' ? 'measuredSpeedOf' : 'estimateFor', { backend: estimate.backend });
  return message('runEstimate', { step: durationMessage(estimate.stepMs), run: durationMessage(estimate.runMs), memory: formatBytes(estimate.memoryBytes), speed });
}

export function describeRunEstimate(estimate: RunEstimate): string {
  return formatMessage(runEstimateMessage(estimate), 'en');
}
