/**
 * The one training engine: every method (AXNet with its fusion and P(x) variants, lone, onepass,
 * iterative, weight sharing) is a MethodProgram — its nets, θ groups, phases, loss and prediction — and
 * this engine trains K models of it at once, one batched tensor program per step:
 *   - θ of each group is ONE variable of K·P entries (src/ml/methods/flat.ts: padded layout, masks,
 *     each kernel and bias a contiguous [K × n] block);
 *   - each step draws every model's batch from its own 'batches' stream, runs the phase's loss of all K
 *     models as one program (batched matMuls), sums the per-model losses (their gradients stay apart)
 *     and applies one Adam with per-model learning rates (./adam.ts);
 *   - one readback per chunk: every step's per-model losses and Σθ per model; a model whose loss or
 *     weights became NaN/Inf is restored to its weights of the chunk start and stopped, the others go on;
 *   - evaluation computes the §V metrics of each model on its own test set (overall error: each sample's
 *     error averaged over its outputs, as the authors' code; the worst-output variant beside it).
 * K = 1 gives the numbers of the per-method trainers this replaced, bit for bit on cpu (engine.test.ts).
 * Same models + same backend ⇒ same numbers, however the steps are chunked.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName, Initialization, LabConfig, MethodId } from '../../core/config';
import type { Dataset } from '../../core/dataset';
import { computeInvocationMetrics, computeSampleErrors, labelSafe } from '../../core/metrics';
import { createRng, type Rng } from '../../core/rng';
import { computeStepSlices, countEqualSlices, stepSliceRows } from '../../core/runEstimate';
import type { EngineCheckpoint, LossSumsCheckpoint } from '../../core/checkpoint';
import type { ErrorMetricId } from '../../core/targets/types';
import type { MethodPhase, PhaseKind } from '../../core/methods/budget';
import type { Message } from '../../core/messages';
import {
  buildGroupPositions,
  buildPaddedLayout,
  buildPaddingMask,
  padModelParameters,
  readFlatNet,
  splitFlatParameters,
  unpadModelParameters,
  initializeFlatParameters,
  packFlatParameters,
  type FlatNetSpec,
  type PaddedLayout,
} from '../methods/flat';
import type { DenseTensors, Rows } from '../axnet';
import { createDivergence } from '../../core/divergence';
import type { AxnetWeights, BaselineWeights, DenseLayerWeights, EvaluationPoint, MethodTopology, TrainChunkResult, TrainOptions } from '../types';
import { createGroupAdam, type GroupAdam } from './adam';

/** Net tensors of all groups by net name: kernels [K, fanIn, fanOut], biases [K, 1, fanOut]. */
export type NetTensors = Record<string, DenseTensors[]>;

/** What the engine itself reads of a model's config (a method's program reads the rest of its own config type). */
export interface EngineModelConfig {
  seed: number;
  learningRate: number;
  batchSize: number;
  /** Error bound of eq. 1 (AXNet); the accuracy bound of a regression target (AxTrain). */
  errorBound: number;
  /** Biases at the start (kernels are N(0, 0.1) either way): src/core/modelChoices.ts. */
  initialization: Initialization;
}

/** One model of a group: its config, its data, its loss weights. */
export interface ProgramModel<C extends EngineModelConfig = LabConfig> {
  config: Readonly<C>;
  dataset: Dataset;
  /** J = mse·La + ce·Lp; absent: 1 and 1 (the paper's J, eq. 2). */
  lossWeights?: { mse: number; ce: number };
}

/** What a phase trains on, per model: sample indices (null = all training data) and fixed labels (1 safe) or null. */
export interface PhaseData {
  indices: Int32Array | null;
  labels: Uint8Array | null;
}

export interface PhaseTools {
  /** Per model: H(x) [trainSize × M] and the classifier's logit gap [trainSize] (null: none) on its whole training set. */
  predictTrainSets(): Promise<{ output: Float32Array; gap: Float32Array | null }[]>;
  /** Per-sample error of model k's H(x) on its training set (the target's metric). */
  computeTrainErrors(model: number, output: Float32Array): Float64Array;
  /** Adds a line to model k's notes. */
  note(model: number, text: string): void;
}

export interface ProgramPhase extends MethodPhase {
  /** Which θ group this phase updates. */
  group: string;
}

/** Per-model tensors a step hands to the loss. */
export interface StepContext {
  /** Error bound of eq. 1: one number when every model has the same, else one per model, [K, 1, 1]. */
  bound: number | tf.Tensor;
  /** The target's error metric (null: a classification data set, which has none). */
  metric: ErrorMetricId | null;
  /** Loss weights [K] each, or null when every model has J = La + Lp. */
  lossWeights: { mse: tf.Tensor; ce: tf.Tensor } | null;
  /** The training step being computed, 1-based over all phases (a program that draws noise per step reads it). */
  step: number;
}

/** Per-model [K] losses of one step: the minimized total and the parts reported (null when the phase has none). */
export interface StepLoss {
  total: tf.Tensor;
  mse: tf.Tensor | null;
  crossEntropy: tf.Tensor | null;
  /** The lone approximator's MSE, trained beside AXNet on the same batches (config.trainLone). */
  loneMse?: tf.Tensor | null;
  /** Per-model [K] values of the program's extraColumns, in that order (reported, not minimized). */
  extras?: tf.Tensor[];
}

/** Per model: the means over one epoch's steps (NaN where the model did not train). */
export interface EpochMeans {
  total: number;
  mse: number;
  extras: number[];
}

/** Per model: the loss averages since the last read (evaluate), each NaN until first reported. */
export interface LossAverages {
  loss: number;
  mse: number;
  crossEntropy: number;
  extras: number[];
}

