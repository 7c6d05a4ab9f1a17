/**
 * Trains a batch of NAS candidates (DATE'20 Fig. 2, "training and validation") and scores each: P_acc on the
 * validation split (what the search sees) and on the held-out test split (what is reported), the final net's MSE, and
 * its NPU cost from its shape (src/core/npu nasHardwareCost: "hardware simulation").
 * Candidates of one depth train as ONE engine program (./program.ts), the depths one after the other. Training runs
 * in chunks of about chunkBudgetMs with a yield to the event loop between them, so a worker can post progress and
 * see a stop; the numbers do not depend on the chunking, nor on which other candidates share the batch (each
 * candidate's init and batches are seeded by (seed, its key)).
 */
import * as tf from '@tensorflow/tfjs';
import { configKey } from '../../core/nas/space';
import { DEFAULT_CONFIG, type BackendChoice, type BackendName, type Initialization } from '../../core/config';
import type { SampleErrorReduction } from '../../core/metrics';
import type { NasConfig } from '../../core/nas/types';
import { NPU_PARAM_PRESETS, getCpuPathCost, listNasWidths, nasHardwareCost, type NasHardwareCost, type NpuParams } from '../../core/npu';
import { countDenseParameters } from '../../core/metrics';
import { loadTargetData } from '../../core/targets/loadTargetData';
import type { DenseLayerWeights } from '../../core/weights';
import { selectBackend } from '../backend';
import { createGroupEngine, type EngineModelConfig, type GroupEngine, type ProgramModel } from '../group/engine';
import { buildNasData, computeNasAccuracy, computeNasMse, type NasData, type NasSplit } from './evaluate';
import { buildNasProgram, makeNasModelConfig, type NasModelConfig } from './program';
import type { Divergence } from '../../core/divergence';

/** Target wall time of one training chunk, ms (the lab worker's order of magnitude). */
export const NAS_CHUNK_BUDGET_MS = 50;

export interface NasTrainOptions {
  target: string;
  /** Error bound of eq. 5 (unused for jmeint's classification rate). */
  bound: number;
  candidates: readonly NasConfig[];
  stepsPerCandidate: number;
  seed: number;
  learningRate: number;
  batchSize: number;
  /** Switches the tf backend first when given and not the current one. */
  backend?: BackendChoice;
  /** Biases at the start (kernels are N(0, 0.1) either way); default the lab's (DEFAULT_CONFIG). */
  initialization?: Initialization;
  /** The splits, built once per search (buildNasData); default built here from target, seed and the sizes below. */
  data?: NasData;
  trainSize?: number;
  testSize?: number;
  validationFraction?: number;
  /** Hardware of the cost model; default the Eyeriss-like preset (DATE'20 §IV). */
  npuParams?: NpuParams;
  /** How a sample's outputs combine into its error for P_acc (default 'worstOutput', eq. 1's label). */
  reduction?: SampleErrorReduction;
  chunkBudgetMs?: number;
  /**
   * At most this many candidates per program; 1 trains them one by one. Default: 1 on the tfjs cpu backend, where one
   * model per program was faster in every measurement (NAS_PADDING_LIMIT's note), else no limit besides the padding budget.
   */
  maxCandidatesPerProgram?: number;
  /** Polled after every chunk; true stops training (the candidates of unfinished programs come back null). */
  shouldStop?: () => boolean;
  onProgress?: (progress: NasTrainProgress) => void;
}

export interface NasTrainProgress {
  /** Steps done, summed over programs (a program's step counts once for all its candidates). */
  step: number;
  totalSteps: number;
  /** Candidates fully trained and scored. */
  candidatesDone: number;
  candidates: number;
}

