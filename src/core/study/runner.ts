/**
 * Runs the jobs of a study plan: in order, `concurrency` units at a time, with progress, an ETA, an
 * optional result cache and cancellation by AbortSignal. Pure (no tf, no ml): the caller passes how a
 * unit trains, either one job at a time (`runJob`: a browser worker, a worker thread, in process) or
 * one program of jobs at a time (`runJobGroup`: the jobs of a group of ./groups.ts as one
 * ModelGroupTrainer). Results are cached per job key in both modes, and progress counts jobs.
 */
import { groupStudyJobs } from './groups';
import { computeJobKey, type StudyJob, type StudyPlan } from './plan';
import type { JobResult } from './results';

export interface RunContext {
  signal?: AbortSignal;
}

export type RunJob = (job: StudyJob, context: RunContext) => Promise<JobResult>;

/** Trains jobs that share a program (one group of groupStudyJobs); resolves with one result per job, in order. */
export type RunJobGroup = (jobs: StudyJob[], context: RunContext) => Promise<JobResult[]>;

/** Where results are kept between runs (browser: IndexedDB; Node: a directory or nothing). */
export interface StudyCache {
  get(key: string): Promise<JobResult | undefined> | JobResult | undefined;
  set(key: string, result: JobResult): Promise<void> | void;
}

export interface StudyProgress {
  /** Jobs finished (run, cached or failed). */
  done: number;
  total: number;
  /** The job started last that is still running (null between jobs and at the end). */
  currentJob: { id: string; label: string } | null;
  /** Ids of every running job (several when concurrency > 1 or a group trains several jobs). */
  running: string[];
  cachedCount: number;
  failedCount: number;
  elapsedMs: number;
  /** Remaining wall time estimated from the cost of the jobs run so far (null before the first). */
  etaMs: number | null;
  /** Set on the update sent when a job finishes. */
  finished?: { id: string; cached: boolean; error: string | null };
}

interface RunStudyCommonOptions {
  onProgress?: (progress: StudyProgress) => void;
  /** Called with each result as it arrives (before the study ends). */
  onResult?: (result: JobResult) => void;
  signal?: AbortSignal;
  cache?: StudyCache;
  /** Units (jobs or groups) run at the same time (default 1); worth > 1 only when they run on separate threads. */
  concurrency?: number;
  /** Clock in ms (default performance.now); tests pass a fake one. */
  now?: () => number;
}

/** Exactly one way to train: job by job, or group by group. */
export type RunStudyOptions = RunStudyCommonOptions & ({ runJob: RunJob; runJobGroup?: undefined } | { runJobGroup: RunJobGroup; runJob?: undefined });

export interface StudyRun {
  results: Record<string, JobResult>;
  errors: { id: string; message: string }[];
  /** True when the signal aborted the study; results then holds what finished. */
  cancelled: boolean;
  wallMs: number;
}

/** Thrown by job runners when the signal aborts them. */
export class StudyCancelledError extends Error {
  constructor(message = 'The study was cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

export function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error instanceof StudyCancelledError);
}

/**
 * Runs every job of `plan` (cache hits are not re-run) and resolves with all results. A failing job
 * (or group: each of its jobs) is recorded in `errors` and the study goes on; an abort resolves with
 * `cancelled: true` and the results so far.
 */
