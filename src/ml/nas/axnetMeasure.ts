/**
 * The measure of AXNet-NAS (issue 10 §5): each candidate (approximator hidden widths + predictor hidden widths,
 * ReLU) trains as the lab trains its method, on the one engine (src/ml/group/engine.ts, the lab's programs of
 * src/ml/methods): 'axnet' = AXNet, J = La + Lp with p_label per batch (AXNet eq. 1–2); 'onepass' / 'iterative' =
 * the approximator, then a separately trained classifier on eq. 1 labels (R rounds for iterative). The step budget
 * is METHOD_BUDGET_RULE's (src/core/methods/budget.ts) with config.steps = stepsPerCandidate: AXNet trains
 * stepsPerCandidate steps, onepass 2 ×, iterative 2R × (each phase the AXNet budget, as every lab comparison).
 * Learning rate and batch are the target's lab defaults (the session's); each candidate's seed comes from
 * (seed, configKey) as train.ts's (deriveNasCandidateSeed), so a candidate's numbers depend on nothing else.
 *
 * Accuracy axis ("safe & approximated" in the view: §V's prediction accuracy): the fraction of a split's inputs that the predictor
 * sends to the approximator AND whose approximation is within the bound,
 *   q = (1/n) Σ_s 1[predicted safe(x_s)] · 1[Err(H(x_s) − y_s) < bound]   (eq. 1's label, worst output),
 * computeInvocationMetrics' `predictionAccuracy` (the AXNet paper's §V "prediction accuracy"; the paper's "true
 * invocation" is the fraction within the bound alone, recorded beside it as `withinBound`). On the validation split
 * for the search, on the test split for the report; the test numbers are the engine's own evaluate().
 *
 * Hardware: the whole system against the CPU running everything (src/core/npu/aggregate.ts):
 *   E_avg = f · E_npu-path + (1 − f) · E_cpu-path,  energy reduction = E_cpu-only / E_avg,  speedup likewise,
 * f = the predicted invocation of the split; the NPU path is the fused net (AXNet: predictor, then approximator
 * with ⊙c) or approximator + classifier (baselines: aggregateBaselineCost), the CPU path the predictor plus the
 * exact function. The measure's energyReduction / speedup are the validation split's (what the search sees); the
 * test split's are in `invocation.test`.
 */
import * as tf from '@tensorflow/tfjs';
import { applyTargetDefaults, DEFAULT_CONFIG, type BackendName, type Initialization, type LabConfig } from '../../core/config';
import { computeInvocationMetrics, computeSampleErrors, type InvocationMetrics } from '../../core/metrics';
import { computeModelGroupKey } from '../../core/modelGroup';
import type { NasMethod } from '../../core/nas/config';
import type { NasInvocationSplit, NasMeasure } from '../../core/nas/run';
import { configKey } from '../../core/nas/space';
import type { NasConfig } from '../../core/nas/types';
import { aggregateAxnetCost, aggregateBaselineCost, reweightNpuAggregate, type NpuAggregate } from '../../core/npu/aggregate';
import { getCpuPathCost, type CpuPathCost } from '../../core/npu/cpuCost';
import { NPU_PARAM_PRESETS, type NpuParams } from '../../core/npu/params';
import { getPredictionWidth } from '../../core/axnetMath';
import { TARGET_LAB_DEFAULTS } from '../../core/targets/labDefaults';
import type { TargetId } from '../../core/targets/types';
import type { DenseLayerWeights } from '../../core/weights';
import { createGroupEngine, type GroupEngine, type ProgramModel } from '../group/engine';
import { buildMethodProgram } from '../methods';
import { computeNasMse, type NasData } from './evaluate';
import { deriveNasCandidateSeed } from './program';
import { NAS_CHUNK_BUDGET_MS, type NasTrainProgress, planNasPrograms, repeatRows, trainEngineInChunks } from './train';

/** The methods whose candidates carry a predictor. */
export type NasTwoNetMethod = Exclude<NasMethod, 'lone'>;

export interface NasTwoNetMeasureOptions {
  /** Error bound of eq. 1 (the target's metric); ≤ 0 (jmeint's classification rate) takes the target's lab bound. */
  bound: number;
  stepsPerCandidate: number;
  seed: number;
  learningRate: number;
  batchSize: number;
  initialization?: Initialization;
  /** The search's splits (buildNasData): train (minus validation), validation, test. */
  data: NasData;
  npuParams?: NpuParams;
  chunkBudgetMs?: number;
  /**
   * At most this many candidates per program (default: 1 on tfjs cpu, as train.ts; else the padding budget's packing).
   * Measured (wasm, Node, 2 shared cores, jpeg, AXNet, 8 candidates × 300 steps, scoring included; one by one against
   * packed): eight similar [8…15] + predictor [8] nets 5.7 s against 4.5 s (1.27× faster); eight random ones of the
   * space 15.9 s against 16.2 s (the budget split them into programs of 1–2); the same numbers either way.
   */
  maxCandidatesPerProgram?: number;
  shouldStop?: () => boolean;
  onProgress?: (progress: NasTrainProgress) => void;
}

