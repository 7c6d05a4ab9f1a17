/**
 * What one study job produces, as plain JSON-safe data (results.json, IndexedDB, worker messages).
 * A job's evaluations are the trainers' EvaluationPoint (src/core/weights.ts).
 */
import type { MethodId } from '../config';
import type { TargetId } from '../targets/types';
import type { EvaluationPoint } from '../weights';
import type { StudyPlan, StudySize, StudyTopology } from './plan';
import type { Divergence } from '../divergence';

/** One evaluation of the §V metrics on the test set. */
export type StudyEvaluationPoint = EvaluationPoint;

/** One evaluation on the validation split (the converge protocol's early stopping reads trueInvocation). */
export interface StudyValidationPoint {
  step: number;
  trueInvocation: number;
  predictionAccuracy: number;
}

export interface JobResult {
  id: string;
  target: TargetId;
  method: MethodId;
  /** The final evaluation. */
  metrics: StudyEvaluationPoint;
  /** Every evaluation, in step order (the last one equals `metrics`). */
  history: StudyEvaluationPoint[];
  /** Every evaluation on the validation split, at the steps of `history` (absent in results before plan version 4). */
  validation?: StudyValidationPoint[];
  /** Weights + biases of both nets as trained (after any parameter matching). */
  params: number;
  /** Wall-clock time of training (evaluations excluded where the trainer can tell), ms. */
  trainingMs: number;
  /** Topology as trained. */
  topology: StudyTopology;
  /** Optimizer steps run in total (all phases and rounds). */
  totalSteps: number;
  /** Set when training diverged (NaN/Inf loss). */
  diverged: Divergence | null;
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
