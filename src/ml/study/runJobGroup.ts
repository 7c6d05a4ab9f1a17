/**
 * Trains the jobs of one program group (src/core/study/groups.ts) as one ModelGroupTrainer
 * (src/ml/group) and returns one JobResult per job, the same as runStudyJob gives for each of them:
 * the same evaluation schedule (runToCompletion's: every multiple of evalEvery and the last step, via
 * nextEvaluationStep), a model's history ending at the evaluation where it diverged, and its
 * totalSteps the step it stopped at.
 *
 * Every job, a group of one included, trains on its training rows minus the validation split
 * (STUDY_VALIDATION_FRACTION, src/core/study/protocols.ts) and is evaluated on that split beside the test set at
 * every evaluation (JobResult.validation), which the converge protocol's early stopping reads.
 *
 * trainingMs of a job is the group's training time / K: the share of the program's wall time that
 * the job costs (equal to its own time when the models train one after another, and what batching
 * saves otherwise).
 */
import type { StudyJob } from '../../core/study/plan';
import { STUDY_VALIDATION_FRACTION } from '../../core/study/protocols';
import type { JobResult, StudyEvaluationPoint, StudyValidationPoint } from '../../core/study/results';
import { studyGroupKey } from '../../core/study/groups';
import { StudyCancelledError } from '../../core/study/runner';
import { createModelGroupTrainer } from '../group';
import { nextEvaluationStep } from '../trainer';
import { prepareStudyRuntime, toPlainPoint, type RunStudyJobOptions } from './runJob';

/** Trains `jobs` (one group: equal studyGroupKey) as one program; results in the order of `jobs`. */
export async function runStudyJobGroup(
  jobs: readonly StudyJob[],
  options: Omit<RunStudyJobOptions, 'onEvaluation'> & {
    /** After each chunk (train to an evaluation step, evaluate): its wall time and the group's step (a worker's heartbeat). */
    onChunk?: (chunkMs: number, step: number) => void;
  } = {},
): Promise<JobResult[]> {
  const { signal } = options;
  if (jobs.length === 0) return [];
  const key = studyGroupKey(jobs[0]);
  const stranger = jobs.find((job) => studyGroupKey(job) !== key);
  if (stranger) throw new Error(`${stranger.id} cannot train in one program with ${jobs[0].id} (method, target, depth or budget differ)`);
  if (signal?.aborted) throw new StudyCancelledError();
  await prepareStudyRuntime(options.backend ?? jobs[0].config.backend, jobs[0].config.target, options.selectOptions);
  const group = createModelGroupTrainer(
    jobs.map((job) => ({ config: job.config })),
    jobs[0].method,
    { validationFraction: STUDY_VALIDATION_FRACTION },
  );
  try {
    const schedule = { totalSteps: group.totalSteps, config: { evalEvery: jobs[0].config.evalEvery } };
    const histories: StudyEvaluationPoint[][] = jobs.map(() => []);
    const validations: StudyValidationPoint[][] = jobs.map(() => []);
    const diverged: JobResult['diverged'][] = jobs.map(() => null);
    // runToCompletion, model by model: train to the next evaluation step, evaluate; a diverged model's
    // history ends with the evaluation of its restored weights.
    while (group.step < group.totalSteps && diverged.some((d) => d === null)) {
      if (signal?.aborted) break;
      const chunkStartedAt = performance.now();
      const chunk = await group.train(nextEvaluationStep(group.step, schedule) - group.step);
      const points = await group.evaluate();
      const validation = await group.evaluateValidation();
      for (let k = 0; k < jobs.length; k++) {
        if (diverged[k]) continue;
        histories[k].push(toPlainPoint(points[k]));
        validations[k].push({ step: points[k].step, trueInvocation: validation[k].trueInvocation, predictionAccuracy: validation[k].predictionAccuracy });
        if (chunk.diverged[k]) diverged[k] = chunk.diverged[k];
      }
      options.onChunk?.(performance.now() - chunkStartedAt, group.step);
    }
    if (signal?.aborted) throw new StudyCancelledError();
    const finalPoints = histories.some((h) => h.length === 0) ? (await group.evaluate()).map(toPlainPoint) : null;
    const notes = group.notes.map((n) => [...n]);
    return jobs.map((job, k) => {
      const last = histories[k].at(-1) ?? finalPoints![k];
      const topology = group.topologies[k];
      return {
        id: job.id,
        target: job.target,
        method: job.method,
        metrics: last,
        history: histories[k].length ? histories[k] : [last],
        validation: validations[k],
        params: topology.parameters,
        trainingMs: group.trainingMs / group.size,
        topology: { approximator: [...topology.approximator], predictor: [...(topology.predictor ?? [])] },
        totalSteps: group.stoppedAt[k] ?? group.step,
        diverged: diverged[k],
        backend: group.backend,
        notes: notes[k],
      };
    });
  } finally {
    group.dispose();
  }
}
