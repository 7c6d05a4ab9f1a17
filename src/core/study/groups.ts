/**
 * Jobs of a study plan that can train as one program (a ModelGroupTrainer of K models, src/ml/group).
 *
 * Two jobs share a program when everything but their seed, learning rate and error bound is equal:
 * same method, target, hidden widths, step budget, rounds, batch size, data set sizes, evaluation
 * period (chunks end at the same steps, so the per-chunk losses of every evaluation mean the same
 * thing), fusion, prediction output, choose_type and parameter matching. Pure: the same jobs always
 * give the same groups, in the same order.
 *
 * Widths are not padded here (the engine could): the study's topology sweeps mix small and large nets,
 * and a padded group computes every model at the largest size. Measured (Node, the three jpeg iterative
 * jobs of the full plan, A 16 / 4 / 8): one padded program 23.8 ms per step on tfjs cpu against 26.8 ms
 * for the three one after another, and 6.6 ms against 4.5 ms on wasm — while two worker threads run
 * single jobs side by side. The full reproduction took 976 s with padded groups against 521 s without.
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

/** What must be equal for two jobs to train as one program: the method and the config without seed, learningRate and errorBound. */
export function studyGroupKey(job: Pick<StudyJob, 'method' | 'config'>): string {
  const { seed: _seed, learningRate: _learningRate, errorBound: _errorBound, ...shared } = job.config;
  return stableStringify({ method: job.method, config: shared });
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