/** The nets of one model (widths may differ between models; names, streams and depth may not). */
export interface ProgramModelNets<C extends EngineModelConfig = LabConfig> {
  groups: { name: string; nets: FlatNetSpec[] }[];
  topology: MethodTopology;
  parameterCounts: { approximator: number; predictor: number; total: number; lone: number };
  /** The config its nets were built from (AXNet with matchParameters: the matched widths). */
  effectiveConfig: Readonly<C>;
  notes: string[];
}

/** A method as data for the engine. */
export interface MethodProgram<C extends EngineModelConfig = LabConfig, M extends string = MethodId> {
  method: M;
  /** The error metric of the models' target (labels of eq. 1, §V metrics); null for a classification data set. */
  errorMetric: ErrorMetricId | null;
  models: ProgramModelNets<C>[];
  /** The phases in training order (the same for every model of the group). */
  phases: ProgramPhase[];
  /** AXNet reports J = La + Lp per step as its loss; the others report the sum of their parts' averages. */
  reportsJointLoss: boolean;
  /** x: [K, batch, N], y: [K, batch, M]; sign: [K, batch, 1] with s = 1 − 2·p_label for fixed labels, else null. */
  computeStepLoss(kind: PhaseKind, nets: NetTensors, x: Rows, y: Rows, sign: Rows | null, context: StepContext): StepLoss;
  /** H(x) [K, n, M], the classifier's logit gap [K, n, 1] (safe ⇔ gap > 0) or null, and the lone approximator's H(x) when trained. */
  predict(nets: NetTensors, x: Rows): { output: Rows; gap: Rows | null; lone?: Rows | null };
  /** Per FUSED hidden layer: activations before ⊙c(i), c(i) and after, [K, n, L_i] (AXNet's control vectors, Fig. 4d). */
  hidden?(nets: NetTensors, x: Rows): { fusedLayers: readonly number[]; before: Rows[]; controls: Rows[]; after: Rows[] };
  /** Called once before the first step of each phase; returns each model's data. Default: all data, no labels. */
  enterPhase?(index: number, tools: PhaseTools): Promise<PhaseData[]>;
  /** Plain weights of one model from its nets read back. */
  toAxnetWeights(read: (net: string) => DenseLayerWeights[]): AxnetWeights;
  toBaselineWeights(read: (net: string) => DenseLayerWeights[]): BaselineWeights | null;
  /** Net name of the lone approximator trained beside the method, or null. */
  loneNet: string | null;
  /** Names of StepLoss.extras (e.g. AxTrain's S(w) and γ): averaged like the losses. */
  extraColumns?: readonly string[];
  /**
   * True when every part of computeStepLoss is a mean over the batch's rows (per model) and draws nothing per call: a big
   * step may then be computed over row slices (src/core/runEstimate.ts computeStepSlices) with the same gradient.
   */
  rowMeanLoss?: boolean;
  /**
   * Steps per epoch, for a program whose loss changes at epoch ends (AxTrain's adaptive γ): the engine
   * then syncs at every epoch end and calls endEpoch with the epoch's per-model means, before the
   * next step; chunking does not change the numbers.
   */
  epochSteps?: number;
  /** epoch: 1-based; means[k] of model k (NaN for a model that has stopped). */
  endEpoch?(epoch: number, means: EpochMeans[]): void;
  /** A program with state of its own (what endEpoch changes) gives it as plain data for a checkpoint… */
  captureState?(): unknown;
  /** …and takes it back on restore. A program with endEpoch but without these cannot be checkpointed. */
  restoreState?(state: unknown): void;
}

export interface EngineOptions {
  /** Test hook: makes model `model`'s loss of this training step (1-based, over all phases) NaN. */
  injectNaN?: { model: number; step: number };
  /** Start model k from these nets (by net name, every net of the program) instead of its seeded init; null: the init. */
  initialNets?: (model: number) => Record<string, readonly DenseLayerWeights[]> | null;
  /** Row slices of every step of a rowMeanLoss program instead of the rule's (src/core/runEstimate.ts computeStepSlices). */
  stepSlices?: number;
}

/** One model's per-chunk outcome, as TrainChunkResult. */
export type ModelDivergence = TrainChunkResult['diverged'];

export interface GroupEngine<C extends EngineModelConfig = LabConfig, M extends string = MethodId> {
  readonly method: M;
  readonly size: number;
  readonly backend: BackendName;
  readonly totalSteps: number;
  /** Steps done by the models still training (the group's clock). */
  readonly step: number;
  /** Per model: the step whose weights it keeps after diverging, or null while it trains. */
  readonly stoppedAt: readonly (number | null)[];
  readonly trainingMs: number;
  /** What the next step trains, e.g. 'round 3/8 · classifier'; 'done' at the end. */
  readonly phase: string;
  /** The phase's label in every interface language (null: done, or a program whose phases have none). */
  readonly phaseMessage: Message | null;
  readonly program: MethodProgram<C, M>;
  notes(model: number): readonly string[];
  /** Step of model k: the group's step, or its stop step. */
  modelStep(model: number): number;
  train(steps: number, options?: TrainOptions): Promise<{ step: number; diverged: ModelDivergence[] }>;
  /** Row slices of each training step (1: whole batches). */
  readonly stepSlices: number;
  /** Forward MACs of one row of one model (Σ of its θ groups' sizes: weights and biases), the base of the slice rules. */
  readonly rowForwardMacs: number;
  /** §V metrics of every model on its test set (needs the program's errorMetric). */
  evaluate(): Promise<EvaluationPoint[]>;
  /** Model k's loss averages since the last read (evaluate reads them too), then starts new sums. */
  takeLossAverages(model: number): LossAverages;
  /** Forward x [K, n, N] of every model (rows given per model). */
  predict(x: Float32Array, rows: number): Promise<{ output: Float32Array; gap: Float32Array | null; lone: Float32Array | null }>;
  /** Runs fn on the split nets inside a tidy and keeps the tensors it returns (e.g. AXNet's hidden activations for a surface). */
  withNets(fn: (nets: NetTensors) => tf.Tensor[]): tf.Tensor[];
  /** Input rows for the nets of withNets: `count` rows of every model (values: K × count × N). */
  rows(values: Float32Array, count: number): tf.Tensor;
  readNet(model: number, net: string): Promise<DenseLayerWeights[]>;
  getWeights(model: number): Promise<AxnetWeights>;
  getBaselineWeights(model: number): Promise<BaselineWeights | null>;
  /** Everything the next step reads, as plain data (between chunks; src/core/checkpoint.ts). */
  checkpoint(): Promise<EngineCheckpoint>;
  /** Continues from a checkpoint of an engine of the same program and models: the next steps equal the uninterrupted run's (same backend). */
  restore(checkpoint: EngineCheckpoint): void;
  dispose(): void;
}

