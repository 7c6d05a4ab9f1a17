/**
 * K models of one method as one program: the entry point for sweeps, the study and the bench.
 * Use: `await selectBackend(...)` first, then `createModelGroupTrainer(models, method)`.
 * Models that can share a program (src/core/modelGroup.ts: same target, depth and schedule) train as
 * one batched engine (./engine.ts); other sets are split into such groups, trained one after another.
 */
import type { GroupCheckpoint } from '../../core/checkpoint';
import { cloneConfig, type LabConfig, type MethodId } from '../../core/config';
import { carveValidationSplit, createDataset, type DataRows, type Dataset } from '../../core/dataset';
import { computeInvocationMetrics, computeSampleErrors, type InvocationMetrics } from '../../core/metrics';
import { getTarget } from '../../core/targets';
import { partitionModelGroups } from '../../core/modelGroup';
import { buildMethodProgram } from '../methods';
import type { EvaluationPoint } from '../types';
import { createGroupEngine, type EngineOptions, type GroupEngine, type ProgramModel } from './engine';
import type { GroupChunkResult, GroupModelSpec, ModelGroupTrainer } from './types';

export type { GroupChunkResult, GroupModelSpec, ModelGroupTrainer } from './types';

export interface ModelGroupOptions {
  /** Test hook: makes model `model`'s loss NaN at training step `step` (1-based). */
  injectNaN?: EngineOptions['injectNaN'];
  /**
   * Holds out this fraction of every model's training rows as a validation split (carveValidationSplit, seeded
   * stream 'study-validation' of the model's seed): the models train on the rest, and evaluateValidation reads it.
   */
  validationFraction?: number;
  /**
   * Continues from a checkpoint of a group of the same models and method (taken by `checkpoint()`): the next chunks
   * equal the uninterrupted group's on the same backend; on another backend they are that backend's numbers.
   */
  checkpoint?: GroupCheckpoint;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Data sets shared by models that draw the same data (same target, seed and sizes), with their validation rows. */
function createDatasets(configs: readonly Readonly<LabConfig>[], validationFraction: number | undefined): { dataset: Dataset; validation: DataRows | null }[] {
  const cache = new Map<string, { dataset: Dataset; validation: DataRows | null }>();
  return configs.map((config) => {
    const key = JSON.stringify([config.target, config.seed, config.trainSize, config.testSize]);
    const known = cache.get(key);
    if (known) return known;
    const full = createDataset(config);
    const data = validationFraction === undefined ? { dataset: full, validation: null } : carveValidationSplit(full, validationFraction, config.seed, 'study-validation');
    cache.set(key, data);
    return data;
  });
}

export function createModelGroupTrainer(specs: readonly GroupModelSpec[], method: MethodId, options: ModelGroupOptions = {}): ModelGroupTrainer {
  if (specs.length === 0) throw new Error('A model group needs at least one model');
  const configs = specs.map((s) => Object.freeze(cloneConfig(s.config)));
  const data = createDatasets(configs, options.validationFraction);
  const datasets = data.map((d) => d.dataset);
  const partitions = partitionModelGroups(configs, method);
  const engines: { engine: GroupEngine; indices: number[] }[] = [];
  try {
    for (const indices of partitions) {
      const models: ProgramModel[] = indices.map((i) => ({ config: configs[i], dataset: datasets[i], lossWeights: specs[i].lossWeights }));
      const injected =
        options.injectNaN && indices.includes(options.injectNaN.model) ? { model: indices.indexOf(options.injectNaN.model), step: options.injectNaN.step } : undefined;
      engines.push({ engine: createGroupEngine(buildMethodProgram(method, models), models, { injectNaN: injected }), indices });
    }
  } catch (error) {
    engines.forEach((e) => e.engine.dispose());
    throw error;
  }
  const totalSteps = engines[0].engine.totalSteps;
  if (engines.some((e) => e.engine.totalSteps !== totalSteps)) {
    engines.forEach((e) => e.engine.dispose());
    throw new Error('Every model of a group must have the same step budget');
  }
  let trainingMs = 0;
  let step = 0;
  if (options.checkpoint) {
    const saved = options.checkpoint;
    try {
      if (saved.method !== method || saved.size !== specs.length || saved.engines.length !== engines.length) {
        throw new Error(`A checkpoint of ${saved.size} ${saved.method} model(s) in ${saved.engines.length} program(s) does not fit ${specs.length} ${method} in ${engines.length}`);
      }
      if (saved.engines.some((e) => e.step !== saved.step)) throw new Error("The checkpoint's programs are at different steps");
      engines.forEach((e, i) => e.engine.restore(saved.engines[i]));
    } catch (error) {
      engines.forEach((e) => e.engine.dispose());
      throw error;
    }
    step = saved.step;
    trainingMs = saved.trainingMs;
  }
  // Model i lives in engine located[i].engine at position located[i].position.
  const located: { engine: GroupEngine; position: number }[] = [];
  for (const { engine, indices } of engines) indices.forEach((i, position) => (located[i] = { engine, position }));
  return {
    method,
    size: specs.length,
    backend: engines[0].engine.backend,
    configs: located.map(({ engine, position }) => engine.program.models[position].effectiveConfig),
    topologies: located.map(({ engine, position }) => engine.program.models[position].topology),
    totalSteps,
    get step() {
      return step;
    },
    get stoppedAt() {
      return located.map(({ engine, position }) => engine.stoppedAt[position]);
    },
    get notes() {
      return located.map(({ engine, position }) => engine.notes(position));
    },
    get trainingMs() {
      return trainingMs;
    },
    async train(requested: number): Promise<GroupChunkResult> {
      const count = Math.max(0, Math.min(Math.floor(requested), totalSteps - step));
      const diverged: GroupChunkResult['diverged'] = specs.map(() => null);
      if (count === 0) return { step, diverged };
      const started = now();
      for (const { engine, indices } of engines) {
        const result = await engine.train(count);
        indices.forEach((i, position) => (diverged[i] = result.diverged[position]));
      }
      step += count;
      trainingMs += now() - started;
      return { step, diverged };
    },
    async evaluate(): Promise<EvaluationPoint[]> {
      const points: EvaluationPoint[] = [];
      for (const { engine, indices } of engines) {
        const evaluated = await engine.evaluate();
        indices.forEach((i, position) => (points[i] = evaluated[position]));
      }
      return points;
    },
    async evaluateValidation(): Promise<InvocationMetrics[]> {
      const out: InvocationMetrics[] = [];
      for (const { engine, indices } of engines) {
        const splits = indices.map((i) => data[i].validation);
        if (splits.some((v) => v === null)) throw new Error('evaluateValidation needs the validationFraction option');
        const rows = splits[0]!.size;
        const { inputDim, outputDim } = datasets[indices[0]];
        const x = new Float32Array(indices.length * rows * inputDim);
        splits.forEach((v, position) => x.set(v!.x, position * rows * inputDim));
        const { output, gap } = await engine.predict(x, rows);
        indices.forEach((i, position) => {
          const own = output.subarray(position * rows * outputDim, (position + 1) * rows * outputDim);
          const metric = getTarget(configs[i].target).errorMetric;
          const errors = computeSampleErrors(metric, own, splits[position]!.y, outputDim);
          const meanErrors = outputDim > 1 && metric !== 'rms' ? computeSampleErrors(metric, own, splits[position]!.y, outputDim, 'meanOverOutputs') : errors;
          // Predicted safe ⇔ gap > 0, as the engine's evaluate; no classifier: every input is approximated.
          const predictedSafe = gap ? Uint8Array.from(gap.subarray(position * rows, (position + 1) * rows), (g) => (g > 0 ? 1 : 0)) : new Uint8Array(rows).fill(1);
          out[i] = computeInvocationMetrics(errors, predictedSafe, configs[i].errorBound, meanErrors);
        });
      }
      return out;
    },
    getWeights: (i) => located[i].engine.getWeights(located[i].position),
    getBaselineWeights: (i) => located[i].engine.getBaselineWeights(located[i].position),
    async checkpoint(): Promise<GroupCheckpoint> {
      const saved = [];
      for (const { engine } of engines) saved.push(await engine.checkpoint());
      return { method, size: specs.length, step, backend: engines[0].engine.backend, trainingMs, engines: saved };
    },
    dispose() {
      engines.forEach((e) => e.engine.dispose());
    },
  };
}
