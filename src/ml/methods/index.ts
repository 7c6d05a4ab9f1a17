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
import type { MethodTrainer, SurfaceSnapshot, TrainChunkResult, TrainOptions } from '../types';
import { computeRowSlices, stepSliceRows } from '../../core/runEstimate';
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
  /** Row slices of every step instead of the size rule's (EngineOptions.stepSlices). */
  stepSlices?: number;
}

const sigmoid = (g: number) => (g >= 0 ? 1 / (1 + Math.exp(-g)) : Math.exp(g) / (1 + Math.exp(g)));

/** Concatenates row-major bands (each rows × width values) into one array. */
function joinBands(bands: Float32Array[]): Float32Array {
  if (bands.length === 1) return bands[0];
  const out = new Float32Array(bands.reduce((sum, band) => sum + band.length, 0));
  let offset = 0;
  for (const band of bands) {
    out.set(band, offset);
    offset += band.length;
  }
  return out;
}

/**
 * Values of model 0 over the n×n grid of a 2-D target (null for other targets). The grid's rows go through the nets in
 * bands of at most STEP_SLICE_MACS of work (src/core/runEstimate.ts computeRowSlices: one band at usual sizes); between
 * bands `interrupt` is awaited, and true abandons the surface (null), so that Pause is answered at maximal widths.
 */
async function computeSurface(engine: GroupEngine, config: Readonly<LabConfig>, resolution: number, interrupt?: TrainOptions['interrupt']): Promise<SurfaceSnapshot | null> {
  const target = resolveTarget(config);
  if (target.inputDim !== 2 || target.inputRanges.length < 2) return null;
  const n = Math.max(1, Math.floor(resolution));
  const { inputs, exact, ranges } = buildSurfaceGrid(target, n);
  const outputDim = target.outputDim;
  const { hidden: forwardHidden } = engine.program;
  // Forward + the hidden layers' pass: two forward passes a row (one model: the method trainer's engine has K = 1).
  const bands = engine.size === 1 ? computeRowSlices(engine.backend, n * n, (forwardHidden ? 2 : 1) * engine.rowForwardMacs) : 1;
  const parts = { output: [] as Float32Array[], gap: [] as Float32Array[], lone: [] as Float32Array[], hidden: [] as Float32Array[][] };
  let fusedLayers: readonly number[] = [];
  let hiddenWidths: number[] = [];
  for (let b = 0; b < bands; b++) {
    if (b > 0 && interrupt && (await interrupt())) return null;
    const [start, end] = stepSliceRows(n * n, bands, b);
    const band = inputs.subarray(start * target.inputDim, end * target.inputDim);
    const predicted = await engine.predict(band, end - start);
    parts.output.push(predicted.output);
    if (predicted.gap) parts.gap.push(predicted.gap);
    if (predicted.lone) parts.lone.push(predicted.lone);
    if (!forwardHidden) continue;
    const tensors = engine.withNets((nets) => {
      const h = forwardHidden(nets, engine.rows(band, end - start));
      fusedLayers = [...h.fusedLayers];
      return [...h.before, ...h.controls, ...h.after];
    });
    try {
      hiddenWidths = tensors.map((t) => t.shape[t.rank - 1]);
      parts.hidden.push((await Promise.all(tensors.map((t) => t.data()))) as Float32Array[]);
    } finally {
      tensors.forEach((t) => t.dispose());
    }
  }
  const output = joinBands(parts.output);
  const gap = parts.gap.length ? joinBands(parts.gap) : null;
  const lone = parts.lone.length ? joinBands(parts.lone) : null;
  let hidden: SurfaceSnapshot['hidden'] = [];
  if (forwardHidden) {
    const data = hiddenWidths.map((_, t) => joinBands(parts.hidden.map((band) => band[t])));
    const count = fusedLayers.length;
    // [before(1..l), c(1..l), after(1..l)] per fused layer, [1, n², L_i] each.
    hidden = fusedLayers.map((layer, i) => ({
      width: hiddenWidths[i],
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
  const engine = createGroupEngine(program, models, {
    ...(options.injectNaNAtStep ? { injectNaN: { model: 0, step: options.injectNaNAtStep } } : {}),
    ...(options.stepSlices !== undefined ? { stepSlices: options.stepSlices } : {}),
  });
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
    get phaseMessage() {
      return engine.phaseMessage;
    },
    get trainingMs() {
      return engine.trainingMs;
    },
    get notes() {
      return engine.notes(0);
    },
    topology: nets.topology,
    parameterCounts: nets.parameterCounts,
    train: async (steps, options) => {
      // After a divergence the trainer keeps its last good weights and refuses further training.
      if (diverged) return { step: engine.modelStep(0), diverged };
      const result = await engine.train(steps, options);
      diverged = result.diverged[0];
      return { step: engine.modelStep(0), diverged };
    },
    evaluate: async () => (await engine.evaluate())[0],
    surface: (resolution, interrupt) => computeSurface(engine, effectiveConfig, resolution, interrupt),
    getWeights: () => engine.getWeights(0),
    getBaselineWeights: () => engine.getBaselineWeights(0),
    getLoneWeights: async () => (program.loneNet ? engine.readNet(0, program.loneNet) : null),
    checkpoint: async () => ({ method, step: engine.modelStep(0), backend: engine.backend, engine: await engine.checkpoint(), diverged: diverged ? { ...diverged } : null }),
    dispose: () => engine.dispose(),
  };
}
