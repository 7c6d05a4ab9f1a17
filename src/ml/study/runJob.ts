/**
 * Trains one study job in this thread: createMethodTrainer + runToCompletion on the job's backend
 * (Node: cpu), and returns its results as plain data. Used by `axlab reproduce` and by worker threads;
 * a browser page would run this inside a Web Worker.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice } from '../../core/config';
import type { StudyJob } from '../../core/study/plan';
import type { JobResult, StudyEvaluationPoint } from '../../core/study/results';
import { loadTargetData } from '../../core/targets/loadTargetData';
import { selectBackend, type SelectBackendOptions } from '../backend';
import { createMethodTrainer } from '../methods';
import { runToCompletion } from '../session';
import type { EvaluationPoint } from '../../core/weights';
import { StudyCancelledError } from '../../core/study/runner';

export interface RunStudyJobOptions {
  signal?: AbortSignal;
  /** Overrides job.config.backend (e.g. 'auto' in a browser worker). */
  backend?: BackendChoice;
  onEvaluation?: (point: StudyEvaluationPoint) => void;
  /** Passed to selectBackend (a browser worker: prepareWasm, which points wasm at Vite's .wasm files). */
  selectOptions?: SelectBackendOptions;
}

export function toPlainPoint(point: EvaluationPoint): StudyEvaluationPoint {
  return { step: point.step, metrics: { ...point.metrics }, loss: point.loss, mse: point.mse, crossEntropy: point.crossEntropy, loneTrueInvocation: point.loneTrueInvocation };
}

let activeChoice: BackendChoice | null = null;

/** Selects the backend `choice` (once per thread) and loads `target`'s data (photo targets: the images). */
export async function prepareStudyRuntime(choice: BackendChoice, target: string, selectOptions?: SelectBackendOptions): Promise<void> {
  if (activeChoice !== choice || (choice !== 'auto' && tf.getBackend() !== choice)) {
    await selectBackend(choice, selectOptions);
    activeChoice = choice;
  }
  await loadTargetData(target);
}

/** Trains `job` to its method's full budget and evaluates it every config.evalEvery steps. */
export async function runStudyJob(job: StudyJob, options: RunStudyJobOptions = {}): Promise<JobResult> {
  const { signal } = options;
  if (signal?.aborted) throw new StudyCancelledError();
  await prepareStudyRuntime(options.backend ?? job.config.backend, job.config.target, options.selectOptions);
  const trainer = createMethodTrainer(job.config, job.method);
  try {
    const run = await runToCompletion(trainer, (point) => options.onEvaluation?.(toPlainPoint(point)), { shouldStop: () => Boolean(signal?.aborted) });
    if (signal?.aborted) throw new StudyCancelledError();
    const history = run.evaluations.map(toPlainPoint);
    const last = history.at(-1) ?? toPlainPoint(await trainer.evaluate());
    return {
      id: job.id,
      target: job.target,
      method: job.method,
      metrics: last,
      history: history.length ? history : [last],
      params: trainer.topology.parameters,
      trainingMs: trainer.trainingMs,
      topology: { approximator: [...trainer.topology.approximator], predictor: [...(trainer.topology.predictor ?? [])] },
      totalSteps: trainer.step,
      diverged: run.diverged,
      backend: trainer.backend,
      notes: [...trainer.notes],
    };
  } finally {
    trainer.dispose();
  }
}
