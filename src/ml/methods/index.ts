/**
 * Every training method of the comparison (§V-A) as a program of the one engine (src/ml/group/engine.ts).
 * Every method uses the same data (createDataset(config)), seed, Adam (β1 0.9, β2 0.999, ε 1e-8,
 * config.learningRate), ReLU hidden layers, MSE for the approximator and cross-entropy for the
 * predictor/classifier, and the same test set and §V metric definitions. Budget: METHOD_BUDGET_RULE (src/core/methods/budget.ts).
 *
 * Use: `await selectBackend(config.backend)` first, then `createMethodTrainer(config, method)` for one
 * model (the lab's run, a compare lane), or createModelGroupTrainer (src/ml/group) for K models at once;
 * drive it with runToCompletion / nextEvaluationStep(step, trainer) (they read trainer.totalSteps).
 */
import { cloneConfig, type LabConfig, type MethodId } from '../../core/config';
import { createDataset, type Dataset } from '../../core/dataset';
import { computeSampleErrors } from '../../core/metrics';
import { resolveTarget } from '../../core/targets';
import { createGroupEngine, type GroupEngine, type MethodProgram, type ProgramModel } from '../group/engine';
import { buildSurfaceGrid, pickSurfaceOutput } from '../trainer';
import type { MethodTrainer, SurfaceSnapshot, TrainChunkResult } from '../types';
import type { TrainerCheckpoint } from '../../core/checkpoint';
import { buildAxnetProgram } from './axnet';
import { buildTwoNetworkProgram } from './iterative';
import { buildLoneProgram } from './lone';
import { buildWeightSharingProgram } from './weightsharing';

export { resolveAxnetConfig } from './axnet';
export { computeWeightSharingWidths } from './weightsharing';

/** The engine program of `method` for these models (throws, with a message for the UI, on an impossible config). */
export function buildMethodProgram(method: MethodId, models: readonly ProgramModel[]): MethodProgram {
  switch (method) {
    case 'axnet':
      return buildAxnetProgram(models);
    case 'onepass':
    case 'iterative':
      return buildTwoNetworkProgram(models, method);
    case 'weightsharing':
      return buildWeightSharingProgram(models);
    case 'lone':
      return buildLoneProgram(models);
    default: {
      const unknown: never = method;
      throw new Error(`Unsupported method: ${String(unknown)}`);
    }
  }
}

export interface MethodTrainerOptions {
  /** Precomputed data (else createDataset(config)); share one between methods to save time. */
  dataset?: Dataset;
  /** Test hook: makes the loss of this training step (1-based, global over phases) NaN. */
  injectNaNAtStep?: number;
  /**
   * Continue from this checkpoint (trainer.checkpoint() of the same config and method) instead of step 0: on the
   * backend that took it, the run then goes on bit for bit as the uninterrupted one (methods.test.ts).
   */
  checkpoint?: TrainerCheckpoint;
}

const sigmoid = (g: number) => (g >= 0 ? 1 / (1 + Math.exp(-g)) : Math.exp(g) / (1 + Math.exp(g)));

