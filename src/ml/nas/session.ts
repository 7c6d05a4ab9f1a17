/**
 * One NAS run on the lab's engine, for the worker and the CLI alike: the target's splits (built once), the three
 * searches at one budget (SMAC, random search, the MICRO'12 enumeration), the objective with its 'max' scale, and
 * the measure the driver (src/core/nas/run.ts) calls: train the new candidates as one batch per depth
 * (./train.ts), then P_acc on both splits and the NPU cost from the shape (src/core/npu/approximatorCost.ts).
 * AXNet-NAS (settings.method 'axnet' | 'onepass' | 'iterative', issue 10 §5): the space gains the predictor's widths
 * and the measure is ./axnetMeasure.ts (the lab's trainer of that method, true invocation, the whole system's cost).
 * Same settings + same backend ⇒ same records, however the run is paused and resumed.
 */
import { loadTargetData } from '../../core/targets/loadTargetData';
import { getCpuPathCost } from '../../core/npu/cpuCost';
import { nasHardwareCost } from '../../core/npu/approximatorCost';
import { NPU_PARAM_PRESETS, type NpuParams } from '../../core/npu/params';
import { createEnumerationSearch, createRandomSearch, type EnumerationOptions } from '../../core/nas/baselines';
import { createSmac, type SmacOptions } from '../../core/nas/smac';
import { createNasRunState, driveNasRun, isNasRunDone, type NasMeasure, type NasObjective, type NasRecord, type NasRunState, type NasSearchId } from '../../core/nas/run';
import type { NasNormalization, NasWeights } from '../../core/nas/objective';
import { createNasSpace, type NasSpaceOptions } from '../../core/nas/space';
import { hasNasPredictor, resolveNasErrorBound, resolveNasWeights, type NasMethod, type NasRunConfig } from '../../core/nas/config';
import { ENUMERATION_PREDICTOR_WIDTHS } from '../../core/nas/baselines';
import { DEFAULT_NAS_PREDICTOR_SPACE } from '../../core/nas/space';
import { computeTwoNetScale, measureTwoNetCandidates } from './axnetMeasure';
import { TARGET_LAB_DEFAULTS } from '../../core/targets/labDefaults';
import type { TargetId } from '../../core/targets/types';
import type { NasConfig, NasSearch } from '../../core/nas/types';
import type { BackendName, Initialization } from '../../core/config';
import { buildNasData, type NasData } from './evaluate';
import { trainNasCandidates, type NasTrainProgress } from './train';
import type { DenseLayerWeights } from '../types';

/** What one NAS run needs (the view's and the CLI's config, resolved). */
export interface NasSessionSettings {
  target: string;
  /** What is searched (default 'lone'); the others need a space with a predictor. */
  method?: NasMethod;
  bound: number;
  budget: number;
  stepsPerCandidate: number;
  seed: number;
  /** Candidates each search asks for per round. */
  batch: number;
  learningRate: number;
  batchSize: number;
  initialization?: Initialization;
  trainSize?: number;
  testSize?: number;
  weights: NasWeights;
  normalization: NasNormalization;
  space: NasSpaceOptions;
  smac?: Partial<Omit<SmacOptions, 'space' | 'budget' | 'seed'>>;
  enumeration?: Partial<EnumerationOptions>;
  searches: readonly NasSearchId[];
  npuParams?: NpuParams;
}

export interface NasSession {
  readonly settings: NasSessionSettings;
  readonly data: NasData;
  readonly objective: NasObjective;
  readonly searches: readonly { id: NasSearchId; search: NasSearch }[];
  readonly state: NasRunState;
  /** Trained nets by configuration key (to open a candidate in the lab). */
  readonly nets: Map<string, DenseLayerWeights[]>;
  /** Runs rounds until done or until `shouldStop`; resolves with whether every budget is spent. */
  run(hooks: NasRunHooks): Promise<boolean>;
  done(): boolean;
  /** The backend the last batch trained on. */
  backend(): BackendName | null;
}

export interface NasRunHooks {
  shouldStop?(): boolean;
  onRound?(records: readonly NasRecord[], round: number): void;
  onTrainProgress?(progress: NasTrainProgress): void;
}

/**
 * The session settings of a NAS config (the view's link and the CLI's alike): the bound of its Table 2 group (jmeint:
 * none, its classification rate), the weights of its preset, the space, SMAC's knobs, and the candidates' optimizer
 * from the target's lab defaults (learning rate, batch, data sizes: src/core/targets/labDefaults.ts).
 */
export function resolveNasSessionSettings(config: Readonly<NasRunConfig>): NasSessionSettings {
  const lab = TARGET_LAB_DEFAULTS[config.target as TargetId];
  const twoNets = hasNasPredictor(config.method);
  return {
    target: config.target,
    method: config.method,
    bound: resolveNasErrorBound(config).bound ?? 0,
    budget: config.budget,
    stepsPerCandidate: config.stepsPerCandidate,
    seed: config.seed,
    batch: config.batch,
    learningRate: lab.learningRate,
    batchSize: lab.batchSize,
    trainSize: lab.trainSize,
    testSize: lab.testSize,
    weights: resolveNasWeights(config),
    normalization: config.normalization,
    space: createNasSpace({ maxWidth: config.maxWidth, sharedActivation: config.sharedActivation, predictor: twoNets ? DEFAULT_NAS_PREDICTOR_SPACE : null }),
    smac: { initFraction: config.initFraction, interleave: config.interleave, challengers: config.challengers },
    // AXNet-NAS: ReLU nets (every lab AXNet), each with a one-layer predictor of 4, 8, 16 or 32 (baselines.ts).
    enumeration: twoNets
      ? { activation: 'relu', maxWidth: config.maxWidth, predictorWidths: ENUMERATION_PREDICTOR_WIDTHS }
      : { activation: config.enumerationActivation, maxWidth: config.maxWidth },
    searches: ['smac', 'random', 'enumeration'],
  };
}

