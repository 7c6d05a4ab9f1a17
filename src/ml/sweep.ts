/**
 * Training a sweep (src/core/sweep.ts): every variant is one model of one ModelGroupTrainer
 * (createModelGroupTrainer, src/ml/group), trained in chunks that end at the evaluation steps of the
 * lab's schedule (nextEvaluationStep: every evalEvery steps and the last), so that a variant's curve has
 * the points its solo run would have. The sweep worker (workers/sweep.worker.ts) and `axlab sweep`
 * drive the same functions. Built on the group contract only (./group/types.ts).
 */
import type { GroupCheckpoint } from '../core/checkpoint';
import type { LabConfig } from '../core/config';
import type { SweepPlan, SweepResultRow } from '../core/sweep';
import { createModelGroupTrainer, type ModelGroupTrainer } from './group';
import { nextEvaluationStep } from './trainer';
import type { EvaluationPoint } from './types';
import type { Divergence } from '../core/divergence';

/** The group of a plan: model k is variant k. */
/** Every variant of the plan as one model group; from `checkpoint` (of the same plan) instead of step 0 when given. */
export function createSweepGroup(plan: Readonly<SweepPlan>, checkpoint?: GroupCheckpoint): ModelGroupTrainer {
  return createModelGroupTrainer(
    plan.variants.map((variant) => ({ config: variant.config })),
    plan.method,
    checkpoint ? { checkpoint } : {},
  );
}

/** The evaluation step that follows `group.step` (the variants share evalEvery and the step budget). */
export function nextSweepEvaluationStep(group: Pick<ModelGroupTrainer, 'step' | 'totalSteps'>, evalEvery: number): number {
  return nextEvaluationStep(group.step, { totalSteps: group.totalSteps, config: { evalEvery } });
}

export interface SweepChunkResult {
  /** Per variant: the new evaluation point, or null (no evaluation this chunk, or stopped before it). */
  points: (EvaluationPoint | null)[];
  /** Variants that diverged in this chunk, with the step of the weights they keep. */
  stopped: ({ variant: number } & Divergence)[];
  /** Whether the group was evaluated in this chunk. */
  evaluated: boolean;
}

/**
 * Up to `maxSteps` steps (at least 1) toward the next evaluation step. The group is evaluated when that
 * step is reached, or when a variant diverged (its last point is of the weights it keeps).
 * Variants stopped in an earlier chunk get no new points.
 */
export async function trainSweepChunk(group: ModelGroupTrainer, evalEvery: number, maxSteps: number): Promise<SweepChunkResult> {
  const evaluationAt = nextSweepEvaluationStep(group, evalEvery);
  const wasStopped = group.stoppedAt.map((s) => s !== null);
  const count = Math.max(1, Math.min(Math.floor(maxSteps), evaluationAt - group.step, group.totalSteps - group.step));
  const result = await group.train(count);
  const stopped: SweepChunkResult['stopped'] = [];
  result.diverged.forEach((d, variant) => {
    if (d) stopped.push({ variant, ...d });
  });
  const evaluate = group.step === evaluationAt || stopped.length > 0;
  const points: (EvaluationPoint | null)[] = group.stoppedAt.map(() => null);
  if (evaluate) {
    const all = await group.evaluate();
    all.forEach((point, k) => {
      // A variant stopped earlier already has its last point; one that just stopped gets the point of its kept weights.
      const justStopped = stopped.some((s) => s.variant === k);
      if (!wasStopped[k] && (group.stoppedAt[k] === null || justStopped)) points[k] = point;
    });
  }
  return { points, stopped, evaluated: evaluate };
}

/** Trains the group to its budget; returns every variant's evaluation points and stop messages. */
export async function runSweepToCompletion(
  group: ModelGroupTrainer,
  evalEvery: number,
  onChunk?: (chunk: SweepChunkResult, group: ModelGroupTrainer) => void | Promise<void>,
): Promise<{ histories: EvaluationPoint[][]; stopped: (string | null)[] }> {
  const histories: EvaluationPoint[][] = group.stoppedAt.map(() => []);
  const stopped: (string | null)[] = group.stoppedAt.map(() => null);
  while (group.step < group.totalSteps && group.stoppedAt.some((s) => s === null)) {
    const chunk = await trainSweepChunk(group, evalEvery, Infinity);
    chunk.points.forEach((point, k) => point && histories[k].push(point));
    for (const s of chunk.stopped) stopped[s.variant] = s.message;
    await onChunk?.(chunk, group);
  }
  return { histories, stopped };
}

/** The final row of every variant: its last evaluation (its kept weights when it stopped). */
export function buildSweepRows(plan: Readonly<SweepPlan>, histories: readonly (readonly EvaluationPoint[])[], stopped: readonly (string | null)[]): SweepResultRow[] {
  return plan.variants.map((variant, k) => {
    const last = histories[k]?.at(-1) ?? null;
    const m = last?.metrics;
    return {
      variant: k,
      value: variant.value,
      seed: variant.seed,
      trueInvocation: m?.trueInvocation ?? Number.NaN,
      predictedInvocation: m?.predictedInvocation ?? Number.NaN,
      predictionAccuracy: m?.predictionAccuracy ?? Number.NaN,
      overallError: m ? m.overallError : null,
      steps: last?.step ?? 0,
      stopped: stopped[k] ?? null,
    };
  });
}

/**
 * The config whose net shape stands for the whole group in the backend cache key: the widest width of
 * every layer over the variants (a group pads to them, issue 8 §2).
 */
export function describeSweepShape(plan: Readonly<SweepPlan>): Pick<LabConfig, 'target' | 'approximatorHidden' | 'predictorHidden' | 'batchSize' | 'trainLone'> {
  const first = plan.variants[0].config;
  const widest = (pick: (c: LabConfig) => number[]) => pick(first).map((_, i) => Math.max(...plan.variants.map((v) => pick(v.config)[i] ?? 0)));
  return {
    target: first.target,
    approximatorHidden: widest((c) => c.approximatorHidden),
    predictorHidden: widest((c) => c.predictorHidden),
    batchSize: first.batchSize,
    trainLone: first.trainLone,
  };
}
