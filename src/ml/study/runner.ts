/**
 * Runs the jobs of a study plan: in order, `concurrency` at a time, with progress, an ETA, an optional
 * result cache and cancellation by AbortSignal. No tf here: the job runner is injected (Node: in-process
 * training or worker threads; browser: a worker-backed runJob). Without one, the in-process runner of
 * ./runJob.ts is loaded lazily, so that a page which brings its own never bundles tf into the main thread.
 */
import { computeJobKey, type StudyJob, type StudyPlan } from '../../core/study/plan';
import type { JobResult } from '../../core/study/results';

export type RunJob = (job: StudyJob, context: { signal?: AbortSignal }) => Promise<JobResult>;

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
  /** Ids of every running job (several when concurrency > 1). */
  running: string[];
  cachedCount: number;
  failedCount: number;
  elapsedMs: number;
  /** Remaining wall time estimated from the cost of the jobs run so far (null before the first). */
  etaMs: number | null;
  /** Set on the update sent when a job finishes. */
  finished?: { id: string; cached: boolean; error: string | null };
}

export interface RunStudyOptions {
  runJob?: RunJob;
  onProgress?: (progress: StudyProgress) => void;
  /** Called with each result as it arrives (before the study ends). */
  onResult?: (result: JobResult) => void;
  signal?: AbortSignal;
  cache?: StudyCache;
  /** Jobs run at the same time (default 1); worth > 1 only when runJob uses separate threads. */
  concurrency?: number;
  /** Clock in ms (default performance.now); tests pass a fake one. */
  now?: () => number;
}

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

async function loadDefaultRunJob(): Promise<RunJob> {
  const module = await import('./runJob');
  return module.runStudyJob;
}

/**
 * Runs every job of `plan` (cache hits are not re-run) and resolves with all results. A failing job is
 * recorded in `errors` and the study goes on; an abort resolves with `cancelled: true` and the results so far.
 */
export async function runStudy(plan: StudyPlan, options: RunStudyOptions = {}): Promise<StudyRun> {
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
  let runJob = options.runJob ?? null;

  const report = (finished?: StudyProgress['finished']) => {
    if (!options.onProgress) return;
    const elapsedMs = now() - started;
    let leftCost = 0;
    for (const cost of remainingCost.values()) leftCost += cost;
    // Rate = wall time per unit of cost of the freshly run jobs (cache hits cost nothing).
    const etaMs = freshCost > 0 ? (leftCost * freshMs) / freshCost : done === total ? 0 : null;
    const current = lastStarted && running.has(lastStarted.id) ? { id: lastStarted.id, label: lastStarted.label } : running.size ? [...running.values()].map((j) => ({ id: j.id, label: j.label }))[0] : null;
    options.onProgress({ done, total, currentJob: current, running: [...running.keys()], cachedCount, failedCount: errors.length, elapsedMs, etaMs, ...(finished ? { finished } : {}) });
  };

  let next = 0;
  const runOne = async (job: StudyJob): Promise<void> => {
    const key = computeJobKey(job);
    const hit = cache ? await cache.get(key) : undefined;
    if (hit) {
      results[job.id] = { ...hit, id: job.id, cached: true };
      remainingCost.delete(job.id);
      done++;
      cachedCount++;
      options.onResult?.(results[job.id]);
      report({ id: job.id, cached: true, error: null });
      return;
    }
    if (!runJob) runJob = await loadDefaultRunJob();
    running.set(job.id, job);
    lastStarted = job;
    report();
    const jobStarted = now();
    try {
      const result = { ...(await runJob(job, { signal })), id: job.id };
      delete result.cached;
      results[job.id] = result;
      if (cache) await cache.set(key, result);
      running.delete(job.id);
      remainingCost.delete(job.id);
      freshCost += Math.max(1, job.cost);
      freshMs += (now() - jobStarted) / concurrency;
      done++;
      options.onResult?.(result);
      report({ id: job.id, cached: false, error: null });
    } catch (error) {
      running.delete(job.id);
      if (isCancellation(error) || signal?.aborted) return;
      remainingCost.delete(job.id);
      const message = error instanceof Error ? error.message : String(error);
      errors.push({ id: job.id, message });
      done++;
      report({ id: job.id, cached: false, error: message });
    }
  };

  const lane = async (): Promise<void> => {
    while (next < plan.jobs.length && !signal?.aborted) {
      const job = plan.jobs[next++];
      await runOne(job);
    }
  };

  report();
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, total)) }, lane));
  const cancelled = Boolean(signal?.aborted) && done < total;
  return { results, errors, cancelled, wallMs: now() - started };
}