interface Group {
  name: string;
  padded: PaddedLayout;
  theta: tf.Variable;
  /** positions[k·P + e]: where entry e of model k's padded row lives in θ. */
  positions: Int32Array;
  /** 1/0 per entry of θ where padding must stay zero, or null (no padding). */
  mask: tf.Tensor | null;
  adam: GroupAdam;
  lastGood: tf.Tensor;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Columns of the kept loss rows per phase kind: [total, MSE?, CE?, lone MSE?]. */
const KEPT: Record<PhaseKind, { mse: boolean; ce: boolean }> = {
  joint: { mse: true, ce: true },
  approximator: { mse: true, ce: false },
  classifier: { mse: false, ce: true },
};

export function createGroupEngine<C extends EngineModelConfig, M extends string>(
  program: MethodProgram<C, M>,
  models: readonly ProgramModel<C>[],
  options: EngineOptions = {},
): GroupEngine<C, M> {
  const K = models.length;
  if (K === 0) throw new Error('A model group needs at least one model');
  if (program.models.length !== K) throw new Error(`The program describes ${program.models.length} models, not ${K}`);
  const first = models[0].config;
  const { inputDim, outputDim } = models[0].dataset;
  const batchSize = first.batchSize;
  const testSize = models[0].dataset.testSize;
  const trainSize = models[0].dataset.trainSize;
  for (const m of models) {
    if (
      m.dataset.inputDim !== inputDim ||
      m.dataset.outputDim !== outputDim ||
      m.config.batchSize !== batchSize ||
      m.dataset.testSize !== testSize ||
      m.dataset.trainSize !== trainSize
    ) {
      throw new Error('Every model of a group must share the data shapes, batch size and data set sizes');
    }
  }
  const requireMetric = (): ErrorMetricId => {
    if (program.errorMetric === null) throw new Error(`${program.method} has no error metric: the §V metrics need a target`);
    return program.errorMetric;
  };
  const extraCount = program.extraColumns?.length ?? 0;
  const epochSteps = program.epochSteps && program.endEpoch ? Math.max(1, Math.floor(program.epochSteps)) : 0;
  const backend = tf.getBackend() as BackendName;
  const { phases } = program;
  const totalSteps = phases.reduce((sum, p) => sum + p.steps, 0);
  const phaseEnds: number[] = [];
  phases.reduce((sum, p) => {
    phaseEnds.push(sum + p.steps);
    return sum + p.steps;
  }, 0);

  // θ groups: one padded layout per group over the K models' nets; each model initialized exactly as alone
  // (its own seed and initialization: kernels N(0, 0.1), biases 0 or 0.1).
  const groupNames = program.models[0].groups.map((g) => g.name);
  const groups: Group[] = groupNames.map((name, gi) => {
    const padded = buildPaddedLayout(
      program.models.map((m) => {
        const g = m.groups[gi];
        if (!g || g.name !== name) throw new Error(`Models of one group must have the same θ groups (${name})`);
        return g.nets;
      }),
    );
    const size = padded.layout.size;
    const positions = buildGroupPositions(padded.layout, K);
    // Scatters per-model padded rows into θ's order.
    const scatter = (row: (k: number) => ArrayLike<number>) => {
      const out = new Float32Array(K * size);
      for (let k = 0; k < K; k++) {
        const values = row(k);
        for (let e = 0; e < size; e++) out[positions[k * size + e]] = values[e];
      }
      return out;
    };
    const theta = tf.tidy(() =>
      tf.variable(
        tf.tensor1d(
          scatter((k) => {
            const given = options.initialNets?.(k);
            const layout = padded.modelLayouts[k];
            return padModelParameters(
              padded,
              k,
              given ? packFlatParameters(layout, given) : initializeFlatParameters(layout, models[k].config.seed, models[k].config.initialization),
            );
          }),
        ),
        true,
      ),
    );
    const paddingMask = padded.padded ? buildPaddingMask(padded) : null;
    return {
      name,
      padded,
      theta,
      positions,
      mask: paddingMask ? tf.tensor1d(scatter((k) => paddingMask.subarray(k * size, (k + 1) * size))) : null,
      adam: createGroupAdam(scatter((k) => new Float32Array(size).fill(models[k].config.learningRate))),
      lastGood: tf.clone(theta),
    };
  });
  const groupByName = new Map(groups.map((g) => [g.name, g]));
  /** Row slices of every step: 1 unless the loss is a row mean and a step is big for this backend (issue 12). */
  const rowForwardMacs = groups.reduce((sum, g) => sum + g.padded.layout.size, 0);
  const stepSlices = !program.rowMeanLoss
    ? 1
    : options.stepSlices !== undefined
      ? countEqualSlices(batchSize, options.stepSlices)
      : computeStepSlices(backend, batchSize, rowForwardMacs);
  for (const phase of phases) if (!groupByName.has(phase.group)) throw new Error(`Phase ${phase.label}: unknown group ${phase.group}`);
  const netGroup = new Map<string, Group>();
  for (const g of groups) for (const net of g.padded.layout.nets) netGroup.set(net.name, g);

  const stack = (get: (m: ProgramModel<C>) => Float32Array) => {
    const out = new Float32Array(K * get(models[0]).length);
    models.forEach((m, k) => out.set(get(m), k * get(models[0]).length));
    return out;
  };
  /**
   * Rows of every model: [K, rows, width]; one model's as [rows, width], so that a single run is the very
   * program of one model (on tfjs cpu a rank-3 broadcast add costs 4× a rank-2 one; and the numbers are the same).
   */
  const rowsOf = (values: Float32Array, rows: number, width: number): tf.Tensor => (K === 1 ? tf.tensor2d(values, [rows, width]) : tf.tensor3d(values, [K, rows, width]));
  const testX = rowsOf(
    stack((m) => m.dataset.testX),
    testSize,
    inputDim,
  );
  let trainX: tf.Tensor | null = null; // built when a phase first needs predictions on the training sets
  const context: StepContext = {
    bound: models.every((m) => m.config.errorBound === first.errorBound)
      ? first.errorBound
      : tf.tensor3d(
          models.map((m) => m.config.errorBound),
          [K, 1, 1],
        ),
    metric: program.errorMetric,
    step: 0,
    lossWeights: models.some((m) => m.lossWeights && (m.lossWeights.mse !== 1 || m.lossWeights.ce !== 1))
      ? { mse: tf.tensor1d(models.map((m) => m.lossWeights?.mse ?? 1)), ce: tf.tensor1d(models.map((m) => m.lossWeights?.ce ?? 1)) }
      : null,
  };
  const batchRngs: Rng[] = models.map((m) => createRng(m.config.seed, 'batches'));
  const batchX = new Float32Array(K * batchSize * inputDim);
  const batchY = new Float32Array(K * batchSize * outputDim);
  const batchSign = new Float32Array(K * batchSize);
  const notes: string[][] = program.models.map((m) => [...m.notes]);
  const hasLone = program.loneNet !== null;

  let step = 0;
  let lastGoodStep = 0;
  let enteredPhase = -1;
  let phaseData: PhaseData[] = models.map(() => ({ indices: null, labels: null }));
  const stoppedAt: (number | null)[] = models.map(() => null);
  const activeEntries = new Map<Group, tf.Tensor>(); // per group, once a model has stopped: bool per entry of θ
  let disposed = false;
  let trainingMs = 0;
  // Per model: loss sums since the last evaluate (float64), and the last reported averages.
  const emptySums = () => ({ total: 0, totalCount: 0, mse: 0, mseCount: 0, ce: 0, ceCount: 0, extras: new Float64Array(extraCount), extrasCount: 0 });
  const sums = models.map(emptySums);
  const last = models.map(() => ({ loss: Number.NaN, mse: Number.NaN, crossEntropy: Number.NaN, extras: new Array<number>(extraCount).fill(Number.NaN) }));
  // Per model: sums over the current epoch (programs with epochSteps).
  let epochSums = models.map(emptySums);

  const assertUsable = () => {
    if (disposed) throw new Error('This trainer has been disposed');
  };
  const phaseIndexAt = (s: number): number => {
    for (let p = 0; p < phases.length; p++) if (s < phaseEnds[p]) return p;
    return phases.length;
  };
  const effectiveTheta = (g: Group): tf.Tensor => (g.mask ? tf.mul(g.theta, g.mask) : g.theta);
  /** The model axis of the nets: K, or none for one model (kernels [fanIn, fanOut], as rowsOf). */
  const modelAxis = K === 1 ? undefined : K;
  const splitAll = (): NetTensors => Object.assign({}, ...groups.map((g) => splitFlatParameters(effectiveTheta(g) as tf.Tensor1D, g.padded.layout, modelAxis)));
  /** Per entry of group g's θ: whether it belongs to a model for which `pick` holds. */
  const modelEntries = (g: Group, pick: (k: number) => boolean): tf.Tensor => {
    const size = g.padded.layout.size;
    const flags = new Uint8Array(K * size);
    for (let k = 0; k < K; k++) if (pick(k)) for (let e = 0; e < size; e++) flags[g.positions[k * size + e]] = 1;
    return tf.tensor1d(flags, 'bool');
  };

  const runPredict = async (x: tf.Tensor) => {
    const tensors = tf.tidy(() => {
      const { output, gap, lone } = program.predict(splitAll(), x);
      return [output, gap ?? tf.zeros([0]), lone ?? tf.zeros([0])];
    });
    try {
      const [output, gap, lone] = (await Promise.all(tensors.map((t) => t.data()))) as Float32Array[];
      return { output, gap: tensors[1].size ? gap : null, lone: tensors[2].size ? lone : null };
    } finally {
      tensors.forEach((t) => t.dispose());
    }
  };

  const tools: PhaseTools = {
    predictTrainSets: async () => {
      trainX ??= rowsOf(
        stack((m) => m.dataset.trainX),
        trainSize,
        inputDim,
      );
      const { output, gap } = await runPredict(trainX);
      return models.map((_, k) => ({
        output: output.subarray(k * trainSize * outputDim, (k + 1) * trainSize * outputDim),
        gap: gap ? gap.subarray(k * trainSize, (k + 1) * trainSize) : null,
      }));
    },
    computeTrainErrors: (k, output) => computeSampleErrors(requireMetric(), output, models[k].dataset.trainY, outputDim),
    note: (k, text) => {
      notes[k].push(text);
    },
  };

  /** Every model's batch, drawn with replacement from its phase data (its own 'batches' stream, one sequence per step). */
  const drawBatches = () => {
    for (let m = 0; m < K; m++) {
      const { indices, labels } = phaseData[m];
      const data = models[m].dataset;
      const rng = batchRngs[m];
      for (let b = 0; b < batchSize; b++) {
        const index = indices ? indices[rng.int(indices.length)] : rng.int(data.trainSize);
        const row = m * batchSize + b;
        // Element by element: for rows this short a loop beats subarray + set (K × batch rows per step).
        for (let i = 0; i < inputDim; i++) batchX[row * inputDim + i] = data.trainX[index * inputDim + i];
        for (let o = 0; o < outputDim; o++) batchY[row * outputDim + o] = data.trainY[index * outputDim + o];
        if (labels) batchSign[row] = labels[index] ? -1 : 1; // s = 1 − 2·p_label
      }
    }
  };

  /**
   * The gradient of one θ group's Σ_k loss_k on rows [start, end) of every model's batch, and the kept losses [K, columns]:
   * as they are (weight null: the whole batch) or times weight n/B (a slice of a sliced step, so that the slices sum to
   * the batch's means).
   */
  const computeStepGradient = (phase: ProgramPhase, poison: tf.Tensor | null, start: number, end: number, weight: number | null): { gradient: tf.Tensor; kept: tf.Tensor } =>
    tf.tidy(() => {
      const group = groupByName.get(phase.group)!;
      const whole = start === 0 && end === batchSize;
      const rowsOfBatch = (values: Float32Array, width: number) => {
        const all = rowsOf(values, batchSize, width);
        if (whole) return all;
        return modelAxis === undefined ? tf.slice(all, [start, 0], [end - start, width]) : tf.slice(all, [0, start, 0], [K, end - start, width]);
      };
      const x = rowsOfBatch(batchX, inputDim);
      const y = rowsOfBatch(batchY, outputDim);
      const labelled = phaseData.some((d) => d.labels !== null);
      const sign = labelled ? rowsOfBatch(batchSign, 1) : null;
      let kept: tf.Tensor | null = null;
      const { grads } = tf.variableGrads(() => {
        // The phase's nets only (a phase updates one θ group): as the per-method trainers did.
        const nets = splitFlatParameters(effectiveTheta(group) as tf.Tensor1D, group.padded.layout, modelAxis);
        const parts = program.computeStepLoss(phase.kind, nets, x, y, sign, context);
        // Minimized per model: J (+ the lone approximator's MSE: its entries of θ get no gradient from J and vice versa).
        let minimized = parts.loneMse ? tf.add(parts.total, parts.loneMse) : parts.total;
        const extras = parts.extras ?? [];
        if (extras.length !== extraCount) throw new Error(`${program.method} reported ${extras.length} extra columns, not ${extraCount}`);
        let columns = [parts.total, parts.mse, parts.crossEntropy, ...(hasLone ? [parts.loneMse ?? null] : []), ...extras].filter((v): v is tf.Tensor => v !== null);
        if (weight !== null) {
          minimized = tf.mul(minimized, weight);
          columns = columns.map((c) => tf.mul(c, weight));
        }
        if (poison) {
          minimized = tf.mul(minimized, poison);
          columns = columns.map((c) => tf.mul(c, poison));
        }
        // [K, columns]; one model's scalars as [columns] (the same order when read back).
        kept = tf.keep(tf.stack(columns, modelAxis === undefined ? 0 : 1));
        // Σ over models: each model's gradient is its own loss's (∂/∂θ_k of Σ_j L_j = ∂L_k/∂θ_k).
        return tf.sum(minimized) as tf.Scalar;
      }, [group.theta]);
      return { gradient: grads[group.theta.name], kept: kept! };
    });

  /** One Adam step of one θ group for all K models on whole batches; returns the kept losses [K, columns]. */
  const runStep = (phase: ProgramPhase, poison: tf.Tensor | null): tf.Tensor =>
    tf.tidy(() => {
      const group = groupByName.get(phase.group)!;
      const { gradient, kept } = computeStepGradient(phase, poison, 0, batchSize, null);
      group.adam.apply(group.theta, gradient, activeEntries.get(group) ?? null);
      return kept;
    });

  /**
   * One Adam step over the batch's stepSlices row slices: Σ_i (n_i/B)·∇ mean_i = ∇ of the batch's mean, awaiting
   * `interrupt` between slices; null when it asked to stop (nothing applied).
   */
  const runSlicedStep = async (phase: ProgramPhase, poison: tf.Tensor | null, interrupt: TrainOptions['interrupt']): Promise<tf.Tensor | null> => {
    const group = groupByName.get(phase.group)!;
    let gradient: tf.Tensor | null = null;
    let kept: tf.Tensor | null = null;
    const accumulate = (sum: tf.Tensor | null, part: tf.Tensor): tf.Tensor => {
      if (!sum) return part;
      const next = tf.add(sum, part);
      sum.dispose();
      part.dispose();
      return next;
    };
    try {
      for (let i = 0; i < stepSlices; i++) {
        if (i > 0 && interrupt && (await interrupt())) return null;
        const [start, end] = stepSliceRows(batchSize, stepSlices, i);
        const part = computeStepGradient(phase, poison, start, end, (end - start) / batchSize);
        gradient = accumulate(gradient, part.gradient);
        kept = accumulate(kept, part.kept);
      }
      const summed = gradient!;
      tf.tidy(() => group.adam.apply(group.theta, summed, activeEntries.get(group) ?? null));
      const result = kept;
      kept = null;
      return result;
    } finally {
      gradient?.dispose();
      kept?.dispose();
    }
  };

  const columnsOf = (kind: PhaseKind) => 1 + (KEPT[kind].mse ? 1 : 0) + (KEPT[kind].ce ? 1 : 0) + (hasLone ? 1 : 0) + extraCount;

  const restoreModel = (k: number) => {
    for (const g of groups) {
      const restored = tf.tidy(() => {
        return tf.where(
          modelEntries(g, (j) => j === k),
          g.lastGood,
          g.theta,
        );
      });
      g.theta.assign(restored);
      restored.dispose();
    }
  };

  /**
   * `requested` steps (≥ 1, within the budget) with one sync at the end; divergence restores the segment's start. Returns
   * true when `interrupt` stopped a sliced step: the segment then ends with the steps before it.
   */
  const trainSegment = async (requested: number, diverged: ModelDivergence[], interrupt: TrainOptions['interrupt']): Promise<boolean> => {
    const started = now();
    let count = requested;
    let interrupted = false;
    const chunkStart = step;
    const activeAtStart = stoppedAt.map((s) => s === null);
    const stepLosses: tf.Tensor[] = [];
    const stepKinds: PhaseKind[] = [];
    try {
      for (let s = 0; s < count; s++) {
        const p = phaseIndexAt(chunkStart + s);
        if (p !== enteredPhase) {
          phaseData = program.enterPhase ? await program.enterPhase(p, tools) : models.map(() => ({ indices: null, labels: null }));
          enteredPhase = p;
        }
        // A sliced step can be undone: its batches are drawn again from the same stream positions.
        const streamsBefore = stepSlices > 1 ? batchRngs.map((rng) => rng.getState()) : null;
        drawBatches();
        context.step = chunkStart + s + 1;
        const poisonHere =
          options.injectNaN && options.injectNaN.step === chunkStart + s + 1 ? tf.tensor1d(models.map((_, k) => (k === options.injectNaN!.model ? Number.NaN : 1))) : null;
        let kept: tf.Tensor | null;
        try {
          kept = stepSlices > 1 ? await runSlicedStep(phases[p], poisonHere, interrupt) : runStep(phases[p], poisonHere);
        } finally {
          poisonHere?.dispose();
        }
        if (kept === null) {
          streamsBefore!.forEach((state, k) => batchRngs[k].setState(state));
          count = s;
          interrupted = true;
          break;
        }
        stepLosses.push(kept);
        stepKinds.push(phases[p].kind);
      }
    } catch (error) {
      stepLosses.forEach((t) => t.dispose());
      throw error;
    }
    if (count === 0) {
      trainingMs += now() - started;
      return interrupted;
    }
    // The only sync of the chunk (besides phase entries): every step's per-model losses and Σθ per model.
    const all = tf.tidy(() => tf.concat(stepLosses.map((t) => t.reshape([-1]))));
    const thetaSums = groups.map((g) => tf.sum(g.theta));
    stepLosses.forEach((t) => t.dispose());
    let values: Float32Array, thetaChecks: Float32Array[];
    try {
      [values, ...thetaChecks] = (await Promise.all([all.data(), ...thetaSums.map((t) => t.data())])) as Float32Array[];
    } finally {
      all.dispose();
      thetaSums.forEach((t) => t.dispose());
    }
    const badStep = models.map(() => -1);
    type Row = { total: number; mse: number | null; ce: number | null; extras: number[] };
    const parsed: Row[][] = [];
    let offset = 0;
    for (let s = 0; s < count; s++) {
      const kept = KEPT[stepKinds[s]];
      const width = columnsOf(stepKinds[s]);
      const rows: Row[] = [];
      for (let k = 0; k < K; k++) {
        const base = offset + k * width;
        const extrasBase = base + width - extraCount;
        const row = {
          total: values[base],
          mse: kept.mse ? values[base + 1] : null,
          ce: kept.ce ? values[base + (kept.mse ? 2 : 1)] : null,
          extras: Array.from({ length: extraCount }, (_, c) => values[extrasBase + c]),
        };
        rows.push(row);
        if (activeAtStart[k] && badStep[k] < 0) {
          for (let c = 0; c < width; c++) if (!Number.isFinite(values[base + c])) badStep[k] = s;
        }
      }
      offset += K * width;
      parsed.push(rows);
    }
    // Σθ non-finite: find the models whose own weights are (rare; one readback of θ).
    for (let gi = 0; gi < groups.length; gi++) {
      if (Number.isFinite(thetaChecks[gi][0])) continue;
      const g = groups[gi];
      const values = (await g.theta.data()) as Float32Array;
      const size = g.padded.layout.size;
      for (let k = 0; k < K; k++) {
        if (!activeAtStart[k] || badStep[k] >= 0) continue;
        for (let e = 0; e < size; e++) {
          if (!Number.isFinite(values[g.positions[k * size + e]])) {
            badStep[k] = count - 1;
            break;
          }
        }
      }
    }
    let anyStopped = false;
    for (let k = 0; k < K; k++) {
      if (badStep[k] < 0) continue;
      // Restore model k's weights of the chunk start and stop it; the other models keep this chunk.
      restoreModel(k);
      stoppedAt[k] = lastGoodStep;
      anyStopped = true;
      diverged[k] = createDivergence(chunkStart + badStep[k] + 1, lastGoodStep);
    }
    if (anyStopped) {
      for (const g of groups) {
        activeEntries.get(g)?.dispose();
        activeEntries.set(
          g,
          modelEntries(g, (k) => stoppedAt[k] === null),
        );
      }
    }
    for (let s = 0; s < count; s++) {
      for (let k = 0; k < K; k++) {
        if (!activeAtStart[k] || diverged[k]) continue; // stopped before this chunk, or this chunk is undone for model k
        const { total, mse, ce, extras } = parsed[s][k];
        for (const sum of epochSteps ? [sums[k], epochSums[k]] : [sums[k]]) {
          sum.total += total;
          sum.totalCount++;
          if (mse !== null) {
            sum.mse += mse;
            sum.mseCount++;
          }
          if (ce !== null) {
            sum.ce += ce;
            sum.ceCount++;
          }
          for (let c = 0; c < extraCount; c++) sum.extras[c] += extras[c];
          sum.extrasCount++;
        }
      }
    }
    step = chunkStart + count;
    if (stoppedAt.every((s) => s !== null)) step = lastGoodStep; // nothing trains any more: the clock stays at the kept weights
    for (const g of groups) {
      g.lastGood.dispose();
      g.lastGood = tf.clone(g.theta);
    }
    lastGoodStep = step;
    trainingMs += now() - started;
    return interrupted;
  };

  const train = async (requested: number, trainOptions: TrainOptions = {}): Promise<{ step: number; diverged: ModelDivergence[] }> => {
    assertUsable();
    const diverged: ModelDivergence[] = models.map(() => null);
    let left = Math.max(0, Math.min(Math.floor(requested), totalSteps - step));
    while (left > 0 && !stoppedAt.every((s) => s !== null)) {
      // Without epochs: one segment. With epochs: segments end at epoch ends, where the program's loss may change.
      const count = epochSteps ? Math.min(left, epochSteps - (step % epochSteps)) : left;
      if (await trainSegment(count, diverged, trainOptions.interrupt)) break;
      left -= count;
      if (epochSteps && step % epochSteps === 0 && step > 0 && !stoppedAt.every((s) => s !== null)) {
        const means = epochSums.map((sum) => ({
          total: sum.totalCount ? sum.total / sum.totalCount : Number.NaN,
          mse: sum.mseCount ? sum.mse / sum.mseCount : Number.NaN,
          extras: Array.from(sum.extras, (value) => (sum.extrasCount ? value / sum.extrasCount : Number.NaN)),
        }));
        epochSums = models.map(emptySums);
        program.endEpoch!(step / epochSteps, means);
      }
    }
    return { step, diverged };
  };

  const modelStep = (k: number) => stoppedAt[k] ?? step;

  const takeLossAverages = (k: number): LossAverages => {
    const sum = sums[k];
    const previous = last[k];
    if (program.reportsJointLoss) {
      if (sum.totalCount > 0) previous.loss = sum.total / sum.totalCount;
      if (sum.mseCount > 0) previous.mse = sum.mse / sum.mseCount;
      if (sum.ceCount > 0) previous.crossEntropy = sum.ce / sum.ceCount;
    } else {
      if (sum.mseCount > 0) previous.mse = sum.mse / sum.mseCount;
      if (sum.ceCount > 0) previous.crossEntropy = sum.ce / sum.ceCount;
      const any = Number.isFinite(previous.mse) || Number.isFinite(previous.crossEntropy);
      previous.loss = any ? (Number.isFinite(previous.mse) ? previous.mse : 0) + (Number.isFinite(previous.crossEntropy) ? previous.crossEntropy : 0) : Number.NaN;
    }
    if (sum.extrasCount > 0) for (let c = 0; c < extraCount; c++) previous.extras[c] = sum.extras[c] / sum.extrasCount;
    sums[k] = emptySums();
    return { loss: previous.loss, mse: previous.mse, crossEntropy: previous.crossEntropy, extras: [...previous.extras] };
  };

  const evaluate = async (): Promise<EvaluationPoint[]> => {
    assertUsable();
    const metric = requireMetric();
    const { output, gap, lone } = await runPredict(testX);
    return models.map((m, k) => {
      const slice = (values: Float32Array, width: number) => values.subarray(k * testSize * width, (k + 1) * testSize * width);
      const errors = computeSampleErrors(metric, slice(output, outputDim), m.dataset.testY, outputDim);
      // The overall error averages each sample's outputs (authors' code); eq. 1's label needs every output within the bound.
      const outputMeanErrors = outputDim > 1 && metric !== 'rms' ? computeSampleErrors(metric, slice(output, outputDim), m.dataset.testY, outputDim, 'meanOverOutputs') : errors;
      // Predicted safe ⇔ gap > 0 (softmax: z_safe − z_unsafe; sigmoid: z; ties → unsafe, as argmax);
      // no classifier (lone): every input is approximated.
      const predictedSafe = gap ? Uint8Array.from(slice(gap, 1), (g) => (g > 0 ? 1 : 0)) : new Uint8Array(errors.length).fill(1);
      const metrics = computeInvocationMetrics(errors, predictedSafe, m.config.errorBound, outputMeanErrors);
      let loneTrueInvocation: number | null = null;
      if (lone) {
        const loneErrors = computeSampleErrors(metric, slice(lone, outputDim), m.dataset.testY, outputDim);
        let safe = 0;
        for (const e of loneErrors) if (labelSafe(e, m.config.errorBound)) safe++;
        loneTrueInvocation = loneErrors.length === 0 ? 0 : safe / loneErrors.length;
      }
      const { loss, mse, crossEntropy } = takeLossAverages(k);
      return { step: modelStep(k), metrics, loss, mse, crossEntropy, loneTrueInvocation };
    });
  };

  const copySums = (sum: ReturnType<typeof emptySums>): LossSumsCheckpoint => ({ ...sum, extras: Array.from(sum.extras) });
  const readSums = (sum: LossSumsCheckpoint): ReturnType<typeof emptySums> => ({ ...sum, extras: Float64Array.from(sum.extras) });
  const canCheckpointProgram = () => !program.endEpoch || (program.captureState !== undefined && program.restoreState !== undefined);

  const checkpoint = async (): Promise<EngineCheckpoint> => {
    assertUsable();
    if (!canCheckpointProgram()) throw new Error(`${program.method} cannot be checkpointed: its program keeps state it does not expose`);
    const groupStates = [];
    for (const g of groups) {
      // A copy: on tfjs cpu data() is the variable's own store, and a checkpoint's buffers get transferred.
      const theta = ((await g.theta.data()) as Float32Array).slice();
      groupStates.push({ name: g.name, theta, adam: await g.adam.readState() });
    }
    return {
      method: program.method,
      size: K,
      step,
      lastGoodStep,
      trainingMs,
      groups: groupStates,
      batchRngs: batchRngs.map((rng) => rng.getState()),
      enteredPhase,
      phaseData: phaseData.map((d) => ({ indices: d.indices ? d.indices.slice() : null, labels: d.labels ? d.labels.slice() : null })),
      stoppedAt: [...stoppedAt],
      notes: notes.map((n) => [...n]),
      sums: sums.map(copySums),
      epochSums: epochSums.map(copySums),
      lastAverages: last.map((l) => ({ ...l, extras: [...l.extras] })),
      program: program.captureState ? program.captureState() : null,
    };
  };

  const restore = (saved: EngineCheckpoint): void => {
    assertUsable();
    if (!canCheckpointProgram()) throw new Error(`${program.method} cannot be restored from a checkpoint`);
    if (saved.method !== program.method || saved.size !== K) throw new Error(`A checkpoint of ${saved.size} ${saved.method} model(s) does not fit ${K} ${program.method}`);
    if (
      saved.groups.length !== groups.length ||
      saved.groups.some((g, i) => g.name !== groups[i].name || g.theta.length !== groups[i].theta.size) ||
      saved.batchRngs.length !== K ||
      saved.phaseData.length !== K
    ) {
      throw new Error('The checkpoint was taken from other networks (θ groups or sizes differ)');
    }
    if (!Number.isInteger(saved.step) || saved.step < 0 || saved.step > totalSteps) throw new Error(`Checkpoint step ${saved.step} is outside 0…${totalSteps}`);
    saved.groups.forEach((state, i) => {
      const g = groups[i];
      const theta = tf.tensor1d(state.theta.slice()); // a copy: tfjs cpu keeps the given array as the store
      g.theta.assign(theta);
      theta.dispose();
      // The divergence guard's last-good weights: θ between chunks.
      g.lastGood.dispose();
      g.lastGood = tf.clone(g.theta);
      g.adam.writeState(state.adam);
    });
    saved.batchRngs.forEach((state, k) => batchRngs[k].setState(state));
    step = saved.step;
    lastGoodStep = saved.lastGoodStep;
    trainingMs = saved.trainingMs;
    enteredPhase = saved.enteredPhase;
    phaseData = saved.phaseData.map((d) => ({ indices: d.indices ? d.indices.slice() : null, labels: d.labels ? d.labels.slice() : null }));
    saved.stoppedAt.forEach((s, k) => (stoppedAt[k] = s));
    activeEntries.forEach((t) => t.dispose());
    activeEntries.clear();
    if (stoppedAt.some((s) => s !== null))
      for (const g of groups)
        activeEntries.set(
          g,
          modelEntries(g, (k) => stoppedAt[k] === null),
        );
    saved.notes.forEach((n, k) => (notes[k] = [...n]));
    saved.sums.forEach((sum, k) => (sums[k] = readSums(sum)));
    epochSums = saved.epochSums.map(readSums);
    saved.lastAverages.forEach((l, k) => (last[k] = { ...l, extras: [...l.extras] }));
    if (program.restoreState) program.restoreState(saved.program);
  };

  /** Model k's own θ of group g (unpadded), from one readback of the group's variable. */
  const readModelTheta = async (g: Group, k: number): Promise<Float32Array> => {
    const values = (await g.theta.data()) as Float32Array;
    const size = g.padded.layout.size;
    const row = Float32Array.from({ length: size }, (_, e) => values[g.positions[k * size + e]]);
    return unpadModelParameters(g.padded, k, row);
  };
  const readNet = async (k: number, net: string): Promise<DenseLayerWeights[]> => {
    assertUsable();
    const g = netGroup.get(net);
    if (!g) throw new Error(`Unknown net: ${net}`);
    return readFlatNet(g.padded.modelLayouts[k], await readModelTheta(g, k), net);
  };
  /** Every net of model k, one readback per θ group. */
  const readAll = async (k: number) => {
    assertUsable();
    const nets = new Map<string, DenseLayerWeights[]>();
    for (const g of groups) {
      const own = await readModelTheta(g, k);
      for (const net of g.padded.layout.nets) nets.set(net.name, readFlatNet(g.padded.modelLayouts[k], own, net.name));
    }
    return (net: string) => {
      const hit = nets.get(net);
      if (!hit) throw new Error(`Unknown net: ${net}`);
      return hit;
    };
  };

  return {
    method: program.method,
    size: K,
    backend,
    totalSteps,
    program,
    get step() {
      return step;
    },
    stoppedAt,
    get trainingMs() {
      return trainingMs;
    },
    get phase() {
      const p = phaseIndexAt(step);
      return p >= phases.length ? 'done' : phases[p].label;
    },
    get phaseMessage() {
      const p = phaseIndexAt(step);
      return p >= phases.length ? null : (phases[p].message ?? null);
    },
    notes: (k) => notes[k],
    modelStep,
    train,
    stepSlices,
    rowForwardMacs,
    evaluate,
    takeLossAverages,
    predict: async (x, rows) => {
      assertUsable();
      const input = rowsOf(x, rows, inputDim);
      try {
        return await runPredict(input);
      } finally {
        input.dispose();
      }
    },
    withNets: (fn) => tf.tidy(() => fn(splitAll())),
    rows: (values, count) => rowsOf(values, count, inputDim),
    readNet,
    getWeights: async (k) => program.toAxnetWeights(await readAll(k)),
    getBaselineWeights: async (k) => program.toBaselineWeights(await readAll(k)),
    checkpoint,
    restore,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const g of groups) {
        g.adam.dispose();
        g.theta.dispose();
        g.lastGood.dispose();
        g.mask?.dispose();
      }
      testX.dispose();
      trainX?.dispose();
      if (typeof context.bound !== 'number') context.bound.dispose();
      context.lossWeights?.mse.dispose();
      context.lossWeights?.ce.dispose();
      activeEntries.forEach((t) => t.dispose());
    },
  };
}