export interface NasCandidateResult {
  config: NasConfig;
  key: string;
  /** Its init and batch seed, from (seed, key). */
  seed: number;
  /** P_acc on the validation split (the search's score) and the held-out test split (reported). */
  valAccuracy: number;
  testAccuracy: number;
  /** MSE of the final net on the validation split (independent of chunking). */
  finalMse: number;
  /** Its share of its program's training time: programMs / programSize. */
  trainMs: number;
  programMs: number;
  programSize: number;
  hardware: NasHardwareCost;
  /** Set when its training diverged (it keeps its last good weights). */
  diverged: Divergence | null;
  /** The trained net, [N, …, M] (hidden activations as config). */
  net: DenseLayerWeights[];
}

export interface NasTrainResult {
  /** In the order of options.candidates; null for candidates left untrained by a stop. */
  candidates: (NasCandidateResult | null)[];
  stopped: boolean;
  backend: BackendName;
  /** Table 3's columns: training (+ scoring) and hardware simulation, ms. */
  trainMs: number;
  hardwareMs: number;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** K copies of a split's rows, [K × size × width], for a prediction of every model of a program. */
export function repeatRows(values: Float32Array, copies: number): Float32Array {
  const out = new Float32Array(values.length * copies);
  for (let k = 0; k < copies; k++) out.set(values, k * values.length);
  return out;
}

/**
 * Padding budget of one program (estimate, measured below): the engine pads every model to the program's widest layer
 * at each position, so a program of K models costs about K · P_padded entries against Σ P_own trained apart.
 * A candidate joins a program while K · P_padded ≤ NAS_PADDING_LIMIT · Σ P_own, or while K · P_padded stays under
 * NAS_PADDING_FLOOR entries (tiny nets are dispatch-bound: padding them costs little).
 * Measured on this machine (Node, 2 shared cores, 8 blackscholes candidates × 2000 steps, batch 128, 63,000 training
 * rows, scoring included; one batch against one by one):
 *   wasm, eight [16, 8] nets (mixed activations, one program):              7.7 s against 13.8 s (1.79× faster);
 *   wasm, eight shapes [4, 4] … [64, 8], [48, 32] (programs of 5, 2 and 1): 38.2 s against 28.6 s (0.75×);
 *   cpu, the same two sets:                                                  31.6 s / 26.8 s and 72.5 s / 61.7 s (0.85×).
 * So batching pays on wasm for candidates of similar shapes and never on tfjs cpu (hence one per program there by
 * default). Both constants are estimates, not yet calibrated (the floor let five small shapes share a program at
 * ~3× their own entries).
 */
export const NAS_PADDING_LIMIT = 1.5;
export const NAS_PADDING_FLOOR = 4096;

/**
 * The programs of a batch of candidates, as candidate indices: one depth per program (the engine's rule), shallowest
 * first; within a depth, candidates by parameter count packed greedily under the padding budget above (and at most
 * maxModels per program); within a program ordered by their activations layer by layer (then by index), so that each
 * mixed layer splits into few runs of one activation (program.ts). A candidate's numbers do not depend on its program.
 * `netWidths` gives a candidate's nets, each [input, …hidden, output] (default its lone approximator; AXNet-NAS: the
 * approximator and the predictor): one program per depth of every net, the padding cost summed over the nets.
 */
export function planNasPrograms(
  candidates: readonly NasConfig[],
  inputDim: number,
  outputDim: number,
  maxModels = Number.POSITIVE_INFINITY,
  netWidths: (config: NasConfig) => number[][] = (config) => [listNasWidths(inputDim, outputDim, config)],
): number[][] {
  const nets = candidates.map(netWidths);
  const depthOf = (i: number) => nets[i].map((w) => w.length);
  const byDepth = new Map<string, { depth: number[]; indices: number[] }>();
  candidates.forEach((_, i) => {
    const key = depthOf(i).join(',');
    const entry = byDepth.get(key) ?? { depth: depthOf(i), indices: [] };
    entry.indices.push(i);
    byDepth.set(key, entry);
  });
  const countAll = (widths: readonly number[][]) => widths.reduce((sum, w) => sum + countDenseParameters(w), 0);
  const own = candidates.map((_, i) => countAll(nets[i]));
  const signature = (i: number) => candidates[i].layers.map((l) => l.activation).join(',');
  const byActivations = (i: number, j: number) => (signature(i) < signature(j) ? -1 : signature(i) > signature(j) ? 1 : i - j);
  const byDepthOrder = (a: number[], b: number[]) => {
    for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k] - b[k];
    return a.length - b.length;
  };
  const programs: number[][] = [];
  for (const { indices } of [...byDepth.values()].sort((a, b) => byDepthOrder(a.depth, b.depth))) {
    let current: number[] = [];
    let padded: number[][] = [];
    let ownSum = 0;
    for (const i of [...indices].sort((a, b) => own[a] - own[b] || a - b)) {
      const widths = nets[i];
      const joined = current.length === 0 ? widths : padded.map((net, n) => net.map((w, p) => Math.max(w, widths[n][p])));
      const cost = (current.length + 1) * countAll(joined);
      const fits = current.length < maxModels && (cost <= NAS_PADDING_LIMIT * (ownSum + own[i]) || cost <= NAS_PADDING_FLOOR);
      if (current.length > 0 && !fits) {
        programs.push(current.sort(byActivations));
        current = [];
        padded = widths;
        ownSum = 0;
      } else padded = joined;
      current.push(i);
      ownSum += own[i];
    }
    if (current.length > 0) programs.push(current.sort(byActivations));
  }
  return programs;
}