export interface NasTwoNetCandidate {
  key: string;
  measure: NasMeasure;
  /** The trained approximator (to open it in the lab). */
  approximator: DenseLayerWeights[];
}

export interface NasTwoNetResult {
  /** Same order as the configs; null when a stop interrupted the batch. */
  candidates: NasTwoNetCandidate[] | null;
  backend: BackendName;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The error bound the two-net methods label with (eq. 1): the run's, or the target's lab bound where the run has none (jmeint). */
export function resolveTwoNetBound(target: TargetId, bound: number): number {
  return bound > 0 ? bound : TARGET_LAB_DEFAULTS[target].errorBound;
}

/**
 * The LabConfig the lab would train candidate `candidate` with: the target's lab defaults, the candidate's widths,
 * steps = stepsPerCandidate, its own seed, no lone approximator beside it (nothing reads it), the NAS data's sizes.
 */
export function makeTwoNetLabConfig(candidate: NasConfig, method: NasTwoNetMethod, options: Omit<NasTwoNetMeasureOptions, 'npuParams' | 'shouldStop' | 'onProgress'>): LabConfig {
  if (!candidate.predictor || candidate.predictor.length === 0) throw new Error(`A ${method} candidate needs predictor widths, got ${configKey(candidate)}`);
  for (const layer of candidate.layers) if (layer.activation !== 'relu') throw new Error(`${method} nets are ReLU; ${configKey(candidate)} is not`);
  const { data } = options;
  return {
    ...applyTargetDefaults(DEFAULT_CONFIG, data.target),
    approximatorHidden: candidate.layers.map((l) => l.width),
    predictorHidden: [...candidate.predictor],
    learningRate: options.learningRate,
    batchSize: options.batchSize,
    errorBound: resolveTwoNetBound(data.target, options.bound),
    seed: deriveNasCandidateSeed(options.seed, candidate),
    steps: options.stepsPerCandidate,
    backend: (tf.getBackend() as BackendName) ?? 'cpu',
    trainLone: false,
    trainSize: data.dataset.trainSize,
    testSize: data.dataset.testSize,
    methods: [method],
    initialization: options.initialization ?? DEFAULT_CONFIG.initialization,
  };
}

/** Zero-weight dense layers of widths [w_0, …, w_L] (the NPU schedule's cost depends on the shapes only). */
function zeroNet(widths: readonly number[]): DenseLayerWeights[] {
  return widths.slice(1).map((fanOut, i) => ({ fanIn: widths[i], fanOut, kernel: new Float32Array(widths[i] * fanOut), bias: new Float32Array(fanOut) }));
}

/**
 * The largest energy reduction and speedup of a two-net space (the 'max' normalization's scale): its smallest system
 * (one hidden neuron in each net) with every input on the NPU path (f = 1). AXNet's predictor ends in
 * [c(1), P logits] (eq. 3, fusion 'all', softmax); the classifier in 2 logits.
 */
export function computeTwoNetScale(method: NasTwoNetMethod, inputDim: number, outputDim: number, npuParams: NpuParams, cpuCost: CpuPathCost) {
  const approximator = zeroNet([inputDim, 1, outputDim]);
  const probe = new Float32Array(inputDim);
  const all = { cpuCost, predictedSafe: [1] };
  const aggregate =
    method === 'axnet'
      ? aggregateAxnetCost({ approximator, predictor: zeroNet([inputDim, 1, 1 + getPredictionWidth('softmax')]) }, probe, npuParams, all)
      : aggregateBaselineCost({ approximator, classifier: zeroNet([inputDim, 1, getPredictionWidth('softmax')]) }, probe, npuParams, all);
  return { maxSpeedup: aggregate.speedup, maxEnergyReduction: aggregate.energyGain };
}

/** A split's metrics and system cost. */
function describeSplit(metrics: InvocationMetrics, aggregate: NpuAggregate): NasInvocationSplit {
  return {
    invokedWithinBound: metrics.predictionAccuracy,
    withinBound: metrics.trueInvocation,
    predicted: metrics.predictedInvocation,
    energyReduction: aggregate.energyGain,
    speedup: aggregate.speedup,
  };
}

/** Per model of a trained engine: its eq. 1 metrics on the validation split and H(x) there (for the MSE). */
async function evaluateValidation(engine: GroupEngine, K: number, data: NasData, bound: number) {
  const { validation } = data;
  const M = data.dataset.outputDim;
  const { output, gap } = await engine.predict(repeatRows(validation.x, K), validation.size);
  if (!gap) throw new Error(`${engine.method} predicted no P(x): the AXNet-NAS measure needs a predictor or classifier`);
  return Array.from({ length: K }, (_, k) => {
    const own = output.subarray(k * validation.size * M, (k + 1) * validation.size * M);
    const errors = computeSampleErrors(data.metric, own, validation.y, M);
    // Predicted safe ⇔ gap > 0 (softmax z_safe − z_unsafe; ties unsafe), as the engine's evaluate.
    const decisions = Uint8Array.from(gap.subarray(k * validation.size, (k + 1) * validation.size), (g) => (g > 0 ? 1 : 0));
    return { metrics: computeInvocationMetrics(errors, decisions, bound), decisions, mse: computeNasMse(own, validation.y) };
  });
}

/**
 * Trains and measures AXNet-NAS candidates of `method`: the lab's program of that method, K candidates per engine
 * program where their depths match (planNasPrograms with both nets, under its padding budget), at most maxCandidatesPerProgram.
 */
export async function measureTwoNetCandidates(configs: readonly NasConfig[], method: NasTwoNetMethod, options: NasTwoNetMeasureOptions): Promise<NasTwoNetResult> {
  if (!Number.isInteger(options.stepsPerCandidate) || options.stepsPerCandidate < 1)
    throw new RangeError(`stepsPerCandidate must be a positive integer, not ${options.stepsPerCandidate}`);
  await tf.ready();
  const { data } = options;
  const { dataset } = data;
  const npuParams = options.npuParams ?? NPU_PARAM_PRESETS.eyeriss.params;
  const cpuCost = getCpuPathCost(data.target);
  const labConfigs = configs.map((c) => makeTwoNetLabConfig(c, method, options));
  const maxModels = options.maxCandidatesPerProgram ?? (tf.getBackend() === 'cpu' ? 1 : Number.POSITIVE_INFINITY);
  // train.ts's plan with both nets: one depth pair per program (= partitionModelGroups here: every other field of the
  // LabConfigs is shared), packed under the padding budget. The predictor's output is [c(i)…, P] (AXNet eq. 3) or 2 logits.
  const { inputDim, outputDim } = dataset;
  const predictionWidth = getPredictionWidth('softmax');
  const programs = planNasPrograms(configs, inputDim, outputDim, maxModels, (c) => {
    const hidden = c.layers.map((l) => l.width);
    const controls = method === 'axnet' ? hidden.reduce((sum, w) => sum + w, 0) : 0;
    return [
      [inputDim, ...hidden, outputDim],
      [inputDim, ...(c.predictor ?? []), controls + predictionWidth],
    ];
  });
  if (programs.some((p) => new Set(p.map((i) => computeModelGroupKey(labConfigs[i], method))).size !== 1)) throw new Error('AXNet-NAS: a program mixes model groups');
  const results: (NasTwoNetCandidate | null)[] = configs.map(() => null);
  let stepsBefore = 0;
  let candidatesDone = 0;
  let totalSteps = 0;
  let backend = tf.getBackend() as BackendName;
  for (const program of programs) {
    const models: ProgramModel[] = program.map((i) => ({ config: Object.freeze(labConfigs[i]), dataset }));
    const started = now();
    const engine = createGroupEngine(buildMethodProgram(method, models), models);
    backend = engine.backend;
    if (totalSteps === 0) totalSteps = programs.length * engine.totalSteps;
    const report = (step: number) => options.onProgress?.({ step: stepsBefore + step, totalSteps, candidatesDone, candidates: configs.length });
    try {
      const { stopped, diverged } = await trainEngineInChunks(engine, { budgetMs: options.chunkBudgetMs ?? NAS_CHUNK_BUDGET_MS, shouldStop: options.shouldStop, onChunk: report });
      if (stopped) return { candidates: null, backend };
      const validation = await evaluateValidation(engine, program.length, data, labConfigs[program[0]].errorBound);
      const test = await engine.evaluate();
      const programMs = now() - started;
      for (let k = 0; k < program.length; k++) {
        const i = program[k];
        const hardwareStart = now();
        let valAggregate: NpuAggregate;
        if (method === 'axnet') valAggregate = aggregateAxnetCost(await engine.getWeights(k), data.validation.x, npuParams, { cpuCost, predictedSafe: validation[k].decisions });
        else {
          const nets = await engine.getBaselineWeights(k);
          if (!nets) throw new Error(`${method} returned no approximator + classifier`);
          valAggregate = aggregateBaselineCost(nets, data.validation.x, npuParams, { cpuCost, predictedSafe: validation[k].decisions });
        }
        // The test split: the same two scheduled paths at the test split's predicted invocation.
        const testAggregate = reweightNpuAggregate(valAggregate, test[k].metrics.predictedInvocation, npuParams, cpuCost);
        const hardwareMs = now() - hardwareStart;
        const val = describeSplit(validation[k].metrics, valAggregate);
        const tested = describeSplit(test[k].metrics, testAggregate);
        const divergence = diverged[k];
        results[i] = {
          key: configKey(configs[i]),
          approximator: await engine.readNet(k, 'approximator'),
          measure: {
            valAccuracy: val.invokedWithinBound,
            testAccuracy: tested.invokedWithinBound,
            speedup: val.speedup,
            energyReduction: val.energyReduction,
            finalMse: validation[k].mse,
            trainMs: programMs / program.length,
            hardwareMs,
            invocation: { validation: val, test: tested },
            ...(divergence ? { diverged: `diverged at step ${divergence.atStep}: ${divergence.message}` } : {}),
          },
        };
        candidatesDone++;
      }
      stepsBefore += engine.totalSteps;
      report(0);
    } finally {
      engine.dispose();
    }
  }
  return { candidates: results as NasTwoNetCandidate[], backend };
}
