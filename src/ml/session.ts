/**
 * The training loop of one run, without its transport: what the train worker drives between messages
 * and what `axlab train` drives to the end. Chunks are sized to a time budget from the measured step
 * time, never pass the next evaluation step (nextEvaluationStep), and the §V metrics are evaluated at
 * exactly those steps — so a run's step-N metrics are the same in the browser and in the CLI, however
 * the host slices its time.
 */
import { getScheduleLength, nextEvaluationStep } from './trainer';
import type { EvaluationPoint, LabTrainer, TrainChunkResult, TrainOptions } from './types';

export interface TrainingSessionOptions {
  /** Target wall time of one chunk, ms (the worker: CHUNK_BUDGET_MS; the CLI: larger). */
  chunkBudgetMs: number;
  /** Clock in ms (default performance.now). */
  now?: () => number;
}

export interface ChunkOutcome {
  /** Steps trained by this chunk. */
  steps: number;
  /** Wall time of the chunk's training, ms (the base of a host's rest between chunks). */
  elapsedMs: number;
  /** Set when the chunk diverged: the trainer kept its last good weights and refuses further training. */
  diverged: TrainChunkResult['diverged'];
  /** The evaluation made at the end of this chunk (it ended on an evaluation step), or null. */
  evaluated: EvaluationPoint | null;
}

export interface TrainingSession {
  readonly trainer: LabTrainer;
  /** True once the trainer reached its budget. */
  readonly done: boolean;
  /** Steps per second over windows of ≥ 0.5 s (steady for a readout). */
  readonly stepsPerSecond: number;
  /** One chunk of at most `limit` steps; `interrupt` may end it within a sliced step (TrainOptions). */
  trainChunk(limit?: number, interrupt?: TrainOptions['interrupt']): Promise<ChunkOutcome>;
  /** Evaluates now unless the last evaluation was at this step (force: evaluate anyway). */
  evaluateCurrent(force?: boolean): Promise<EvaluationPoint | null>;
  /** Evaluation points since the last call. */
  takePoints(): EvaluationPoint[];
  /** Restarts the throughput window (after a pause). */
  resetThroughput(): void;
}

export function createTrainingSession(trainer: LabTrainer, options: TrainingSessionOptions): TrainingSession {
  const now = options.now ?? (() => performance.now());
  const totalSteps = getScheduleLength(trainer);
  /**
   * Measured ms per step (smoothed); null before the first chunk, which (with a finite budget) is one step, so that no
   * chunk of a net with slow steps (issue 12: maximal widths and batch, seconds a step) runs many steps past Pause on a guess.
   */
  let msPerStep: number | null = null;
  let pending: EvaluationPoint[] = [];
  let lastEvaluatedStep = -1;
  let windowStartAt = now();
  let windowStartStep = trainer.step;
  let stepsPerSecond = 0;

  const record = (point: EvaluationPoint) => {
    pending.push(point);
    lastEvaluatedStep = point.step;
    return point;
  };

  return {
    trainer,
    get done() {
      return trainer.step >= totalSteps;
    },
    get stepsPerSecond() {
      return stepsPerSecond;
    },
    async trainChunk(limit = Number.POSITIVE_INFINITY, interrupt?: TrainOptions['interrupt']): Promise<ChunkOutcome> {
      const evaluationAt = nextEvaluationStep(trainer.step, trainer);
      // An unbounded budget (the CLI, runToCompletion) runs to the next evaluation step from the first chunk on.
      const unmeasured = msPerStep === null && Number.isFinite(options.chunkBudgetMs);
      const budgetSteps = unmeasured ? 1 : Math.max(1, Math.floor(options.chunkBudgetMs / Math.max(msPerStep ?? 1, 1e-3)));
      const count = Math.max(1, Math.min(limit, budgetSteps, evaluationAt - trainer.step, totalSteps - trainer.step));
      const startedAt = now();
      const before = trainer.step;
      const result = await trainer.train(count, interrupt ? { interrupt } : undefined);
      const elapsedMs = now() - startedAt;
      const steps = result.step - before;
      if (steps > 0) msPerStep = msPerStep === null ? elapsedMs / steps : 0.7 * msPerStep + 0.3 * (elapsedMs / steps);
      if (result.diverged) return { steps, elapsedMs, diverged: result.diverged, evaluated: null };
      const evaluated = trainer.step === evaluationAt ? record(await trainer.evaluate()) : null;
      const at = now();
      if (at - windowStartAt >= 500) {
        stepsPerSecond = ((trainer.step - windowStartStep) * 1000) / (at - windowStartAt);
        windowStartAt = at;
        windowStartStep = trainer.step;
      }
      return { steps, elapsedMs, diverged: null, evaluated };
    },
    async evaluateCurrent(force = false) {
      if (!force && lastEvaluatedStep === trainer.step) return null;
      return record(await trainer.evaluate());
    },
    takePoints() {
      const points = pending;
      pending = [];
      return points;
    },
    resetThroughput() {
      windowStartAt = now();
      windowStartStep = trainer.step;
    },
  };
}

export interface RunResult {
  evaluations: EvaluationPoint[];
  diverged: TrainChunkResult['diverged'];
}

/**
 * Trains to the trainer's budget with one session (chunks of chunkBudgetMs; default: each chunk runs to
 * the next evaluation step), evaluating at every multiple of evalEvery and the last step. Stops early on
 * divergence (with one last evaluation of the restored weights) or when `shouldStop` says so. The CLI,
 * the study and the tests drive a run through this; the train worker drives the same session chunk by chunk.
 */
export async function runToCompletion(
  trainer: LabTrainer,
  onEvaluation?: (point: EvaluationPoint) => void | Promise<void>,
  options: { shouldStop?: () => boolean; chunkBudgetMs?: number } = {},
): Promise<RunResult> {
  const session = createTrainingSession(trainer, { chunkBudgetMs: options.chunkBudgetMs ?? Number.POSITIVE_INFINITY });
  const evaluations: EvaluationPoint[] = [];
  const report = async (point: EvaluationPoint | null) => {
    if (!point) return;
    evaluations.push(point);
    await onEvaluation?.(point);
  };
  while (!session.done) {
    if (options.shouldStop?.()) break;
    const outcome = await session.trainChunk();
    await report(outcome.evaluated);
    if (outcome.diverged) {
      await report(await session.evaluateCurrent(true));
      return { evaluations, diverged: outcome.diverged };
    }
  }
  return { evaluations, diverged: null };
}
