/**
 * Hand-made job results for the study's tests (and for UI stories): no training, exact numbers.
 */
import type { InvocationMetrics } from '../metrics';
import type { StudyJob } from './plan';
import type { JobResult, StudyEvaluationPoint } from './results';

export interface FakeNumbers {
  trueInvocation?: number;
  predictedInvocation?: number;
  predictionAccuracy?: number;
  overallError?: number;
  /** Default: overallError (one output: the two are equal). */
  overallErrorWorstOutput?: number;
  params?: number;
  trainingMs?: number;
  /** True invocation per evaluation (the last one is the final value). */
  history?: number[];
}

export function makeFakeMetrics(numbers: FakeNumbers, samples = 1000): InvocationMetrics {
  const trueInvocation = numbers.trueInvocation ?? 0.5;
  const predictedInvocation = numbers.predictedInvocation ?? trueInvocation;
  return {
    trueInvocation,
    predictedInvocation,
    predictionAccuracy: numbers.predictionAccuracy ?? Math.min(trueInvocation, predictedInvocation),
    overallError: numbers.overallError ?? 0.01,
    overallErrorWorstOutput: numbers.overallErrorWorstOutput ?? numbers.overallError ?? 0.01,
    codeAgreement: 0.9,
    codeOverallError: (numbers.overallError ?? 0.01) * predictedInvocation,
    samples,
    safeCount: Math.round(trueInvocation * samples),
    predictedSafeCount: Math.round(predictedInvocation * samples),
  };
}

/** A JobResult for `job` with the given numbers (history: one point per value, 100 steps apart). */
export function makeFakeResult(job: StudyJob, numbers: FakeNumbers = {}): JobResult {
  const values = numbers.history ?? [numbers.trueInvocation ?? 0.5];
  const final = { ...numbers, trueInvocation: values[values.length - 1] };
  const history: StudyEvaluationPoint[] = values.map((v, k) => ({
    step: (k + 1) * 100,
    metrics: makeFakeMetrics({ ...final, trueInvocation: v }),
    loss: 0.1,
    mse: 0.05,
    crossEntropy: 0.05,
    loneTrueInvocation: null,
  }));
  return {
    id: job.id,
    target: job.target,
    method: job.method,
    metrics: history[history.length - 1],
    history,
    params: numbers.params ?? 100,
    trainingMs: numbers.trainingMs ?? 1000,
    topology: { approximator: [...job.topology.approximator], predictor: [...job.topology.predictor] },
    totalSteps: values.length * 100,
    diverged: null,
    backend: 'cpu',
    notes: [],
  };
}