/** The smallest net of the space (one hidden ReLU neuron; one predictor neuron) has the largest speedup and energy reduction: the 'max' scale. */
export function smallestNasConfig(space: NasSpaceOptions): NasConfig {
  const layers = [{ width: 1, activation: space.activations.includes('relu') ? 'relu' : space.activations[0] }] as const;
  return space.predictor ? { layers, predictor: [1] } : { layers };
}

/**
 * `measured`: measures by configuration key from earlier runs of the same method, data, bound, seed and steps (a study's runs
 * that differ only in their weights share the random search's and the enumeration's candidates): reused, not retrained.
 */
export async function createNasSession(settings: NasSessionSettings, measured?: Map<string, NasMeasure>): Promise<NasSession> {
  await loadTargetData(settings.target);
  const data = buildNasData({ target: settings.target, seed: settings.seed, trainSize: settings.trainSize, testSize: settings.testSize });
  const npuParams = settings.npuParams ?? NPU_PARAM_PRESETS.eyeriss.params;
  const cpuCost = getCpuPathCost(data.target);
  const method = settings.method ?? 'lone';
  if (hasNasPredictor(method) !== Boolean(settings.space.predictor))
    throw new Error(`NAS method ${method} needs a space ${hasNasPredictor(method) ? 'with' : 'without'} a predictor`);
  const { inputDim, outputDim } = data.dataset;
  let scale: NasObjective['scale'];
  if (method === 'lone') {
    const top = nasHardwareCost(inputDim, outputDim, smallestNasConfig(settings.space), npuParams, cpuCost);
    scale = { maxSpeedup: top.speedup, maxEnergyReduction: top.energyReduction };
  } else scale = computeTwoNetScale(method, inputDim, outputDim, npuParams, cpuCost);
  const objective: NasObjective = { weights: settings.weights, normalization: settings.normalization, scale };
  const make = (id: NasSearchId): NasSearch => {
    switch (id) {
      case 'smac':
        return createSmac({ ...settings.smac, space: settings.space, budget: settings.budget, seed: settings.seed });
      case 'random':
        return createRandomSearch(settings.space, settings.budget, settings.seed);
      case 'enumeration':
        return createEnumerationSearch(settings.enumeration, settings.budget);
      default: {
        const unknown: never = id;
        throw new Error(`Unknown NAS search: ${String(unknown)}`);
      }
    }
  };
  const searches = settings.searches.map((id) => ({ id, search: make(id) }));
  const state = createNasRunState();
  if (measured) state.measured = measured;
  const nets = new Map<string, DenseLayerWeights[]>();
  let lastBackend: BackendName | null = null;
  let stopRequested: (() => boolean) | undefined;
  let onTrainProgress: NasRunHooks['onTrainProgress'];

  /** What every candidate trains with, whichever measure runs (read at each batch: the hooks are set per run() call). */
  const candidateTraining = () => ({
    bound: settings.bound,
    stepsPerCandidate: settings.stepsPerCandidate,
    seed: settings.seed,
    learningRate: settings.learningRate,
    batchSize: settings.batchSize,
    initialization: settings.initialization,
    data,
    npuParams,
    shouldStop: stopRequested,
    onProgress: onTrainProgress,
  });

  const measureTwoNets = async (configs: readonly NasConfig[], twoNetMethod: Exclude<NasMethod, 'lone'>): Promise<NasMeasure[] | null> => {
    const result = await measureTwoNetCandidates(configs, twoNetMethod, candidateTraining());
    lastBackend = result.backend;
    if (!result.candidates) return null;
    return result.candidates.map((candidate) => {
      nets.set(candidate.key, candidate.approximator);
      return candidate.measure;
    });
  };

  const measure = async (configs: readonly NasConfig[]): Promise<NasMeasure[] | null> => {
    if (method !== 'lone') return measureTwoNets(configs, method);
    const result = await trainNasCandidates({ ...candidateTraining(), target: settings.target, candidates: configs });
    lastBackend = result.backend;
    if (result.stopped) return null;
    const hardwareShare = configs.length > 0 ? result.hardwareMs / configs.length : 0;
    return result.candidates.map((candidate, i) => {
      if (!candidate) throw new Error(`NAS: candidate ${i} came back untrained`);
      nets.set(candidate.key, candidate.net);
      return {
        valAccuracy: candidate.valAccuracy,
        testAccuracy: candidate.testAccuracy,
        speedup: candidate.hardware.speedup,
        energyReduction: candidate.hardware.energyReduction,
        finalMse: candidate.finalMse,
        trainMs: candidate.trainMs,
        hardwareMs: hardwareShare,
        ...(candidate.diverged ? { diverged: `diverged at step ${candidate.diverged.atStep}: ${candidate.diverged.message}` } : {}),
      };
    });
  };

  return {
    settings,
    data,
    objective,
    searches,
    state,
    nets,
    done: () => isNasRunDone(searches, state),
    backend: () => lastBackend,
    async run(hooks) {
      stopRequested = hooks.shouldStop;
      onTrainProgress = hooks.onTrainProgress;
      await driveNasRun({ searches, batch: settings.batch, objective, measure, onRound: hooks.onRound, shouldStop: hooks.shouldStop }, state);
      return isNasRunDone(searches, state);
    },
  };
}