/** Values of model 0 over the n×n grid of a 2-D target (null for other targets). */
async function computeSurface(engine: GroupEngine, config: Readonly<LabConfig>, resolution: number): Promise<SurfaceSnapshot | null> {
  const target = resolveTarget(config);
  if (target.inputDim !== 2 || target.inputRanges.length < 2) return null;
  const n = Math.max(1, Math.floor(resolution));
  const { inputs, exact, ranges } = buildSurfaceGrid(target, n);
  const outputDim = target.outputDim;
  const { output, gap, lone } = await engine.predict(inputs, n * n);
  const { hidden: forwardHidden } = engine.program;
  let hidden: SurfaceSnapshot['hidden'] = [];
  if (forwardHidden) {
    let fusedLayers: readonly number[] = [];
    const tensors = engine.withNets((nets) => {
      const h = forwardHidden(nets, engine.rows(inputs, n * n));
      fusedLayers = [...h.fusedLayers];
      return [...h.before, ...h.controls, ...h.after];
    });
    let data: Float32Array[];
    try {
      data = (await Promise.all(tensors.map((t) => t.data()))) as Float32Array[];
    } finally {
      tensors.forEach((t) => t.dispose());
    }
    const count = fusedLayers.length;
    // [before(1..l), c(1..l), after(1..l)] per fused layer, [1, n², L_i] each.
    hidden = fusedLayers.map((layer, i) => ({
      width: tensors[i].shape[tensors[i].rank - 1],
      layer,
      before: data[i],
      control: data[count + i],
      after: data[2 * count + i],
    }));
  }
  const outputs = Array.from({ length: outputDim }, (_, k) => ({
    target: pickSurfaceOutput(exact, outputDim, k),
    axnet: pickSurfaceOutput(output, outputDim, k),
    lone: lone ? pickSurfaceOutput(lone, outputDim, k) : null,
  }));
  return {
    step: engine.modelStep(0),
    resolution: n,
    ranges,
    ...outputs[0],
    outputs,
    error: Float32Array.from(computeSampleErrors(target.errorMetric, output, exact, outputDim)),
    safeProbability: gap ? Float32Array.from(gap, sigmoid) : new Float32Array(n * n).fill(1),
    hidden,
  };
}

/** One trainer for `method` on the current tf backend: the engine with K = 1. */
export function createMethodTrainer(configIn: Readonly<LabConfig>, method: MethodId, options: MethodTrainerOptions = {}): MethodTrainer {
  const config = Object.freeze(cloneConfig(configIn));
  const models: ProgramModel[] = [{ config, dataset: options.dataset ?? createDataset(config) }];
  const program = buildMethodProgram(method, models);
  const engine = createGroupEngine(program, models, options.injectNaNAtStep ? { injectNaN: { model: 0, step: options.injectNaNAtStep } } : {});
  const nets = program.models[0];
  const effectiveConfig = Object.freeze(cloneConfig(nets.effectiveConfig));
  let diverged: TrainChunkResult['diverged'] = null;
  if (options.checkpoint) {
    if (options.checkpoint.method !== method) {
      engine.dispose();
      throw new Error(`A ${options.checkpoint.method} checkpoint cannot continue a ${method} run`);
    }
    try {
      engine.restore(options.checkpoint.engine);
    } catch (error) {
      engine.dispose();
      throw error;
    }
    diverged = options.checkpoint.diverged ? { ...options.checkpoint.diverged } : null;
  }
  return {
    method,
    config: effectiveConfig,
    effectiveConfig,
    backend: engine.backend,
    totalSteps: engine.totalSteps,
    get step() {
      return engine.modelStep(0);
    },
    get phase() {
      return engine.phase;
    },
    get trainingMs() {
      return engine.trainingMs;
    },
    get notes() {
      return engine.notes(0);
    },
    topology: nets.topology,
    parameterCounts: nets.parameterCounts,
    train: async (steps) => {
      // After a divergence the trainer keeps its last good weights and refuses further training.
      if (diverged) return { step: engine.modelStep(0), diverged };
      const result = await engine.train(steps);
      diverged = result.diverged[0];
      return { step: engine.modelStep(0), diverged };
    },
    evaluate: async () => (await engine.evaluate())[0],
    surface: (resolution) => computeSurface(engine, effectiveConfig, resolution),
    getWeights: () => engine.getWeights(0),
    getBaselineWeights: () => engine.getBaselineWeights(0),
    getLoneWeights: async () => (program.loneNet ? engine.readNet(0, program.loneNet) : null),
    checkpoint: async () => ({ method, step: engine.modelStep(0), backend: engine.backend, engine: await engine.checkpoint(), diverged: diverged ? { ...diverged } : null }),
    dispose: () => engine.dispose(),
  };
}