export async function runStudy(plan: StudyPlan, options: RunStudyOptions): Promise<StudyRun> {
  const runGroup: RunJobGroup | null = options.runJobGroup ?? null;
  const runJob: RunJob | null = options.runJob ?? null;
  if (!runGroup && !runJob) throw new Error('runStudy needs runJob or runJobGroup');
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { signal, cache } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const results: Record<string, JobResult> = {};
  const errors: { id: string; message: string }[] = [];
  const total = plan.jobs.length;
  const remainingCost = new Map(plan.jobs.map((job) => [job.id, Math.max(1, job.cost)]));
  const running = new Map<string, StudyJob>();
  let done = 0;
  let cachedCount = 0;
  let freshCost = 0;
  let freshMs = 0;
  let lastStarted: StudyJob | null = null;

  const report = (finished?: StudyProgress['finished']) => {
    if (!options.onProgress) return;
    const elapsedMs = now() - started;
    let leftCost = 0;
    for (const cost of remainingCost.values()) leftCost += cost;
    // Rate = wall time per unit of cost of the freshly run jobs (cache hits cost nothing).
    const etaMs = freshCost > 0 ? (leftCost * freshMs) / freshCost : done === total ? 0 : null;
    const current =
      lastStarted && running.has(lastStarted.id)
        ? { id: lastStarted.id, label: lastStarted.label }
        : running.size
          ? [...running.values()].map((j) => ({ id: j.id, label: j.label }))[0]
          : null;
    options.onProgress({
      done,
      total,
      currentJob: current,
      running: [...running.keys()],
      cachedCount,
      failedCount: errors.length,
      elapsedMs,
      etaMs,
      ...(finished ? { finished } : {}),
    });
  };

  /** Cache hits of `jobs` are recorded; the rest is returned (to train). */
  const takeCached = async (jobs: readonly StudyJob[]): Promise<StudyJob[]> => {
    const fresh: StudyJob[] = [];
    for (const job of jobs) {
      const hit = cache ? await cache.get(computeJobKey(job)) : undefined;
      if (!hit) {
        fresh.push(job);
        continue;
      }
      results[job.id] = { ...hit, id: job.id, cached: true };
      remainingCost.delete(job.id);
      done++;
      cachedCount++;
      options.onResult?.(results[job.id]);
      report({ id: job.id, cached: true, error: null });
    }
    return fresh;
  };

  /** Trains `jobs` as one unit (one job, or one group) and records their results or their error. */
  const runUnit = async (jobs: StudyJob[]): Promise<void> => {
    for (const job of jobs) running.set(job.id, job);
    lastStarted = jobs[0];
    report();
    const unitStarted = now();
    try {
      // Jobs of equal cache keys (equal configs, e.g. a Fig. 2 job under both schedules) train once.
      const keys = jobs.map((job) => computeJobKey(job));
      const unique = jobs.filter((_, k) => keys.indexOf(keys[k]) === k);
      const once = runGroup ? await runGroup(unique, { signal }) : [await runJob!(jobs[0], { signal })];
      if (once.length !== unique.length) throw new Error(`The group runner returned ${once.length} results for ${unique.length} jobs`);
      const trained = keys.map((key) => once[unique.findIndex((job) => computeJobKey(job) === key)]);
      const unitMs = now() - unitStarted;
      const unitCost = jobs.reduce((sum, job) => sum + Math.max(1, job.cost), 0);
      for (const [k, job] of jobs.entries()) {
        const result = { ...trained[k], id: job.id };
        delete result.cached;
        results[job.id] = result;
        if (cache) await cache.set(computeJobKey(job), result);
        running.delete(job.id);
        remainingCost.delete(job.id);
        freshCost += Math.max(1, job.cost);
        // The unit's wall time, shared by its jobs in proportion to their cost (a lane has 1/concurrency of the machine).
        freshMs += (unitMs / concurrency) * (Math.max(1, job.cost) / unitCost);
        done++;
        options.onResult?.(result);
        report({ id: job.id, cached: false, error: null });
      }
    } catch (error) {
      for (const job of jobs) running.delete(job.id);
      if (isCancellation(error) || signal?.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      for (const job of jobs) {
        remainingCost.delete(job.id);
        errors.push({ id: job.id, message });
        done++;
        report({ id: job.id, cached: false, error: message });
      }
    }
  };

  // Units of work in plan order: single jobs, or the groups of groupStudyJobs (ordered by their first job).
  const units: StudyJob[][] = runGroup ? groupStudyJobs(plan.jobs).map((g) => g.jobs) : plan.jobs.map((job) => [job]);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < units.length && !signal?.aborted) {
      const fresh = await takeCached(units[next++]);
      if (fresh.length && !signal?.aborted) await runUnit(fresh);
    }
  };

  report();
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, units.length)) }, lane));
  const cancelled = Boolean(signal?.aborted) && done < total;
  return { results, errors, cancelled, wallMs: now() - started };
}
