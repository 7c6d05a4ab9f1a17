/**
 * The sequential reference of ModelGroupTrainer: K MethodTrainers trained one after another. It is
 * what a group must equal model by model (tests), and what runs where batching cannot (models of
 * different depth, method or target).
 */
import { createMethodTrainer } from '../methods';
import type { MethodTrainer } from '../types';
import type { MethodId } from '../../core/config';
import type { GroupChunkResult, GroupModelSpec, ModelGroupTrainer } from './types';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function createSequentialGroupTrainer(models: readonly GroupModelSpec[], method: MethodId): ModelGroupTrainer {
  if (models.length === 0) throw new Error('A model group needs at least one model');
  for (const m of models) {
    if (m.lossWeights && (m.lossWeights.mse !== 1 || m.lossWeights.ce !== 1)) throw new Error('The sequential group trainer supports only J = La + Lp (loss weights 1, 1)');
  }
  const trainers: MethodTrainer[] = [];
  try {
    for (const m of models) trainers.push(createMethodTrainer(m.config, method));
  } catch (error) {
    trainers.forEach((t) => t.dispose());
    throw error;
  }
  const totalSteps = trainers[0].totalSteps;
  if (trainers.some((t) => t.totalSteps !== totalSteps)) {
    trainers.forEach((t) => t.dispose());
    throw new Error('Every model of a group must have the same step budget');
  }
  const stoppedAt: (number | null)[] = trainers.map(() => null);
  let step = 0;
  let trainingMs = 0;
  return {
    method,
    size: trainers.length,
    backend: trainers[0].backend,
    configs: trainers.map((t) => t.effectiveConfig),
    topologies: trainers.map((t) => t.topology),
    totalSteps,
    get step() {
      return step;
    },
    stoppedAt,
    get trainingMs() {
      return trainingMs;
    },
    async train(requested: number): Promise<GroupChunkResult> {
      const count = Math.max(0, Math.min(Math.floor(requested), totalSteps - step));
      const diverged: GroupChunkResult['diverged'] = trainers.map(() => null);
      if (count === 0) return { step, diverged };
      const started = now();
      for (let k = 0; k < trainers.length; k++) {
        if (stoppedAt[k] !== null) continue;
        const result = await trainers[k].train(count);
        if (result.diverged) {
          diverged[k] = result.diverged;
          stoppedAt[k] = result.step;
        }
      }
      step += count;
      trainingMs += now() - started;
      return { step, diverged };
    },
    evaluate: () => Promise.all(trainers.map((t) => t.evaluate())),
    getWeights: (k) => trainers[k].getWeights(),
    getBaselineWeights: async (k) => (await trainers[k].getBaselineWeights?.()) ?? null,
    dispose() {
      trainers.forEach((t) => t.dispose());
    },
  };
}
