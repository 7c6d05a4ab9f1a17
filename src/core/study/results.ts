/**
 * What one study job produces, as plain JSON-safe data (results.json, IndexedDB, worker messages).
 * Mirrors src/ml/types EvaluationPoint without importing tf-side code (src/core stays pure).
 */
import type { MethodId } from '../config';
import type { InvocationMetrics } from '../metrics';
import type { TargetId } from '../targets/types';
import type { StudyPlan, StudySize, StudyTopology } from './plan';

/** One evaluation of the §V metrics on the test set (same shape as EvaluationPoint). */
export interface StudyEvaluationPoint {
  step: number;
  metrics: InvocationMetrics;
  loss: number;
  mse: number;
  crossEntropy: number;
  loneTrueInvocation: number | null;
}

export interface JobResult {
  id: string;
  target: TargetId;
  method: MethodId;
  /** The final evaluation. */
  metrics: StudyEvaluationPoint;
  /** Every evaluation, in step order (the last one equals `metrics`). */
  history: StudyEvaluationPoint[];
  /** Weights + biases of both nets as trained (after any parameter matching). */
  params: number;
  /** Wall-clock time of training (evaluations excluded where the trainer can tell), ms. */
  trainingMs: number;
  /** Topology as trained. */
  topology: StudyTopology;
  /** Optimizer steps run in total (all phases and rounds). */
  totalSteps: number;
  /** Set when training diverged (NaN/Inf loss). */
  diverged: { atStep: number; message: string } | null;
  /** Tfjs backend the job ran on. */
  backend: string;
  /** What the trainer said about the run (e.g. the §V-A parameter match, or why it was impossible). */
  notes: string[];
  /** True when the result came from the cache instead of a fresh run. */
  cached?: boolean;
}

export type StudyResults = Readonly<Record<string, JobResult>>;

/** Everything results.json holds. */
export interface StudyReport {
  version: number;
  size: StudySize;
  budgetStatement: string;
  /** ISO time the study finished. */
  finishedAt: string;
  wallMs: number;
  environment: string;
  plan: StudyPlan;
  results: Record<string, JobResult>;
}
