/**
 * Jobs of a study plan that can train as one program (a ModelGroupTrainer of K models, src/ml/group).
 *
 * Two jobs share a program when everything but their seed, learning rate, error bound and hidden
 * widths is equal: same method, target, depth (number of hidden layers of A and C), step budget,
 * rounds, batch size, data set sizes, evaluation period (chunks end at the same steps, so the
 * per-chunk losses of every evaluation mean the same thing), fusion, prediction output, choose_type
 * and parameter matching. Pure: the same jobs always give the same groups, in the same order.
 */
import { stableStringify, type StudyJob } from './plan';

/** A set of jobs that train as one program, in plan order. */
export interface StudyJobGroup {
  /** The shared part of the jobs' configs (see studyGroupKey). */
  key: string;
  jobs: StudyJob[];
  /** Σ job cost (the group trained model after model; a batched engine is cheaper, the ETA learns it). */
  cost: number;
}

/**
 * What must be equal for two jobs to train as one program: the method and the config without the
 * per-model fields (seed, learningRate, errorBound, widths), with the depths in place of the widths.
 */
export function studyGroupKey(job: Pick<StudyJob, 'method' | 'config'>): string {
  const { seed: _seed, learningRate: _learningRate, errorBound: _errorBound, approximatorHidden, predictorHidden, ...shared } = job.config;
  return stableStringify({
    method: job.method,
    depth: { approximator: approximatorHidden.length, predictor: predictorHidden.length },
    config: shared,
  });
}

/**
 * Groups `jobs` by studyGroupKey. Groups are ordered by their first job, and jobs keep their order
 * inside a group, so that a plan run group by group trains its jobs in nearly plan order.
 */
export function groupStudyJobs(jobs: readonly StudyJob[]): StudyJobGroup[] {
  const groups = new Map<string, StudyJobGroup>();
  for (const job of jobs) {
    const key = studyGroupKey(job);
    let group = groups.get(key);
    if (!group) {
      group = { key, jobs: [], cost: 0 };
      groups.set(key, group);
    }
    group.jobs.push(job);
    group.cost += Math.max(1, job.cost);
  }
  return [...groups.values()];
}
