/**
 * K models of one method as one program: the entry point for sweeps, the study and the bench.
 * Use: `await selectBackend(...)` first, then `createModelGroupTrainer(models, method)`.
 * Models that can share a program (src/core/modelGroup.ts: same target, depth and schedule) train as
 * one batched engine (./engine.ts); other sets are split into such groups, trained one after another.
 */
import { cloneConfig, type LabConfig, type MethodId } from '../../core/config';
import { createDataset, type Dataset } from '../../core/dataset';
import { partitionModelGroups } from '../../core/modelGroup';
import { buildMethodProgram } from '../methods';
import type { EvaluationPoint } from '../types';
import { createGroupEngine, type EngineOptions, type GroupEngine, type ProgramModel } from './engine';
import type { GroupChunkResult, GroupModelSpec, ModelGroupTrainer } from './types';

export type { GroupChunkResult, GroupModelSpec, ModelGroupTrainer } from './types';

export interface ModelGroupOptions {
  /** Test hook: makes model `model`'s loss NaN at training step `step` (1-based). */
  injectNaN?: EngineOptions['injectNaN'];
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Data sets shared by models that draw the same data (same target, seed and sizes). */
function createDatasets(configs: readonly Readonly<LabConfig>[]): Dataset[] {
  const cache = new Map<string, Dataset>();
  return configs.map((config) => {
    const key = JSON.stringify([config.target, config.seed, config.trainSize, config.testSize]);
    const known = cache.get(key);
    if (known) return known;
    const dataset = createDataset(config);
    cache.set(key, dataset);
    return dataset;
  });
}

export function createModelGroupTrainer(specs: readonly GroupModelSpec[], method: MethodId, options: ModelGroupOptions = {}): ModelGroupTrainer {
  if (specs.length === 0) throw new Error('A model group needs at least one model');
  const configs = specs.map((s) => Object.freeze(cloneConfig(s.config)));
  const datasets = createDatasets(configs);
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
  // Model i lives in engine located[i].engine at position located[i].position.
  const located: { engine: GroupEngine; position: number }[] = [];
  for (const { engine, indices } of engines) indices.forEach((i, position) => (located[i] = { engine, position }));
  let trainingMs = 0;
  let step = 0;
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
    getWeights: (i) => located[i].engine.getWeights(located[i].position),
    getBaselineWeights: (i) => located[i].engine.getBaselineWeights(located[i].position),
    dispose() {
      engines.forEach((e) => e.engine.dispose());
    },
  };
}