/** What trainEngineInChunks needs of an engine (any method's: NAS candidates, AXNet, the baselines). */
type ChunkedEngine = Pick<GroupEngine<EngineModelConfig, string>, 'step' | 'totalSteps' | 'stoppedAt' | 'train'>;

/**
 * Trains an engine to its budget in chunks of about budgetMs (the step count of a chunk follows a running mean of
 * ms per step), yielding to the event loop between chunks; `shouldStop` is polled after every chunk. The numbers do
 * not depend on the chunking (the engine's invariant). Returns each model's divergence (or null) and whether it stopped.
 */
export async function trainEngineInChunks(
  engine: ChunkedEngine,
  options: { budgetMs: number; shouldStop?: () => boolean; onChunk?: (step: number) => void },
): Promise<{ stopped: boolean; diverged: (Divergence | null)[] }> {
  const diverged: (Divergence | null)[] = engine.stoppedAt.map(() => null);
  let msPerStep = 1;
  while (engine.step < engine.totalSteps && !engine.stoppedAt.every((s) => s !== null)) {
    const count = Math.max(1, Math.min(engine.totalSteps - engine.step, Math.floor(options.budgetMs / Math.max(msPerStep, 1e-3))));
    const chunkStart = now();
    const before = engine.step;
    const outcome = await engine.train(count);
    outcome.diverged.forEach((d, k) => {
      if (d) diverged[k] = d;
    });
    const steps = engine.step - before;
    if (steps > 0) msPerStep = 0.7 * msPerStep + 0.3 * ((now() - chunkStart) / steps);
    options.onChunk?.(engine.step);
    if (options.shouldStop?.()) return { stopped: true, diverged };
    await yieldToEventLoop();
    if (steps === 0) break;
  }
  return { stopped: false, diverged };
}

export async function trainNasCandidates(options: NasTrainOptions): Promise<NasTrainResult> {
  if (!Number.isInteger(options.stepsPerCandidate) || options.stepsPerCandidate < 1)
    throw new RangeError(`stepsPerCandidate must be a positive integer, not ${options.stepsPerCandidate}`);
  if (options.backend !== undefined && options.backend !== tf.getBackend()) await selectBackend(options.backend);
  await tf.ready();
  let data = options.data;
  if (!data) {
    await loadTargetData(options.target); // image targets: the photographs
    data = buildNasData({ target: options.target, seed: options.seed, trainSize: options.trainSize, testSize: options.testSize, validationFraction: options.validationFraction });
  }
  if (data.target !== options.target) throw new Error(`The data are of ${data.target}, not ${options.target}`);
  const { dataset } = data;
  const npuParams = options.npuParams ?? NPU_PARAM_PRESETS.eyeriss.params;
  const cpuCost = getCpuPathCost(data.target);
  const modelConfigs = options.candidates.map((candidate) =>
    makeNasModelConfig(candidate, {
      seed: options.seed,
      learningRate: options.learningRate,
      batchSize: options.batchSize,
      errorBound: options.bound,
      stepsPerCandidate: options.stepsPerCandidate,
      initialization: options.initialization ?? DEFAULT_CONFIG.initialization,
    }),
  );
  const maxModels = options.maxCandidatesPerProgram ?? (tf.getBackend() === 'cpu' ? 1 : Number.POSITIVE_INFINITY);
  const groups = planNasPrograms(options.candidates, dataset.inputDim, dataset.outputDim, maxModels);
  const totalSteps = groups.length * options.stepsPerCandidate;
  const budgetMs = options.chunkBudgetMs ?? NAS_CHUNK_BUDGET_MS;
  const results: (NasCandidateResult | null)[] = options.candidates.map(() => null);
  let stepsBefore = 0;
  let candidatesDone = 0;
  let trainMs = 0;
  let hardwareMs = 0;
  const report = (step: number) => options.onProgress?.({ step, totalSteps, candidatesDone, candidates: options.candidates.length });

  for (const indices of groups) {
    const models: ProgramModel<NasModelConfig>[] = indices.map((i) => ({ config: modelConfigs[i], dataset }));
    const started = now();
    const engine = createGroupEngine(buildNasProgram(models, data.metric), models);
    try {
      const { stopped, diverged } = await trainEngineInChunks(engine, { budgetMs, shouldStop: options.shouldStop, onChunk: (step) => report(stepsBefore + step) });
      if (stopped) return { candidates: results, stopped: true, backend: engine.backend, trainMs: trainMs + (now() - started), hardwareMs };
      const scores = await scoreProgram(engine, indices.length, data, options.bound, options.reduction);
      const programMs = now() - started;
      trainMs += programMs;
      for (let k = 0; k < indices.length; k++) {
        const i = indices[k];
        const config = options.candidates[i];
        const hardwareStart = now();
        const hardware = nasHardwareCost(dataset.inputDim, dataset.outputDim, config, npuParams, cpuCost);
        hardwareMs += now() - hardwareStart;
        results[i] = {
          config,
          key: configKey(config),
          seed: modelConfigs[i].seed,
          ...scores[k],
          trainMs: programMs / indices.length,
          programMs,
          programSize: indices.length,
          hardware,
          diverged: diverged[k],
          net: await engine.readNet(k, 'net'),
        };
        candidatesDone++;
      }
      stepsBefore += options.stepsPerCandidate;
      report(stepsBefore);
    } finally {
      engine.dispose();
    }
  }
  return { candidates: results, stopped: false, backend: tf.getBackend() as BackendName, trainMs, hardwareMs };
}

/** P_acc on both splits and the validation MSE of every model of a trained program. */
async function scoreProgram(
  engine: { predict(x: Float32Array, rows: number): Promise<{ output: Float32Array }> },
  K: number,
  data: NasData,
  bound: number,
  reduction: SampleErrorReduction | undefined,
): Promise<{ valAccuracy: number; testAccuracy: number; finalMse: number }[]> {
  const M = data.dataset.outputDim;
  const predictSplit = async (split: NasSplit) => (await engine.predict(repeatRows(split.x, K), split.size)).output;
  const validation = await predictSplit(data.validation);
  const test = await predictSplit(data.test);
  return Array.from({ length: K }, (_, k) => {
    const of = (values: Float32Array, split: NasSplit) => values.subarray(k * split.size * M, (k + 1) * split.size * M);
    const valOutput = of(validation, data.validation);
    return {
      valAccuracy: computeNasAccuracy(data.scoring, valOutput, data.validation.y, M, bound, reduction),
      testAccuracy: computeNasAccuracy(data.scoring, of(test, data.test), data.test.y, M, bound, reduction),
      finalMse: computeNasMse(valOutput, data.validation.y),
    };
  });
}
